package org.practicepulse.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * "Activity in week": what posts gained during each week, from the difference between two
 * snapshots (the last on or before the week's Sunday minus the last before its Monday). A post
 * published inside the week starts from zero; a post published earlier without a snapshot before
 * the week has no baseline and is counted apart, never guessed. Snapshots older than
 * {@link #BASELINE_DAYS} days before the period are not looked at.
 */
@ApplicationScoped
public class ActivityQuery {

    static final int BASELINE_DAYS = 92;

    public record Week(String week, LocalDate weekStart, LocalDate weekEnd, long posts, long impressions, long engagements,
            long clicks, long postsWithoutBaseline) {
    }

    private record Snapshot(long postId, Instant publishedAt, LocalDate asOf, long impressions, long engagements, long clicks) {
    }

    private static final String SNAPSHOTS = """
            select s.post_id, p.published_at, s.as_of, coalesce(s.impressions, 0), coalesce(s.engagements, 0), coalesce(s.clicks, 0)
            from post_metric_snapshot s
            join post p on p.practice_id = s.practice_id and p.id = s.post_id
            where s.practice_id = ? and s.as_of >= ? and s.as_of <= ?
              and (cast(? as text) is null or p.platform = ?) and (cast(? as bigint[]) is null or p.account_id = any(?))
            order by s.post_id, s.as_of
            """;

    @Inject
    DataSource dataSource;

    public List<Week> weekly(MetricsQuery.Scope scope, ReportingPeriod period) {
        List<List<Snapshot>> byPost = load(scope, period);
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = period.firstWeek(); !monday.isAfter(period.to()); monday = monday.plusWeeks(1)) {
            LocalDate start = monday.isBefore(period.from()) ? period.from() : monday;
            LocalDate sunday = monday.plusDays(6);
            LocalDate end = sunday.isAfter(period.to()) ? period.to() : sunday;
            Instant weekStart = start.atStartOfDay(scope.zone()).toInstant();
            long posts = 0, impressions = 0, engagements = 0, clicks = 0, noBaseline = 0;
            for (List<Snapshot> snapshots : byPost) {
                Snapshot after = last(snapshots, end, true);
                if (after == null || after.publishedAt().isAfter(end.plusDays(1).atStartOfDay(scope.zone()).toInstant())) {
                    continue;
                }
                Snapshot before = last(snapshots, start, false);
                boolean publishedInside = !after.publishedAt().isBefore(weekStart);
                if (before == null && !publishedInside) {
                    noBaseline++;
                    continue;
                }
                if (before == after) {
                    continue; // no newer snapshot inside the week: nothing measured
                }
                posts++;
                impressions += after.impressions() - (before == null ? 0 : before.impressions());
                engagements += after.engagements() - (before == null ? 0 : before.engagements());
                clicks += after.clicks() - (before == null ? 0 : before.clicks());
            }
            String label = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            weeks.add(new Week(label, start, end, posts, impressions, engagements, clicks, noBaseline));
        }
        return weeks;
    }

    /** The last snapshot on or before (inclusive) or strictly before (exclusive) the day. */
    private static Snapshot last(List<Snapshot> snapshots, LocalDate day, boolean inclusive) {
        Snapshot found = null;
        for (Snapshot s : snapshots) {
            if (inclusive ? !s.asOf().isAfter(day) : s.asOf().isBefore(day)) {
                found = s;
            }
        }
        return found;
    }

    private List<List<Snapshot>> load(MetricsQuery.Scope scope, ReportingPeriod period) {
        List<List<Snapshot>> byPost = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(SNAPSHOTS)) {
            java.sql.Array accounts = scope.accountIds() == null ? null : c.createArrayOf("bigint", scope.accountIds().toArray());
            st.setLong(1, scope.practiceId());
            st.setObject(2, period.from().minusDays(BASELINE_DAYS));
            st.setObject(3, period.to());
            st.setString(4, scope.platform());
            st.setString(5, scope.platform());
            st.setArray(6, accounts);
            st.setArray(7, accounts);
            try (ResultSet rs = st.executeQuery()) {
                long current = -1;
                while (rs.next()) {
                    Snapshot s = new Snapshot(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, LocalDate.class),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6));
                    if (s.postId() != current) {
                        byPost.add(new ArrayList<>());
                        current = s.postId();
                    }
                    byPost.get(byPost.size() - 1).add(s);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("activity query failed", e);
        }
        return byPost;
    }
}
