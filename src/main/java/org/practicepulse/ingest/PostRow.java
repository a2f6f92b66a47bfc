package org.practicepulse.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A post as one export row describes it.
 *
 * @param asOf  the date the counters were exported (the snapshot date)
 * @param extra every further counter of the row, by its column name
 */
public record PostRow(String platform, String accountHandle, String externalId, Instant publishedAt, String text,
        String permalink, String postType, LocalDate asOf, PostCounters counters, Map<String, Long> extra) {
}
