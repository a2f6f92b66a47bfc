package org.practicepulse.analytics;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps post_latest_metric and daily_post_rollup in step with the snapshots. Called by the
 * importer inside the import transaction, so the aggregates commit (or roll back) with the rows.
 */
@ApplicationScoped
public class MetricRollups {

    // A snapshot replaces the latest only when it is at least as new.
    private static final String UPSERT_LATEST = """
            insert into post_latest_metric (practice_id, post_id, platform, account_id, published_at, as_of, impressions, reach,
                engagements, likes, comments, shares, saves, clicks, profile_clicks, video_views, watch_time_seconds, follows,
                impressions_definition, import_run_id)
            select s.practice_id, s.post_id, p.platform, p.account_id, p.published_at, s.as_of, s.impressions, s.reach,
                   s.engagements, s.likes, s.comments, s.shares, s.saves, s.clicks, s.profile_clicks, s.video_views,
                   s.watch_time_seconds, s.follows,
                   case when jsonb_exists(s.extra, 'views') then 'views' when jsonb_exists(s.extra, 'impressions') then 'impressions' end,
                   s.import_run_id
            from post_metric_snapshot s
            -- by key, row by row: statistics taken while an import is uncommitted can make a join quadratic
            cross join lateral (select p.platform, p.account_id, p.published_at from post p
                                where p.practice_id = s.practice_id and p.id = s.post_id offset 0) p
            where s.practice_id = ? and s.import_run_id = ?
            on conflict (practice_id, post_id) do update set
                platform = excluded.platform, account_id = excluded.account_id, published_at = excluded.published_at,
                as_of = excluded.as_of, impressions = excluded.impressions, reach = excluded.reach,
                engagements = excluded.engagements, likes = excluded.likes, comments = excluded.comments,
                shares = excluded.shares, saves = excluded.saves, clicks = excluded.clicks,
                profile_clicks = excluded.profile_clicks, video_views = excluded.video_views,
                watch_time_seconds = excluded.watch_time_seconds, follows = excluded.follows,
                impressions_definition = excluded.impressions_definition, import_run_id = excluded.import_run_id
            where excluded.as_of >= post_latest_metric.as_of
            """;

    // Post fields (publication time, account) follow the post even when an older export re-imports it.
    private static final String FOLLOW_POSTS = """
            update post_latest_metric l set platform = p.platform, account_id = p.account_id, published_at = p.published_at
            from post p
            where p.practice_id = l.practice_id and p.id = l.post_id and p.practice_id = ? and p.import_run_id = ?
              and (l.published_at <> p.published_at or l.account_id <> p.account_id)
            """;

    // The days the run's posts were published on before the run: their latest rows are still the old ones.
    private static final String EARLIER_DAYS_OF_RUN = """
            select distinct cast(l.published_at at time zone ? as date)
            from post_metric_snapshot s
            cross join lateral (select l.published_at from post_latest_metric l
                                where l.practice_id = s.practice_id and l.post_id = s.post_id offset 0) l
            where s.practice_id = ? and s.import_run_id = ?
            """;
    // The days they are published on now: the run's posts are the posts of its snapshots, and their
    // latest rows follow the post's publication time (UPSERT_LATEST, FOLLOW_POSTS).
    private static final String DAYS_OF_RUN = """
            select distinct cast(published_at at time zone ? as date) from post where practice_id = ? and import_run_id = ?
            """;

    private static final String DELETE_DAYS = "delete from daily_post_rollup where practice_id = ? and day = any(?)";

    // Per-post rates count only where both figures exist and the denominator is positive.
    private static final String AGGREGATE_DAYS = """
            insert into daily_post_rollup (practice_id, day, platform, account_id, posts, impressions, reach, engagements,
                clicks, video_views, watch_time_seconds, er_engagements, er_impressions, err_engagements, err_reach,
                ctr_clicks, ctr_impressions, post_rate_sum, post_rate_count)
            select practice_id, cast(published_at at time zone ? as date) as day, platform, account_id, count(*),
                   sum(impressions), sum(reach), sum(engagements), sum(clicks), sum(video_views), sum(watch_time_seconds),
                   sum(engagements) filter (where impressions is not null),
                   sum(impressions) filter (where engagements is not null),
                   sum(engagements) filter (where reach is not null),
                   sum(reach) filter (where engagements is not null),
                   sum(clicks) filter (where impressions is not null),
                   sum(impressions) filter (where clicks is not null),
                   sum(cast(engagements as double precision) / impressions) filter (where impressions > 0 and engagements is not null),
                   count(*) filter (where impressions > 0 and engagements is not null)
            from post_latest_metric
            where practice_id = ? and published_at >= ? and published_at < ?
              and cast(published_at at time zone ? as date) = any(?)
            group by 1, 2, 3, 4
            """;

    @Inject
    DataSource dataSource;

    /**
     * Brings the aggregates up to date with the snapshots of one import run. postsAllNew: none of
     * the run's posts existed before it (counted by the posts' merge), so no earlier latest row or day
     * of theirs needs looking for; each of those passes is a lookup per post of the run.
     */
    public void refreshAfterRun(Connection c, long practiceId, ZoneId zone, long runId, boolean postsAllNew)
            throws SQLException {
        TreeSet<LocalDate> days = postsAllNew ? new TreeSet<>() : days(c, EARLIER_DAYS_OF_RUN, practiceId, zone, runId);
        try (PreparedStatement st = c.prepareStatement(UPSERT_LATEST)) {
            st.setLong(1, practiceId);
            st.setLong(2, runId);
            st.executeUpdate();
        }
        if (!postsAllNew) {
            try (PreparedStatement st = c.prepareStatement(FOLLOW_POSTS)) {
                st.setLong(1, practiceId);
                st.setLong(2, runId);
                st.executeUpdate();
            }
        }
        days.addAll(days(c, DAYS_OF_RUN, practiceId, zone, runId));
        reaggregate(c, practiceId, zone, days);
    }

    /** Recomputes every day of a practice, e.g. after its time zone changed. */
    public void rebuild(Connection c, long practiceId, ZoneId zone) throws SQLException {
        TreeSet<LocalDate> days = new TreeSet<>();
        try (PreparedStatement st = c.prepareStatement(
                "select distinct cast(published_at at time zone ? as date) from post_latest_metric where practice_id = ?")) {
            st.setString(1, zone.getId());
            st.setLong(2, practiceId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("delete from daily_post_rollup where practice_id = ?")) {
            st.setLong(1, practiceId);
            st.executeUpdate();
        }
        reaggregate(c, practiceId, zone, days);
    }

    private static TreeSet<LocalDate> days(Connection c, String sql, long practiceId, ZoneId zone, long runId)
            throws SQLException {
        TreeSet<LocalDate> days = new TreeSet<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, zone.getId());
            st.setLong(2, practiceId);
            st.setLong(3, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getObject(1, LocalDate.class));
                }
            }
        }
        return days;
    }

    private static void reaggregate(Connection c, long practiceId, ZoneId zone, TreeSet<LocalDate> days) throws SQLException {
        if (days.isEmpty()) {
            return;
        }
        Array dayArray = c.createArrayOf("date", days.stream().map(java.sql.Date::valueOf).toArray());
        try (PreparedStatement st = c.prepareStatement(DELETE_DAYS)) {
            st.setLong(1, practiceId);
            st.setArray(2, dayArray);
            st.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            // A large import's days sort a row per post: in memory rather than in temporary files (until commit).
            st.execute("set local work_mem = '64MB'");
        }
        try (PreparedStatement st = c.prepareStatement(AGGREGATE_DAYS)) {
            st.setString(1, zone.getId());
            st.setLong(2, practiceId);
            st.setTimestamp(3, Timestamp.from(days.first().atStartOfDay(zone).toInstant()));
            st.setTimestamp(4, Timestamp.from(days.last().plusDays(1).atStartOfDay(zone).toInstant()));
            st.setString(5, zone.getId());
            st.setArray(6, dayArray);
            st.executeUpdate();
        }
    }
}
