package org.practicepulse.reputation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What one delivery says: the practice and the alerted reviews. The same content goes out as the
 * webhook's JSON body and as the e-mail (whose HTML template escapes every review field: review
 * texts are written by strangers).
 *
 * @param kind negative, safety, or digest (several negative alerts of one practice)
 */
public record AlertMessage(String event, long deliveryId, String kind, PracticeRef practice, List<Item> alerts) {

    public record PracticeRef(String slug, String name) {
    }

    /** One alert with its review. {@code url} is kept only when it is an http(s) link, so that a mail never links elsewhere. */
    public record Item(long alertId, String kind, long reviewId, String site, Integer rating, String title, String text,
            String translation, String author, Instant createdAt, String url, Sentiment sentiment, List<String> safetyReasons,
            boolean replied, @JsonIgnore String createdLocal) {

        /** "★★☆☆☆", or "no stars". */
        @JsonIgnore
        public String stars() {
            return rating == null ? "no stars" : "★".repeat(rating) + "☆".repeat(5 - rating);
        }

        /** "adverse-event, emergency", or "". */
        @JsonIgnore
        public String reasons() {
            return String.join(", ", safetyReasons);
        }
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("MMM d, uuuu h:mm a z", Locale.US);

    private static final String LOAD = """
            select a.id as alert_id, a.kind, r.id as review_id, r.site, r.rating, r.title, r.text, r.text_translation, r.author,
                   r.created_at, r.url, r.sentiment_score, r.safety_reasons, r.reply_text is not null as replied,
                   p.slug, p.name, p.time_zone
            from alert a
            join review r on r.practice_id = a.practice_id and r.id = a.review_id
            join practice p on p.id = a.practice_id
            where a.practice_id = ? and a.id = any(?)
            order by r.created_at, a.id
            """;

    static AlertMessage load(DataSource dataSource, AlertOutbox.Delivery delivery) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(LOAD)) {
            st.setLong(1, delivery.practiceId());
            st.setArray(2, c.createArrayOf("bigint", delivery.alertIds().toArray()));
            List<Item> items = new ArrayList<>();
            PracticeRef practice = null;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    practice = new PracticeRef(rs.getString("slug"), rs.getString("name"));
                    int stars = rs.getInt("rating");
                    Integer rating = rs.wasNull() ? null : stars;
                    Instant created = rs.getTimestamp("created_at").toInstant();
                    items.add(new Item(rs.getLong("alert_id"), rs.getString("kind"), rs.getLong("review_id"), rs.getString("site"),
                            rating, rs.getString("title"), rs.getString("text"), rs.getString("text_translation"),
                            rs.getString("author"), created, webLink(rs.getString("url")), Sentiment.of(rs.getDouble("sentiment_score")),
                            List.of((String[]) rs.getArray("safety_reasons").getArray()), rs.getBoolean("replied"),
                            LOCAL.format(created.atZone(ZoneId.of(rs.getString("time_zone"))))));
                }
            }
            if (practice == null) {
                throw new IllegalStateException("the alerts of delivery " + delivery.id() + " no longer exist");
            }
            String event = AlertOutbox.DIGEST.equals(delivery.kind()) ? "review.digest" : "review.alert";
            return new AlertMessage(event, delivery.id(), delivery.kind(), practice, List.copyOf(items));
        }
    }

    /** The e-mail subject: the practice's name and the site are ours or slugs, never review text. */
    @JsonIgnore
    public String subject() {
        Item first = alerts.get(0);
        return switch (kind) {
            case ReviewAlerts.SAFETY -> "[Safety] A review on " + first.site() + " for " + practice.name() + " mentions "
                    + String.join(", ", first.safetyReasons());
            case AlertOutbox.DIGEST -> alerts.size() + " new negative review" + (alerts.size() == 1 ? "" : "s") + " for "
                    + practice.name() + " (daily digest)";
            default -> "Negative review on " + first.site() + " for " + practice.name() + ": " + first.stars();
        };
    }

    private static String webLink(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }
}
