package org.practicepulse.reputation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Assesses reviews (sentiment, negative, safety, reply risk) and raises their alerts. The importer
 * calls it inside the import transaction for the reviews the run wrote, so assessments and alerts
 * commit (or roll back) with the reviews themselves.
 */
@ApplicationScoped
public class ReviewAnalysis {

    private static final int BATCH = 500;

    private static final String REVIEWS_OF_RUN = """
            select id, rating, title, text, text_translation, author, reply_text
            from review where practice_id = ? and import_run_id = ?
            """;

    private static final String STORE = """
            update review set sentiment_score = ?, sentiment_label = ?, negative = ?, safety = ?, safety_reasons = ?, reply_risk = ?
            where practice_id = ? and id = ?
            """;

    private final SentimentAnalyzer sentiment;
    private final ReplySafetyChecker replies;
    private final ReviewSafetyRules safety;
    private final ReviewAlerts alerts;

    @Inject
    public ReviewAnalysis(SentimentAnalyzer sentiment, ReplySafetyChecker replies, ReviewAlerts alerts) {
        this.sentiment = sentiment;
        this.replies = replies;
        this.safety = ReviewSafetyRules.bundled();
        this.alerts = alerts;
    }

    /**
     * The assessment of one review. Sentiment reads the title and the text, or the site's English
     * translation when there is one (the lexicon is English); safety reads all three.
     */
    public ReviewAssessment assess(Integer rating, String title, String text, String translation, String author, String reply) {
        String body = translation != null ? translation : text;
        String scored = title == null ? body : body == null ? title : title + "\n" + body;
        Sentiment s = sentiment.analyze(scored);
        String reviewText = text == null ? translation : translation == null ? text : text + "\n" + translation;
        ReplyRisk risk = reply == null ? null : replies.check(reply, reviewText, author).risk();
        return new ReviewAssessment(s, ReviewAssessment.isNegative(rating, s.label()), safety.categoriesIn(title, text, translation), risk);
    }

    /** Assesses every review the run wrote, then raises the alerts of those that are new and negative or safety-flagged. */
    public void refreshAfterRun(Connection c, long practiceId, long runId) throws SQLException {
        int assessed = 0;
        try (PreparedStatement select = c.prepareStatement(REVIEWS_OF_RUN); PreparedStatement store = c.prepareStatement(STORE)) {
            select.setFetchSize(BATCH);
            select.setLong(1, practiceId);
            select.setLong(2, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int stars = rs.getInt("rating");
                    Integer rating = rs.wasNull() ? null : stars;
                    ReviewAssessment a = assess(rating, rs.getString("title"), rs.getString("text"),
                            rs.getString("text_translation"), rs.getString("author"), rs.getString("reply_text"));
                    store.setDouble(1, a.sentiment().score());
                    store.setString(2, a.sentiment().label().id());
                    store.setBoolean(3, a.negative());
                    store.setBoolean(4, a.safety());
                    Array reasons = c.createArrayOf("text", a.safetyReasons().toArray());
                    store.setArray(5, reasons);
                    store.setString(6, a.replyRisk() == null ? null : a.replyRisk().id());
                    store.setLong(7, practiceId);
                    store.setLong(8, rs.getLong("id"));
                    store.addBatch();
                    if (++assessed % BATCH == 0) {
                        store.executeBatch();
                    }
                }
            }
            if (assessed % BATCH != 0) {
                store.executeBatch();
            }
        }
        if (assessed > 0) {
            alerts.raiseAfterRun(c, practiceId, runId);
        }
    }
}
