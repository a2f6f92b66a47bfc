package org.practicepulse.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A post as one export row describes it.
 *
 * @param asOf  the date the counters were exported (the snapshot date)
 * @param extra every further counter of the row, by its column name
 * @param publishedDayOnly the export gives the publication day, not the time (publishedAt is that day's start):
 *        an exact time already known for the post within that day is kept
 */
public record PostRow(String platform, String accountHandle, String externalId, Instant publishedAt, String text,
        String permalink, String postType, LocalDate asOf, PostCounters counters, Map<String, Long> extra,
        boolean publishedDayOnly) {

    /** A post whose export gives the exact publication time. */
    public PostRow(String platform, String accountHandle, String externalId, Instant publishedAt, String text,
            String permalink, String postType, LocalDate asOf, PostCounters counters, Map<String, Long> extra) {
        this(platform, accountHandle, externalId, publishedAt, text, permalink, postType, asOf, counters, extra, false);
    }
}
