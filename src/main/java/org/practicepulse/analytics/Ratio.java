package org.practicepulse.analytics;

/** A rate with the two figures it came from; value is null when the denominator is null or zero. */
public record Ratio(Double value, Long numerator, Long denominator) {

    public static Ratio of(Long numerator, Long denominator) {
        Double value = numerator == null || denominator == null || denominator == 0 ? null
                : (double) numerator / denominator;
        return new Ratio(value, numerator, denominator);
    }
}
