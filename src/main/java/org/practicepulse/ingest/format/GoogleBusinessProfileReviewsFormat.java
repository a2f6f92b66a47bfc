package org.practicepulse.ingest.format;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvColumns.Unknown;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.ReviewRow;
import org.practicepulse.ingest.RowRejectedException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Google Business Profile reviews in the API v4 {@code accounts.locations.reviews} shape: the list
 * response {@code {reviews:[…], averageRating, totalReviewCount}}, a bare array, or one review per
 * line. {@code starRating} is ONE…FIVE; {@code comment} is missing on rating-only reviews and
 * {@code reviewReply} when there is no reply; timestamps are RFC 3339 UTC. Takeout-style files have
 * no {@code reviewId}: the id is then the last segment of {@code name}
 * ({@code accounts/…/locations/…/reviews/<id>}). Reviews Google translated
 * ({@code "(Translated by Google) <translation>\n\n(Original)\n<original>"}) keep the original as
 * text and the translation beside it; texts of a re-saved file that are double-encoded UTF-8
 * ({@code "pÃ¥"}) are repaired, with a warning.
 */
@ApplicationScoped
public class GoogleBusinessProfileReviewsFormat implements ExportFormat {

    public static final String ID = "google-business-profile-reviews";
    public static final String SITE = "google";

    private static final String TRANSLATED = "(Translated by Google)";
    private static final Pattern TRANSLATION_FIRST = Pattern.compile("(?s)^\\(Translated by Google\\)\\s*(.*?)\\s*\\(Original\\)\\s*(.*)$");
    private static final Pattern ORIGINAL_FIRST = Pattern.compile("(?s)^(.*?)\\s*\\(Translated by Google\\)\\s*(.*)$");
    private static final Pattern LOCATION = Pattern.compile("(?:^|/)(locations/[^/]+)/reviews/");

    /** A review text split into the author's original and Google's translation (null when not translated). */
    record Translated(String original, String translation) {

        static Translated of(String comment) {
            if (comment == null || !comment.contains(TRANSLATED)) {
                return new Translated(comment, null);
            }
            Matcher m = TRANSLATION_FIRST.matcher(comment);
            if (m.matches()) {
                return new Translated(emptyToNull(m.group(2)), emptyToNull(m.group(1)));
            }
            m = ORIGINAL_FIRST.matcher(comment);
            m.matches(); // always matches: the text contains the marker
            return new Translated(emptyToNull(m.group(1)), emptyToNull(m.group(2)));
        }
    }

    /** The fields of one review object (the JSON's "columns"); a review without comment or reply leaves them out. */
    static final Schema SCHEMA = Schema.of(ID, Unknown.IGNORED, List.of(
            Column.key("starRating"), Column.key("createTime"), Column.key("reviewId (or name)", "reviewId", "name"),
            Column.expected("reviewer"), Column.expected("comment"), Column.expected("updateTime"),
            Column.optional("reviewReply"), Column.optional("reviewMediaItems"), Column.optional("reviewId"),
            Column.optional("name")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        String head = ReviewJson.head(file).toLowerCase(Locale.ROOT);
        return SCHEMA.recognisesNames(key -> ReviewJson.hasKeys(head, key));
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        int[] repaired = new int[1];
        Set<String> fields = new LinkedHashSet<>();
        ReviewJson.forEach(file, sink, "reviews", (line, review) -> {
            review.fieldNames().forEachRemaining(fields::add);
            sink.review(toReview(review, repaired));
        });
        SCHEMA.report(CsvColumns.ofNames(List.copyOf(fields)), null, sink);
        if (repaired[0] > 0) {
            sink.warn(null, repaired[0] + " texts were double-encoded UTF-8 (\"pÃ¥\" for \"på\", a re-saved file) and were repaired");
        }
    }

    private static ReviewRow toReview(JsonNode review, int[] repaired) {
        String name = ReviewJson.text(review, "name");
        String id = ReviewJson.text(review, "reviewId");
        if (id == null && name != null && name.contains("/reviews/")) {
            id = name.substring(name.lastIndexOf('/') + 1);
        }
        if (id == null || id.isBlank()) {
            throw new RowRejectedException("the review has neither reviewId nor a name ending in /reviews/<id>");
        }
        String location = null;
        if (name != null) {
            Matcher m = LOCATION.matcher(name);
            location = m.find() ? m.group(1) : null;
        }
        Translated comment = Translated.of(repair(ReviewJson.text(review, "comment"), repaired));
        Translated reply = Translated.of(repair(ReviewJson.text(review, "reviewReply", "comment"), repaired));
        String updated = ReviewJson.text(review, "updateTime");
        String replied = ReviewJson.text(review, "reviewReply", "updateTime");
        return new ReviewRow(SITE, id, location, null,
                StarRating.of(ReviewJson.text(review, "starRating"), "starRating"), null,
                comment.original(), comment.translation(), repair(ReviewJson.text(review, "reviewer", "displayName"), repaired),
                utc(ReviewJson.required(review, "createTime"), "createTime"),
                updated == null ? null : utc(updated, "updateTime"),
                reply.original(), replied == null ? null : utc(replied, "reviewReply.updateTime"), false, null);
    }

    private static Instant utc(String raw, String field) {
        return GenericCsv.instant(raw, field, ZoneOffset.UTC);
    }

    private static String repair(String text, int[] repaired) {
        String fixed = DoubleEncodedText.repair(text);
        if (fixed != null && !fixed.equals(text)) {
            repaired[0]++;
        }
        return fixed;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
