package org.practicepulse.analytics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every metric the service reports, with its formula: the single place the definitions live.
 * GET /api/metrics/definitions serves this list and the README's formula table repeats it.
 */
public enum Metric {

    POSTS("posts", "Posts", Kind.COUNT, Source.POSTS,
            "Number of posts published in the period: publication time between the start of 'from' and the end of 'to' in the practice's time zone."),
    IMPRESSIONS("impressions", "Impressions", Kind.COUNT, Source.POSTS,
            "Σ lifetime impressions of those posts, each from its latest snapshot (Meta: Views from 2025 on, see definitionBreaks)."),
    REACH("reach", "Reach (sum of post reach)", Kind.COUNT, Source.POSTS,
            "Σ lifetime reach of those posts. Reach is unique per post only, so this sum counts a person reached by two posts twice: it is an upper bound of the period's unique reach, never a unique count. Null when no post reports reach (X)."),
    ENGAGEMENTS("engagements", "Engagements", Kind.COUNT, Source.POSTS,
            "Σ engagements of those posts as each platform counts them (see engagementsByPlatform)."),
    ENGAGEMENT_RATE("engagementRate", "Engagement rate (by impressions)", Kind.RATIO, Source.POSTS,
            "Σ engagements / Σ impressions over the posts that report both: a ratio of sums, not a mean of per-post rates."),
    ENGAGEMENT_RATE_BY_REACH("engagementRateByReach", "Engagement rate by reach", Kind.RATIO, Source.POSTS,
            "Σ engagements / Σ reach over the posts that report both."),
    ENGAGEMENT_RATE_BY_FOLLOWERS("engagementRateByFollowers", "Engagement rate by followers", Kind.RATIO, Source.POSTS_AND_FOLLOWERS,
            "Σ engagements / Σ followers of the posting account on the day of posting (its last reported total on or before that day), over the posts whose account reports followers."),
    MEAN_POST_ENGAGEMENT_RATE("meanPostEngagementRate", "Mean of per-post engagement rates", Kind.RATIO, Source.POSTS,
            "Mean over posts with impressions > 0 of (engagements / impressions). Offered for comparison only; it weighs a post seen 10 times like one seen 10,000 times."),
    CLICKS("clicks", "Link clicks", Kind.COUNT, Source.POSTS,
            "Σ link clicks of those posts (X: url clicks; Facebook: link clicks; LinkedIn: clicks)."),
    CTR("ctr", "Click-through rate", Kind.RATIO, Source.POSTS,
            "Σ link clicks / Σ impressions over the posts that report both."),
    VIDEO_VIEWS("videoViews", "Video views", Kind.COUNT, Source.POSTS,
            "Σ lifetime video views of those posts (YouTube views, TikTok video views, Meta video plays where reported)."),
    WATCH_TIME("watchTimeSeconds", "Watch time (seconds)", Kind.COUNT, Source.POSTS,
            "Σ lifetime watch time of those posts, in seconds (YouTube: Watch time (hours) × 3600)."),
    FOLLOWERS("followers", "Followers", Kind.COUNT, Source.FOLLOWERS,
            "Σ over accounts of the last reported follower total on or before 'to'."),
    FOLLOWERS_GAINED("followersGained", "Net follower growth", Kind.COUNT, Source.FOLLOWERS,
            "Σ over accounts of (followers at the end − followers at the start), where the start is the last total before 'from', else the first total inside the period; an account that reports only daily follows and unfollows adds Σ follows − Σ unfollows."),
    FOLLOWER_GROWTH_RATE("followerGrowthRate", "Follower growth rate", Kind.RATIO, Source.FOLLOWERS,
            "Σ net growth / Σ followers at the start, over the accounts whose start is known."),
    SESSIONS("sessions", "Social sessions", Kind.COUNT, Source.TRAFFIC,
            "Σ website sessions whose source/medium or channel is a social platform (GA4, UA or the generic traffic CSV), by day of the session."),
    CONVERSIONS("conversions", "Social conversions", Kind.COUNT, Source.TRAFFIC,
            "Σ conversions of those sessions: GA4 key events (older GA4: conversions), UA goal completions."),
    CONVERSION_RATE("conversionRate", "Conversion rate", Kind.RATIO, Source.TRAFFIC,
            "Σ conversions / Σ sessions over the social traffic rows that report both.");

    /** A count (or sum) or a ratio of two sums. */
    public enum Kind {
        COUNT, RATIO
    }

    /** The data a metric is computed from. */
    public enum Source {
        POSTS, FOLLOWERS, TRAFFIC, POSTS_AND_FOLLOWERS
    }

    /** What each platform counts as an engagement. */
    public static final Map<String, String> ENGAGEMENTS_BY_PLATFORM = new LinkedHashMap<>();
    static {
        ENGAGEMENTS_BY_PLATFORM.put("x", "X's own 'engagements': every click anywhere on the post (links, profile, hashtags, detail expands, media), likes, replies, reposts, follows, bookmarks");
        ENGAGEMENTS_BY_PLATFORM.put("facebook", "the export's engagement/interaction total where present, else reactions + comments + shares");
        ENGAGEMENTS_BY_PLATFORM.put("instagram", "the export's interactions where present, else likes + comments + shares + saves");
        ENGAGEMENTS_BY_PLATFORM.put("linkedin", "reactions + comments + reposts + clicks + follows, as LinkedIn's engagement rate counts them");
        ENGAGEMENTS_BY_PLATFORM.put("youtube", "likes + comments + shares where reported");
        ENGAGEMENTS_BY_PLATFORM.put("tiktok", "likes + comments + shares");
        ENGAGEMENTS_BY_PLATFORM.put("other", "the generic CSV: likes + comments + shares + saves + clicks of the row, unless it gives no counter at all");
    }

    private final String key;
    private final String label;
    private final Kind kind;
    private final Source source;
    private final String formula;

    Metric(String key, String label, Kind kind, Source source, String formula) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.source = source;
        this.formula = formula;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public Source source() {
        return source;
    }

    public String formula() {
        return formula;
    }
}
