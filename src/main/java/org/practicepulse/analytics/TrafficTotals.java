package org.practicepulse.analytics;

import java.math.BigDecimal;

/** Website sessions and conversions from social sources; the rate pair counts days reporting both. */
public record TrafficTotals(Long sessions, BigDecimal conversions, BigDecimal rateConversions, Long rateSessions) {

    public static final TrafficTotals NONE = new TrafficTotals(null, null, null, null);

    TrafficTotals plus(TrafficTotals o) {
        return new TrafficTotals(PostTotals.add(sessions, o.sessions), add(conversions, o.conversions),
                add(rateConversions, o.rateConversions), PostTotals.add(rateSessions, o.rateSessions));
    }

    /** Zeros instead of nulls: for a period without traffic rows of a practice that has traffic data. */
    TrafficTotals zeroIfNone() {
        return sessions == null && conversions == null ? new TrafficTotals(0L, BigDecimal.ZERO, BigDecimal.ZERO, 0L) : this;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }
}
