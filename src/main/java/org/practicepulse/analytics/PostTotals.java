package org.practicepulse.analytics;

/**
 * Sums over a set of posts' latest snapshots. A null sum means no post of the set reported that
 * counter. The engagement-rate pair only counts posts that report both of its figures.
 */
public record PostTotals(long posts, Long impressions, Long reach, Long engagements, Long clicks,
        Long rateEngagements, Long rateImpressions) {

    public static final PostTotals NONE = new PostTotals(0, null, null, null, null, null, null);

    public PostTotals plus(PostTotals o) {
        return new PostTotals(posts + o.posts, add(impressions, o.impressions), add(reach, o.reach),
                add(engagements, o.engagements), add(clicks, o.clicks), add(rateEngagements, o.rateEngagements),
                add(rateImpressions, o.rateImpressions));
    }

    private static Long add(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(a + b);
    }
}
