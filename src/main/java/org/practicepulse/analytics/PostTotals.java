package org.practicepulse.analytics;

/**
 * Sums over a set of posts' latest counters. A null sum means no post of the set reported that
 * counter. Each rate has its own numerator/denominator pair, summed over the posts reporting both.
 */
public record PostTotals(long posts, Long impressions, Long reach, Long engagements, Long clicks, Long videoViews,
        Long watchTimeSeconds, Long erEngagements, Long erImpressions, Long errEngagements, Long errReach,
        Long ctrClicks, Long ctrImpressions, Long erfEngagements, Long erfFollowers, Double postRateSum,
        long postRateCount) {

    public static final PostTotals NONE = new PostTotals(0, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, 0);

    public PostTotals plus(PostTotals o) {
        return new PostTotals(posts + o.posts, add(impressions, o.impressions), add(reach, o.reach),
                add(engagements, o.engagements), add(clicks, o.clicks), add(videoViews, o.videoViews),
                add(watchTimeSeconds, o.watchTimeSeconds), add(erEngagements, o.erEngagements),
                add(erImpressions, o.erImpressions), add(errEngagements, o.errEngagements), add(errReach, o.errReach),
                add(ctrClicks, o.ctrClicks), add(ctrImpressions, o.ctrImpressions), add(erfEngagements, o.erfEngagements),
                add(erfFollowers, o.erfFollowers),
                add(postRateSum, o.postRateSum),
                postRateCount + o.postRateCount);
    }

    /** The same totals with the engagement-rate-by-followers pair set. */
    public PostTotals withFollowerRate(Long engagementsOfPostsWithFollowers, Long followersOnPostingDays) {
        return new PostTotals(posts, impressions, reach, engagements, clicks, videoViews, watchTimeSeconds, erEngagements,
                erImpressions, errEngagements, errReach, ctrClicks, ctrImpressions, engagementsOfPostsWithFollowers,
                followersOnPostingDays, postRateSum, postRateCount);
    }

    static Double add(Double a, Double b) {
        return a == null ? b : b == null ? a : Double.valueOf(a + b);
    }

    static Long add(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(a + b);
    }
}
