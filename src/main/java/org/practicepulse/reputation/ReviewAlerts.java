package org.practicepulse.reputation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The alerts raised by reviews: one per review and kind, ever. A negative review raises a
 * {@code negative} alert the first time it is seen negative (new, or edited into negative); a review
 * that mentions an adverse event, an emergency or self-harm raises a {@code safety} alert. Their
 * deliveries are queued in the same transaction (see {@link AlertOutbox}); practices on the daily
 * digest get their negative alerts in the next digest instead, safety alerts always at once.
 */
@ApplicationScoped
public class ReviewAlerts {

    public static final String NEGATIVE = "negative";
    public static final String SAFETY = "safety";
    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";

    private static final String RAISE = """
            insert into alert (practice_id, review_id, kind, queued_at)
            select r.practice_id, r.id, k.kind,
                   case when k.kind = 'negative' and coalesce(s.daily_digest, false) then null else now() end
            from review r
            cross join lateral (values ('negative', r.negative), ('safety', r.safety)) as k(kind, flagged)
            left join alert_setting s on s.practice_id = r.practice_id
            where r.practice_id = ? and r.import_run_id = ? and k.flagged and r.created_at >= ?
            order by r.created_at, r.id
            on conflict (practice_id, review_id, kind) do nothing
            returning id, kind, queued_at is not null as immediate
            """;

    private static final String VIEW = """
            select a.id, a.kind, a.status, a.created_at, a.acknowledged_at, a.acknowledged_by,
                   r.id as review_id, r.site, r.rating, r.title, r.text, r.author, r.created_at as review_created_at, r.url,
                   r.safety_reasons
            from alert a join review r on r.practice_id = a.practice_id and r.id = a.review_id
            """;

    /** An alert as the API shows it, with the review that raised it. */
    public record AlertView(long id, String kind, String status, Instant createdAt, Instant acknowledgedAt,
            String acknowledgedBy, AlertedReview review) {
    }

    public record AlertedReview(long id, String site, Integer rating, String title, String text, String author,
            Instant createdAt, String url, List<String> safetyReasons) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    AlertConfig config;
    @Inject
    AlertOutbox outbox;

    /** Raises the alerts of the run's reviews (in the import's transaction) and queues their deliveries. */
    void raiseAfterRun(Connection c, long practiceId, long runId) throws SQLException {
        List<Long> negative = new ArrayList<>();
        List<Long> safety = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(RAISE)) {
            st.setLong(1, practiceId);
            st.setLong(2, runId);
            st.setTimestamp(3, Timestamp.from(Instant.now().minus(config.maxReviewAge())));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean("immediate")) {
                        (SAFETY.equals(rs.getString("kind")) ? safety : negative).add(rs.getLong("id"));
                    }
                }
            }
        }
        for (long alert : negative) {
            outbox.queue(c, practiceId, NEGATIVE, List.of(alert));
        }
        for (long alert : safety) {
            outbox.queue(c, practiceId, SAFETY, List.of(alert));
        }
    }

    /** The practice's alerts, newest first; status null for all. */
    public List<AlertView> list(long practiceId, String status, int limit) {
        String sql = VIEW + " where a.practice_id = ? and (cast(? as text) is null or a.status = ?) order by a.created_at desc, a.id desc limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, practiceId);
            st.setString(2, status);
            st.setString(3, status);
            st.setInt(4, limit);
            return views(st);
        } catch (SQLException e) {
            throw new IllegalStateException("alerts query failed", e);
        }
    }

    /** The practice an alert belongs to, if it exists. */
    public Optional<Long> practiceOf(long alertId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select practice_id from alert where id = ?")) {
            st.setLong(1, alertId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("alert lookup failed", e);
        }
    }

    /** The alert after an acknowledgement, and whether this one changed it (false: it was acknowledged before). */
    public record Acknowledgement(AlertView alert, boolean changed) {
    }

    /** Acknowledges the alert; acknowledging it again keeps the first acknowledgement. */
    public Acknowledgement acknowledge(long practiceId, long alertId, String user) {
        try (Connection c = dataSource.getConnection()) {
            boolean changed;
            try (PreparedStatement st = c.prepareStatement("""
                    update alert set status = 'acknowledged', acknowledged_at = now(), acknowledged_by = ?
                    where practice_id = ? and id = ? and status = 'open'
                    """)) {
                st.setString(1, user);
                st.setLong(2, practiceId);
                st.setLong(3, alertId);
                changed = st.executeUpdate() == 1;
            }
            try (PreparedStatement st = c.prepareStatement(VIEW + " where a.practice_id = ? and a.id = ?")) {
                st.setLong(1, practiceId);
                st.setLong(2, alertId);
                return new Acknowledgement(views(st).get(0), changed);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("acknowledging alert " + alertId + " failed", e);
        }
    }

    public boolean dailyDigest(long practiceId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select daily_digest from alert_setting where practice_id = ?")) {
            st.setLong(1, practiceId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("alert setting lookup failed", e);
        }
    }

    public void setDailyDigest(long practiceId, boolean digest, String user) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into alert_setting (practice_id, daily_digest, updated_at, updated_by) values (?, ?, now(), ?)
                on conflict (practice_id) do update set daily_digest = excluded.daily_digest, updated_at = now(),
                    updated_by = excluded.updated_by
                """)) {
            st.setLong(1, practiceId);
            st.setBoolean(2, digest);
            st.setString(3, user);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("alert setting update failed", e);
        }
    }

    private static List<AlertView> views(PreparedStatement st) throws SQLException {
        List<AlertView> alerts = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                int stars = rs.getInt("rating");
                Integer rating = rs.wasNull() ? null : stars;
                AlertedReview review = new AlertedReview(rs.getLong("review_id"), rs.getString("site"), rating,
                        rs.getString("title"), rs.getString("text"), rs.getString("author"),
                        rs.getTimestamp("review_created_at").toInstant(), rs.getString("url"),
                        List.of((String[]) rs.getArray("safety_reasons").getArray()));
                alerts.add(new AlertView(rs.getLong("id"), rs.getString("kind"), rs.getString("status"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs, "acknowledged_at"),
                        rs.getString("acknowledged_by"), review));
            }
        }
        return alerts;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
