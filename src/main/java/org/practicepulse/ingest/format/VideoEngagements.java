package org.practicepulse.ingest.format;

/**
 * Engagements of the video platforms, which report none of their own (YouTube, TikTok): the
 * interactions they do report, likes + comments + shares.
 */
final class VideoEngagements {

    private VideoEngagements() {
    }

    /** Null unless all three are reported: a partial sum would understate, and null means "not reported". */
    static Long of(Long likes, Long comments, Long shares) {
        return likes == null || comments == null || shares == null ? null : likes + comments + shares;
    }
}
