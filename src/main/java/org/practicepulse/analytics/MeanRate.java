package org.practicepulse.analytics;

/** A mean of per-post engagement rates: offered beside the period rate, never instead of it. */
public record MeanRate(Double value, long posts, String note) {

    static final String NOTE = "mean of per-post engagement rates (engagements / impressions of each post); the period rate is engagementRate";

    public static MeanRate of(Double sum, long posts) {
        return new MeanRate(sum == null || posts == 0 ? null : sum / posts, posts, NOTE);
    }
}
