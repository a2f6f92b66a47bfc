package org.practicepulse.analytics;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Loads {@link PeriodData} from the aggregates: the daily post rollup, the latest-post table
 * (for followers on posting days), daily social traffic and daily account figures. Every query
 * reads only the requested range of one practice through an index.
 */
@ApplicationScoped
public class MetricsQuery {

    /** Which posts and accounts a request is about: null platform or accounts = all. */
    public record Scope(long practiceId, ZoneId zone, String platform, List<Long> accountIds) {
    }

    private static final String POST_CELLS = """
            select day, platform, sum(posts) as posts, sum(impressions) as impressions, sum(reach) as reach,
                   sum(engagements) as engagements, sum(clicks) as clicks, sum(video_views) as video_views,
                   sum(watch_time_seconds) as watch_time_seconds, sum(er_engagements) as er_engagements,
                   sum(er_impressions) as er_impressions, sum(err_engagements) as err_engagements, sum(err_reach) as err_reach,
                   sum(ctr_clicks) as ctr_clicks, sum(ctr_impressions) as ctr_impressions,
                   sum(post_rate_sum) as post_rate_sum, sum(post_rate_count) as post_rate_count
            from daily_post_rollup
            where practice_id = ? and day >= ? and day <= ?
              and (cast(? as text) is null or platform = ?) and (cast(? as bigint[]) is null or account_id = any(?))
            group by day, platform
            """;

    // Engagement rate by followers needs each post's account followers on its publication day.
    private static final String FOLLOWER_RATE_CELLS = """
            select cast(l.published_at at time zone ? as date) as day, l.platform,
                   sum(l.engagements) filter (where f.followers > 0) as engagements,
                   sum(f.followers) filter (where l.engagements is not null and f.followers > 0) as followers
            from post_latest_metric l
            join lateral (
                select d.followers from account_daily_metric d
                where d.practice_id = l.practice_id and d.account_id = l.account_id and d.followers is not null
                  and d.day <= cast(l.published_at at time zone ? as date)
                order by d.day desc limit 1) f on true
            where l.practice_id = ? and l.published_at >= ? and l.published_at < ?
              and (cast(? as text) is null or l.platform = ?) and (cast(? as bigint[]) is null or l.account_id = any(?))
            group by 1, 2
            """;

    private static final String TRAFFIC_CELLS = """
            select day, platform, sum(sessions) as sessions, sum(conversions) as conversions,
                   sum(conversions) filter (where sessions is not null) as rate_conversions,
                   sum(sessions) filter (where conversions is not null) as rate_sessions
            from web_traffic_daily
            where practice_id = ? and day >= ? and day <= ? and platform is not null
              and (cast(? as text) is null or platform = ?)
            group by day, platform
            """;

    private static final String HAS_TRAFFIC = "select exists (select 1 from web_traffic_daily where practice_id = ?)";

    private static final String FOLLOWERS_BEFORE = """
            select distinct on (d.account_id) d.account_id, d.followers
            from account_daily_metric d
            where d.practice_id = ? and d.day < ? and d.followers is not null
              and (cast(? as bigint[]) is null or d.account_id = any(?))
            order by d.account_id, d.day desc
            """;

    private static final String FOLLOWER_DAYS = """
            select d.account_id, d.day, d.followers, d.follows_gained, d.unfollows
            from account_daily_metric d
            where d.practice_id = ? and d.day >= ? and d.day <= ?
              and (cast(? as bigint[]) is null or d.account_id = any(?))
            order by d.account_id, d.day
            """;

    private static final String ACCOUNTS = """
            select id, platform from social_account
            where practice_id = ? and (cast(? as text) is null or platform = ?) and (cast(? as bigint[]) is null or id = any(?))
            """;

    @Inject
    DataSource dataSource;

    public PeriodData load(Scope scope, LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection()) {
            java.sql.Array accounts = scope.accountIds() == null ? null
                    : c.createArrayOf("bigint", scope.accountIds().toArray());
            Map<String, PostTotals> cells = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(POST_CELLS)) {
                st.setLong(1, scope.practiceId());
                st.setObject(2, from);
                st.setObject(3, to);
                bindFilters(st, 4, scope.platform(), accounts);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        cells.put(rs.getObject("day", LocalDate.class) + "|" + rs.getString("platform"),
                                new PostTotals(rs.getLong("posts"), longOrNull(rs, "impressions"), longOrNull(rs, "reach"),
                                        longOrNull(rs, "engagements"), longOrNull(rs, "clicks"), longOrNull(rs, "video_views"),
                                        longOrNull(rs, "watch_time_seconds"), longOrNull(rs, "er_engagements"),
                                        longOrNull(rs, "er_impressions"), longOrNull(rs, "err_engagements"),
                                        longOrNull(rs, "err_reach"), longOrNull(rs, "ctr_clicks"),
                                        longOrNull(rs, "ctr_impressions"), null, null, doubleOrNull(rs, "post_rate_sum"),
                                        rs.getLong("post_rate_count")));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(FOLLOWER_RATE_CELLS)) {
                st.setString(1, scope.zone().getId());
                st.setString(2, scope.zone().getId());
                st.setLong(3, scope.practiceId());
                st.setTimestamp(4, Timestamp.from(from.atStartOfDay(scope.zone()).toInstant()));
                st.setTimestamp(5, Timestamp.from(to.plusDays(1).atStartOfDay(scope.zone()).toInstant()));
                bindFilters(st, 6, scope.platform(), accounts);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getObject("day", LocalDate.class) + "|" + rs.getString("platform");
                        PostTotals cell = cells.get(key);
                        if (cell != null) {
                            cells.put(key, cell.withFollowerRate(longOrNull(rs, "engagements"), longOrNull(rs, "followers")));
                        }
                    }
                }
            }
            List<PeriodData.PostCell> posts = new ArrayList<>();
            cells.forEach((key, totals) -> {
                int bar = key.indexOf('|');
                posts.add(new PeriodData.PostCell(LocalDate.parse(key.substring(0, bar)), key.substring(bar + 1), totals));
            });
            return new PeriodData(posts, traffic(c, scope, from, to), hasTraffic(c, scope.practiceId()),
                    accounts(c, scope, accounts, from, to));
        } catch (SQLException e) {
            throw new IllegalStateException("metrics query failed", e);
        }
    }

    private static List<PeriodData.TrafficCell> traffic(Connection c, Scope scope, LocalDate from, LocalDate to) throws SQLException {
        List<PeriodData.TrafficCell> cells = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(TRAFFIC_CELLS)) {
            st.setLong(1, scope.practiceId());
            st.setObject(2, from);
            st.setObject(3, to);
            st.setString(4, scope.platform());
            st.setString(5, scope.platform());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    cells.add(new PeriodData.TrafficCell(rs.getObject("day", LocalDate.class), rs.getString("platform"),
                            new TrafficTotals(longOrNull(rs, "sessions"), rs.getBigDecimal("conversions"),
                                    rs.getBigDecimal("rate_conversions"), longOrNull(rs, "rate_sessions"))));
                }
            }
        }
        return cells;
    }

    private static boolean hasTraffic(Connection c, long practiceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(HAS_TRAFFIC)) {
            st.setLong(1, practiceId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static Map<Long, PeriodData.AccountSeries> accounts(Connection c, Scope scope, java.sql.Array accounts,
            LocalDate from, LocalDate to) throws SQLException {
        Map<Long, String> platforms = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(ACCOUNTS)) {
            st.setLong(1, scope.practiceId());
            bindFilters(st, 2, scope.platform(), accounts);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    platforms.put(rs.getLong("id"), rs.getString("platform"));
                }
            }
        }
        Map<Long, Long> before = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(FOLLOWERS_BEFORE)) {
            st.setLong(1, scope.practiceId());
            st.setObject(2, from);
            st.setArray(3, accounts);
            st.setArray(4, accounts);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    before.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        Map<Long, TreeMap<LocalDate, PeriodData.FollowerDay>> days = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(FOLLOWER_DAYS)) {
            st.setLong(1, scope.practiceId());
            st.setObject(2, from);
            st.setObject(3, to);
            st.setArray(4, accounts);
            st.setArray(5, accounts);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    days.computeIfAbsent(rs.getLong("account_id"), id -> new TreeMap<>()).put(rs.getObject("day", LocalDate.class),
                            new PeriodData.FollowerDay(longOrNull(rs, "followers"), longOrNull(rs, "follows_gained"),
                                    longOrNull(rs, "unfollows")));
                }
            }
        }
        Map<Long, PeriodData.AccountSeries> series = new HashMap<>();
        platforms.forEach((id, platform) -> {
            if (before.containsKey(id) || days.containsKey(id)) {
                series.put(id, new PeriodData.AccountSeries(platform, before.get(id), days.getOrDefault(id, new TreeMap<>())));
            }
        });
        return series;
    }

    /** Binds "(platform is null or = platform) and (accounts is null or any(accounts))". */
    private static void bindFilters(PreparedStatement st, int index, String platform, java.sql.Array accounts) throws SQLException {
        st.setString(index, platform);
        st.setString(index + 1, platform);
        st.setArray(index + 2, accounts);
        st.setArray(index + 3, accounts);
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

}
