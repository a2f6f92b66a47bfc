package org.practicepulse.analytics;

/**
 * Every metric the service reports, with its formula: the single place the definitions live. The
 * README's formula table and GET /api/metrics/definitions are both made from this list.
 */
public enum Metric {

    POSTS("posts", "Posts", "count",
            "Number of posts published in the period, i.e. whose publication time falls between the start of 'from' and the end of 'to' in the practice's time zone."),
    IMPRESSIONS("impressions", "Impressions", "count",
            "Sum over those posts of their lifetime impressions (views on platforms that renamed them) in the latest snapshot of each post."),
    REACH("reach", "Reach (sum of post reach)", "count",
            "Sum over those posts of their lifetime unique reach in the latest snapshot. Reach is unique per post only, so this sum counts a person reached by two posts twice; it is null when no post reports reach (X)."),
    ENGAGEMENTS("engagements", "Engagements", "count",
            "Sum over those posts of the engagements each platform reports (X: every click, like, reply, retweet, follow and media interaction on the tweet)."),
    ENGAGEMENT_RATE("engagementRate", "Engagement rate (by impressions)", "ratio",
            "Ratio of sums: Σ engagements / Σ impressions over the posts that report both. Not a mean of per-post rates."),
    CLICKS("clicks", "Link clicks", "count",
            "Sum over those posts of their link clicks (X: url clicks).");

    private final String key;
    private final String label;
    private final String kind;
    private final String formula;

    Metric(String key, String label, String kind, String formula) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.formula = formula;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String kind() {
        return kind;
    }

    public String formula() {
        return formula;
    }
}
