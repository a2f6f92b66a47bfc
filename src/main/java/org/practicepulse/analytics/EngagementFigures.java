package org.practicepulse.analytics;

/**
 * The engagement figures of a period, as the API returns them. A period without posts has zeros,
 * not nulls; a period whose posts do not report a counter (reach on X) has null for it.
 */
public record EngagementFigures(long posts, Long impressions, Long reach, Long engagements, Ratio engagementRate,
        Long clicks) {

    public static EngagementFigures of(PostTotals t) {
        if (t.posts() == 0) {
            return new EngagementFigures(0, 0L, 0L, 0L, Ratio.of(0L, 0L), 0L);
        }
        return new EngagementFigures(t.posts(), t.impressions(), t.reach(), t.engagements(),
                Ratio.of(t.rateEngagements(), t.rateImpressions()), t.clicks());
    }
}
