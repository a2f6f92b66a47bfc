package org.practicepulse.reputation;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The delivery queue of alerts (table alert_delivery): one row per message and recipient. Rows are
 * written in the caller's transaction; any instance may send them. Sending claims rows with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so that two instances never send the same row, and a
 * row whose sender died is claimed again when its lease ends.
 */
@ApplicationScoped
public class AlertOutbox {

    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";
    public static final String DIGEST = "digest";

    private static final String QUEUE = """
            insert into alert_delivery (practice_id, alert_ids, kind, channel, target) values (?, ?, ?, ?, ?)
            """;

    // Due rows, and rows whose sender's lease ran out; attempts counts the claim.
    private static final String CLAIM = """
            update alert_delivery set status = 'sending', attempts = attempts + 1, claimed_until = now() + cast(? as interval)
            where (practice_id, id) in (
                select practice_id, id from alert_delivery
                where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and claimed_until < now())
                order by next_attempt_at, id
                limit ?
                for update skip locked)
            returning practice_id, id, alert_ids, kind, channel, target, attempts
            """;

    // Alerts of digest practices wait with queued_at null; claiming them is one atomic update.
    private static final String TAKE_FOR_DIGEST = """
            update alert set queued_at = now()
            where queued_at is null
            returning practice_id, id, status
            """;

    /** A claimed delivery to send now. */
    public record Delivery(long practiceId, long id, List<Long> alertIds, String kind, String channel, String target,
            int attempts) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    AlertConfig config;

    /** Queues the messages of these alerts (or of one digest) to every recipient of their kind. */
    void queue(Connection c, long practiceId, String kind, List<Long> alertIds) throws SQLException {
        boolean safety = ReviewAlerts.SAFETY.equals(kind);
        List<String> emails = safety ? config.safety().emailTo().or(config::emailTo).orElse(List.of())
                : config.emailTo().orElse(List.of());
        List<URI> hooks = safety ? config.safety().webhooks().or(config::webhooks).orElse(List.of())
                : config.webhooks().orElse(List.of());
        try (PreparedStatement st = c.prepareStatement(QUEUE)) {
            for (String email : emails) {
                add(c, st, practiceId, alertIds, kind, EMAIL, email.strip());
            }
            for (URI hook : hooks) {
                add(c, st, practiceId, alertIds, kind, WEBHOOK, hook.toString());
            }
            st.executeBatch();
        }
    }

    private static void add(Connection c, PreparedStatement st, long practiceId, List<Long> alertIds, String kind, String channel,
            String target) throws SQLException {
        st.setLong(1, practiceId);
        st.setArray(2, c.createArrayOf("bigint", alertIds.toArray()));
        st.setString(3, kind);
        st.setString(4, channel);
        st.setString(5, target);
        st.addBatch();
    }

    /** Queues one digest per practice of the alerts waiting for it (those of digest practices); returns how many. */
    public int queueDigests() {
        try (Connection c = dataSource.getConnection()) {
            Map<Long, List<Long>> open = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement(TAKE_FOR_DIGEST); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    List<Long> alerts = open.computeIfAbsent(rs.getLong("practice_id"), p -> new ArrayList<>());
                    if (ReviewAlerts.OPEN.equals(rs.getString("status"))) { // an alert handled already needs no digest
                        alerts.add(rs.getLong("id"));
                    }
                }
            }
            int digests = 0;
            for (Map.Entry<Long, List<Long>> practice : open.entrySet()) {
                if (!practice.getValue().isEmpty()) {
                    practice.getValue().sort(null);
                    queue(c, practice.getKey(), DIGEST, practice.getValue());
                    digests++;
                }
            }
            return digests;
        } catch (SQLException e) {
            throw new IllegalStateException("queueing the digests failed", e);
        }
    }

    /** Claims up to {@code limit} due deliveries for this instance. */
    public List<Delivery> claimDue(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(CLAIM)) {
            st.setString(1, config.lease().toMillis() + " milliseconds");
            st.setInt(2, limit);
            List<Delivery> claimed = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Long[] ids = (Long[]) rs.getArray("alert_ids").getArray();
                    claimed.add(new Delivery(rs.getLong("practice_id"), rs.getLong("id"), Arrays.asList(ids), rs.getString("kind"),
                            rs.getString("channel"), rs.getString("target"), rs.getInt("attempts")));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("claiming alert deliveries failed", e);
        }
    }

    void sent(Delivery delivery) {
        update("""
                update alert_delivery set status = 'sent', sent_at = now(), claimed_until = null, last_error = null
                where practice_id = ? and id = ?
                """, delivery, null, null);
    }

    /** Records the failure: retried after the back-off, or given up after the last attempt. */
    void failed(Delivery delivery, String reason) {
        String error = reason == null || reason.isBlank() ? "failed without a reason" : reason;
        if (delivery.attempts() >= config.retry().maxAttempts()) {
            update("""
                    update alert_delivery set status = 'failed', claimed_until = null, last_error = ?
                    where practice_id = ? and id = ?
                    """, delivery, error, null);
        } else {
            update("""
                    update alert_delivery set status = 'pending', claimed_until = null, last_error = ?, next_attempt_at = ?
                    where practice_id = ? and id = ?
                    """, delivery, error, Instant.now().plus(backoff(delivery.attempts())));
        }
    }

    /** initial-delay × 2^(attempts − 1), at most max-delay. */
    Duration backoff(int attempts) {
        Duration delay = config.retry().initialDelay();
        for (int i = 1; i < attempts && delay.compareTo(config.retry().maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.retry().maxDelay()) > 0 ? config.retry().maxDelay() : delay;
    }

    private void update(String sql, Delivery delivery, String error, Instant next) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (error != null) {
                st.setString(i++, error.length() > 1000 ? error.substring(0, 997) + "..." : error);
            }
            if (next != null) {
                st.setTimestamp(i++, Timestamp.from(next));
            }
            st.setLong(i++, delivery.practiceId());
            st.setLong(i, delivery.id());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording delivery " + delivery.id() + " failed", e);
        }
    }
}
