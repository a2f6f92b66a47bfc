package org.practicepulse.ingest;

/**
 * Lifetime counters of one post. Null means the export did not report the counter (never zero).
 * Which export column feeds which counter is documented per format in the README.
 */
public record PostCounters(Long impressions, Long reach, Long engagements, Long likes, Long comments, Long shares,
        Long saves, Long clicks, Long profileClicks, Long videoViews, Long watchTimeSeconds, Long follows) {

    /** No counter reported. */
    public static final PostCounters NONE = new PostCounters(null, null, null, null, null, null, null, null, null, null, null, null);
}
