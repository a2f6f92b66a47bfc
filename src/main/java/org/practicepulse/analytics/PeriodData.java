package org.practicepulse.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The daily data of one practice over a date range (a period and the one before it), from which
 * every figure of any sub-range and platform is summed in memory: one load per request.
 */
public record PeriodData(List<PostCell> posts, List<TrafficCell> traffic, boolean hasTraffic,
        Map<Long, AccountSeries> accounts) {

    /** Post totals of the posts published on one local day on one platform. */
    public record PostCell(LocalDate day, String platform, PostTotals totals) {
    }

    /** Social traffic of one day from one platform. */
    public record TrafficCell(LocalDate day, String platform, TrafficTotals totals) {
    }

    /** One day of an account: total followers at its end, and that day's follows and unfollows. */
    public record FollowerDay(Long followers, Long gained, Long lost) {
    }

    /** An account's follower days in range, and its last known total before the range. */
    public record AccountSeries(String platform, Long followersBefore, NavigableMap<LocalDate, FollowerDay> days) {
    }

    public MetricFigures figures(LocalDate from, LocalDate to, String platform) {
        return MetricFigures.of(postTotals(from, to, platform), followers(from, to, platform), trafficTotals(from, to, platform));
    }

    public PostTotals postTotals(LocalDate from, LocalDate to, String platform) {
        PostTotals total = PostTotals.NONE;
        for (PostCell cell : posts) {
            if (within(cell.day(), from, to) && matches(cell.platform(), platform)) {
                total = total.plus(cell.totals());
            }
        }
        return total;
    }

    public TrafficTotals trafficTotals(LocalDate from, LocalDate to, String platform) {
        TrafficTotals total = TrafficTotals.NONE;
        for (TrafficCell cell : traffic) {
            if (within(cell.day(), from, to) && matches(cell.platform(), platform)) {
                total = total.plus(cell.totals());
            }
        }
        return hasTraffic ? total.zeroIfNone() : total;
    }

    /**
     * Per account: followers at the end = the last total on or before 'to'; at the start = the last
     * total before 'from', else the first one inside the period; gained = end - start. An account
     * reporting only daily follows/unfollows gains their difference, with no start (no rate).
     */
    public FollowerFigures followers(LocalDate from, LocalDate to, String platform) {
        FollowerFigures total = FollowerFigures.NONE;
        for (AccountSeries account : accounts.values()) {
            if (!matches(account.platform(), platform)) {
                continue;
            }
            Long start = account.followersBefore();
            Long end = start;
            Long firstInside = null;
            Long gained = null;
            Long lost = null;
            for (Map.Entry<LocalDate, FollowerDay> e : account.days().headMap(to, true).entrySet()) {
                FollowerDay day = e.getValue();
                boolean inside = !e.getKey().isBefore(from);
                if (day.followers() != null) {
                    if (!inside) {
                        start = day.followers();
                    } else if (firstInside == null) {
                        firstInside = day.followers();
                    }
                    end = day.followers();
                }
                if (inside) {
                    gained = PostTotals.add(gained, day.gained());
                    lost = PostTotals.add(lost, day.lost());
                }
            }
            if (start == null) {
                start = firstInside;
            }
            if (end != null && start != null) {
                total = total.plus(new FollowerFigures(end, end - start, end - start, start));
            } else if (gained != null || lost != null) {
                long net = (gained == null ? 0 : gained) - (lost == null ? 0 : lost);
                total = total.plus(new FollowerFigures(null, net, null, null));
            }
        }
        return total;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static boolean matches(String platform, String filter) {
        return filter == null || filter.equals(platform);
    }
}
