package org.practicepulse.analytics;

import java.math.BigDecimal;

/**
 * Every figure of a period, as the API returns it. Rates carry their numerator and denominator.
 * Post counters of a period without posts are zeros; a counter no post reports is null; follower
 * and traffic figures are null when the practice has no such data at all.
 */
public record MetricFigures(long posts, Long impressions, Long reach, Long engagements, Ratio engagementRate,
        Ratio engagementRateByReach, Ratio engagementRateByFollowers, MeanRate meanPostEngagementRate, Long clicks,
        Ratio ctr, Long videoViews, Long watchTimeSeconds, Long followers, Long followersGained,
        Ratio followerGrowthRate, Long sessions, BigDecimal conversions, Ratio conversionRate) {

    static MetricFigures of(PostTotals p, FollowerFigures f, TrafficTotals t) {
        boolean none = p.posts() == 0;
        return new MetricFigures(p.posts(), zeroIf(none, p.impressions()), zeroIf(none, p.reach()),
                zeroIf(none, p.engagements()), Ratio.of(zeroIf(none, p.erEngagements()), zeroIf(none, p.erImpressions())),
                Ratio.of(zeroIf(none, p.errEngagements()), zeroIf(none, p.errReach())),
                Ratio.of(zeroIf(none, p.erfEngagements()), zeroIf(none, p.erfFollowers())),
                MeanRate.of(p.postRateSum(), p.postRateCount()), zeroIf(none, p.clicks()),
                Ratio.of(zeroIf(none, p.ctrClicks()), zeroIf(none, p.ctrImpressions())), zeroIf(none, p.videoViews()),
                zeroIf(none, p.watchTimeSeconds()), f.followers(), f.gained(), Ratio.of(f.rateGained(), f.rateStart()),
                t.sessions(), t.conversions(), Ratio.of(t.rateConversions(), t.rateSessions()));
    }

    /** Each figure as a number (a ratio as its value), by metric key: what "change" compares. */
    public java.util.Map<String, Double> values() {
        java.util.Map<String, Double> v = new java.util.LinkedHashMap<>();
        v.put("posts", (double) posts);
        v.put("impressions", number(impressions));
        v.put("reach", number(reach));
        v.put("engagements", number(engagements));
        v.put("engagementRate", engagementRate.value());
        v.put("engagementRateByReach", engagementRateByReach.value());
        v.put("engagementRateByFollowers", engagementRateByFollowers.value());
        v.put("meanPostEngagementRate", meanPostEngagementRate.value());
        v.put("clicks", number(clicks));
        v.put("ctr", ctr.value());
        v.put("videoViews", number(videoViews));
        v.put("watchTimeSeconds", number(watchTimeSeconds));
        v.put("followers", number(followers));
        v.put("followersGained", number(followersGained));
        v.put("followerGrowthRate", followerGrowthRate.value());
        v.put("sessions", number(sessions));
        v.put("conversions", number(conversions));
        v.put("conversionRate", conversionRate.value());
        return v;
    }

    private static Double number(Number n) {
        return n == null ? null : n.doubleValue();
    }

    private static Long zeroIf(boolean none, Long value) {
        return none ? Long.valueOf(0) : value;
    }
}
