package org.practicepulse.reputation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.practicepulse.analytics.Ratio;
import org.practicepulse.analytics.ReportingPeriod;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The review inbox (filtered, newest first) and the reputation summary of a period. */
@ApplicationScoped
public class ReviewsQuery {

    /** The filters of the review list; nulls filter nothing. */
    public record Filter(ReportingPeriod period, String site, Integer maxRating, SentimentLabel sentiment, Boolean unanswered,
            int limit) {
    }

    public record ReviewView(long id, String site, Integer rating, String title, String text, String author, Instant createdAt,
            String url, boolean replied, String replyText, Instant repliedAt, Sentiment sentiment, boolean negative,
            boolean safety, ReplyRisk replyRisk, String location, String provider, String textTranslation,
            List<String> safetyReasons, Instant firstRepliedAt) {
    }

    /** Figures of one period (or of one site in it). */
    public record Figures(long reviews, Double averageRating, Map<String, Long> ratingDistribution, long negative, long safety,
            Ratio responseRate, Double medianResponseHours, Double netSentiment, long riskyReplies) {
    }

    public record SiteFigures(String site, long reviews, Double averageRating, long negative, Ratio responseRate,
            Double medianResponseHours, Double netSentiment) {
    }

    public record Summary(long reviews, Double averageRating, Map<String, Long> ratingDistribution, long negative, long safety,
            Ratio responseRate, Double medianResponseHours, Double netSentiment, long riskyReplies, List<SiteFigures> bySite) {
    }

    private static final String LIST = """
            select id, site, rating, title, text, author, created_at, url, reply_text, replied_at, first_replied_at,
                   sentiment_score, negative, safety, reply_risk, location, provider, text_translation, safety_reasons
            from review
            where practice_id = ?
              and (cast(? as timestamptz) is null or created_at >= ?) and (cast(? as timestamptz) is null or created_at < ?)
              and (cast(? as text) is null or site = ?)
              and (cast(? as integer) is null or rating <= ?)
              and (cast(? as text) is null or sentiment_label = ?)
              and (cast(? as boolean) is null or (reply_text is null) = ?)
            order by created_at desc, id desc
            limit ?
            """;

    // The period's reviews by when they were written (the cohort): a review answered after the period
    // still counts as answered. Response time is review to first reply, over replies with a known time.
    private static final String SUMMARY = """
            select site, grouping(site) = 1 as whole_period, count(*) as reviews, avg(rating)::float8 as average_rating,
                   count(*) filter (where rating = 1) as r1, count(*) filter (where rating = 2) as r2,
                   count(*) filter (where rating = 3) as r3, count(*) filter (where rating = 4) as r4,
                   count(*) filter (where rating = 5) as r5,
                   count(*) filter (where negative) as negative, count(*) filter (where safety) as safety,
                   count(*) filter (where reply_text is not null) as replied,
                   (percentile_cont(0.5) within group (order by greatest(0, extract(epoch from first_replied_at - created_at)))
                       filter (where reply_text is not null and first_replied_at is not null)) / 3600.0 as median_hours,
                   count(*) filter (where sentiment_label = 'positive') as positive,
                   count(*) filter (where sentiment_label = 'negative') as negative_sentiment,
                   count(*) filter (where reply_risk in ('medium', 'high')) as risky_replies
            from review
            where practice_id = ? and created_at >= ? and created_at < ?
            group by grouping sets ((), (site))
            order by grouping(site) desc, count(*) desc, site
            """;

    @Inject
    DataSource dataSource;

    public List<ReviewView> list(long practiceId, Filter f) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(LIST)) {
            int i = 1;
            st.setLong(i++, practiceId);
            Timestamp start = f.period() == null ? null : Timestamp.from(f.period().start());
            Timestamp end = f.period() == null ? null : Timestamp.from(f.period().end());
            for (Timestamp t : new Timestamp[] { start, start, end, end }) {
                st.setTimestamp(i++, t);
            }
            st.setString(i++, f.site());
            st.setString(i++, f.site());
            for (int twice = 0; twice < 2; twice++) {
                if (f.maxRating() == null) {
                    st.setNull(i++, Types.INTEGER);
                } else {
                    st.setInt(i++, f.maxRating());
                }
            }
            String label = f.sentiment() == null ? null : f.sentiment().id();
            st.setString(i++, label);
            st.setString(i++, label);
            for (int twice = 0; twice < 2; twice++) {
                if (f.unanswered() == null) {
                    st.setNull(i++, Types.BOOLEAN);
                } else {
                    st.setBoolean(i++, f.unanswered());
                }
            }
            st.setInt(i, f.limit());
            List<ReviewView> reviews = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    reviews.add(view(rs));
                }
            }
            return reviews;
        } catch (SQLException e) {
            throw new IllegalStateException("reviews query failed", e);
        }
    }

    private static ReviewView view(ResultSet rs) throws SQLException {
        double score = rs.getDouble("sentiment_score");
        Sentiment sentiment = rs.wasNull() ? null : Sentiment.of(score);
        String risk = rs.getString("reply_risk");
        String reply = rs.getString("reply_text");
        return new ReviewView(rs.getLong("id"), rs.getString("site"), integer(rs, "rating"), rs.getString("title"),
                rs.getString("text"), rs.getString("author"), rs.getTimestamp("created_at").toInstant(), rs.getString("url"),
                reply != null, reply, ReviewAlerts.instant(rs, "replied_at"), sentiment, rs.getBoolean("negative"),
                rs.getBoolean("safety"), risk == null ? null : ReplyRisk.of(risk), rs.getString("location"),
                rs.getString("provider"), rs.getString("text_translation"),
                List.of((String[]) rs.getArray("safety_reasons").getArray()), ReviewAlerts.instant(rs, "first_replied_at"));
    }

    public Summary summary(long practiceId, ReportingPeriod period) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(SUMMARY)) {
            st.setLong(1, practiceId);
            st.setTimestamp(2, Timestamp.from(period.start()));
            st.setTimestamp(3, Timestamp.from(period.end()));
            Figures whole = null;
            List<SiteFigures> bySite = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Figures f = figures(rs);
                    if (rs.getBoolean("whole_period")) {
                        whole = f;
                    } else {
                        bySite.add(new SiteFigures(rs.getString("site"), f.reviews(), f.averageRating(), f.negative(),
                                f.responseRate(), f.medianResponseHours(), f.netSentiment()));
                    }
                }
            }
            return new Summary(whole.reviews(), whole.averageRating(), whole.ratingDistribution(), whole.negative(),
                    whole.safety(), whole.responseRate(), whole.medianResponseHours(), whole.netSentiment(),
                    whole.riskyReplies(), List.copyOf(bySite));
        } catch (SQLException e) {
            throw new IllegalStateException("reputation summary query failed", e);
        }
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        long reviews = rs.getLong("reviews");
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (int stars = 1; stars <= 5; stars++) {
            distribution.put(Integer.toString(stars), rs.getLong("r" + stars));
        }
        double avg = rs.getDouble("average_rating");
        Double average = rs.wasNull() ? null : avg;
        double median = rs.getDouble("median_hours");
        Double medianHours = rs.wasNull() ? null : median;
        Double net = reviews == 0 ? null : (double) (rs.getLong("positive") - rs.getLong("negative_sentiment")) / reviews;
        return new Figures(reviews, average, distribution, rs.getLong("negative"), rs.getLong("safety"),
                Ratio.of(rs.getLong("replied"), reviews), medianHours, net, rs.getLong("risky_replies"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
