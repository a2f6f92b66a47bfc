package org.practicepulse.analytics;

import java.math.BigDecimal;

/** A rate with the two figures it came from; value is null when either is unknown or the denominator is zero. */
public record Ratio(Double value, Number numerator, Number denominator) {

    public static Ratio of(Number numerator, Number denominator) {
        Double value = numerator == null || denominator == null || denominator.doubleValue() == 0 ? null
                : numerator.doubleValue() / denominator.doubleValue();
        return new Ratio(value, numerator instanceof BigDecimal b ? b.stripTrailingZeros() : numerator, denominator);
    }
}
