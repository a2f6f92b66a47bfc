package org.practicepulse.ingest.format;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;

/**
 * What Meta's post exports (the legacy Insights export and the Business Suite Facebook and Instagram
 * exports) have in common: US local publication times, their post type names, the engagement
 * definition, and ids that spreadsheets mangle.
 */
final class MetaPosts {

    /** "09/28/2026 18:12" (Business Suite), "01/19/2017 09:03:47 AM" and "10/1/2015 21:00" (legacy). */
    private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(
            DateTimeFormatter.ofPattern("M/d/uuuu H:mm[:ss]", Locale.US).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("M/d/uuuu h:mm[:ss] a", Locale.US).withResolverStyle(ResolverStyle.STRICT));

    /** Meta's post type names to ours: one word per kind of post, the same on Facebook and Instagram. */
    private static final Map<String, String> POST_TYPES = Map.ofEntries(
            Map.entry("photo", "photo"), Map.entry("photos", "photo"), Map.entry("ig image", "photo"),
            Map.entry("video", "video"), Map.entry("videos", "video"), Map.entry("ig video", "video"),
            Map.entry("reel", "reel"), Map.entry("reels", "reel"), Map.entry("ig reel", "reel"),
            Map.entry("ig carousel", "carousel"), Map.entry("carousel", "carousel"),
            Map.entry("link", "link"), Map.entry("links", "link"),
            Map.entry("story", "story"), Map.entry("stories", "story"), Map.entry("ig story", "story"),
            Map.entry("status", "status"), Map.entry("text", "status"));

    private MetaPosts() {
    }

    /** A publication time written in local time without zone: read in the practice's zone. */
    static Instant publishedAt(String raw, ZoneId zone, String column) {
        if (raw == null || raw.isBlank()) {
            throw new RowRejectedException(column + " is empty");
        }
        for (DateTimeFormatter format : LOCAL_TIMES) {
            try {
                return LocalDateTime.parse(raw.strip().toUpperCase(Locale.ROOT), format).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new RowRejectedException(column + " '" + CellValues.abbreviate(raw) + "' is not like 09/28/2026 18:12");
    }

    /** True when the cell reads as a publication time of Meta's exports (for detection). */
    static boolean isPublicationTime(String raw) {
        try {
            publishedAt(raw, ZoneId.of("UTC"), "time");
            return true;
        } catch (RowRejectedException e) {
            return false;
        }
    }

    /** Our post type for Meta's name ("IG reel" and "Reels" are both "reel"); unknown names lower-cased. */
    static String postType(String raw) {
        if (CellValues.isEmpty(raw)) {
            return null;
        }
        String key = raw.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        String known = POST_TYPES.get(key);
        return known != null ? known : key.startsWith("ig ") ? key.substring(3) : key;
    }

    /**
     * Engagements as Meta defines them when the export has no column for them: the sum of the
     * interactions given (Facebook: reactions, comments, shares; Instagram: likes, comments, shares,
     * saves). A part left empty counts as none of it; null only when no part is reported at all.
     */
    static Long sumOfReported(Long... parts) {
        Long sum = null;
        for (Long part : parts) {
            if (part != null) {
                sum = sum == null ? part : sum + part;
            }
        }
        return sum;
    }

    /**
     * The post id as text: digits, or page id and post id joined by "_" (legacy). An id a spreadsheet
     * turned into 1.82772E+15 is kept with a warning rather than rejected: the row's figures are good.
     */
    static String postId(String raw, String column, long line, ImportSink sink) {
        String id = raw == null ? "" : raw.strip();
        if (id.isEmpty()) {
            throw new RowRejectedException(column + " is empty");
        }
        if (CellValues.isMangledId(id)) {
            sink.warn(line, column + " '" + id + "' is in scientific notation (the file went through a spreadsheet); digits may be lost");
        } else if (!id.matches("\\d+(_\\d+)?")) {
            throw new RowRejectedException(column + " '" + CellValues.abbreviate(id) + "' is not a Meta post id");
        }
        return id;
    }

    /** Caption text, NFKC-normalised: Meta captions often spell words in "math bold" letters. */
    static String text(String raw) {
        return raw == null || raw.isBlank() ? null : Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
    }

    /** A count column that must hold a whole number when present (a bad cell rejects the row). */
    static Long count(CsvColumns c, CSVRecord r, String... aliases) {
        int i = c.indexOf(aliases);
        return i < 0 || i >= r.size() ? null : CellValues.nonNegativeCount(r.get(i), c.names().get(i));
    }

    static String emptyToNull(String raw) {
        return CellValues.isEmpty(raw) ? null : raw.strip();
    }
}
