package org.practicepulse.reputation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** VADER's conventional cut-offs on the compound score. */
public enum SentimentLabel {
    POSITIVE, NEUTRAL, NEGATIVE;

    static final double POSITIVE_FROM = 0.05;
    static final double NEGATIVE_TO = -0.05;

    public static SentimentLabel of(double score) {
        if (score >= POSITIVE_FROM) {
            return POSITIVE;
        }
        return score <= NEGATIVE_TO ? NEGATIVE : NEUTRAL;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
