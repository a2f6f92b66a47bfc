package org.practicepulse.reputation;

/** The sentiment of a text: VADER's compound score in [-1, 1] and its label. */
public record Sentiment(double score, SentimentLabel label) {

    public static Sentiment of(double score) {
        return new Sentiment(score, SentimentLabel.of(score));
    }
}
