package org.practicepulse.ingest.format;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.ReviewRow;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The generic review CSV ({@link GenericLayout#REVIEWS}) for sites without an export (Healthgrades,
 * Vitals, Zocdoc, RateMDs …): one row per review, the site in {@code source}. An empty
 * {@code reply_text} keeps a reply already known; {@code [deleted]} says the reply was removed.
 */
@ApplicationScoped
public class GenericReviewsFormat implements ExportFormat {

    public static final String ID = "generic-reviews";
    /** The reply_text that erases a known reply. */
    public static final String DELETED_REPLY = "[deleted]";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        return GenericCsv.detect(file, GenericLayout.REVIEWS);
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        GenericCsv.read(file, sink, GenericLayout.REVIEWS, (c, line, row) -> sink.review(toReview(file, c, row)));
    }

    private static ReviewRow toReview(ExportFile file, CsvColumns c, CSVRecord row) {
        String site = GenericCsv.slug(GenericCsv.required(c, row, "source"), "source");
        Instant created = GenericCsv.instant(GenericCsv.required(c, row, "created_at"), "created_at", file.practiceZone());
        String reply = GenericCsv.optional(c, row, "reply_text");
        boolean deleted = reply != null && reply.toLowerCase(Locale.ROOT).equals(DELETED_REPLY);
        String replyAt = GenericCsv.optional(c, row, "reply_at");
        return new ReviewRow(site, GenericCsv.required(c, row, "review_id"), GenericCsv.optional(c, row, "location"),
                GenericCsv.optional(c, row, "provider"), StarRating.of(c.cell(row, "rating"), "rating"),
                GenericCsv.optional(c, row, "title"), GenericCsv.optional(c, row, "text"), null,
                GenericCsv.optional(c, row, "reviewer"), created, null, deleted ? null : reply,
                deleted || replyAt == null ? null : GenericCsv.instant(replyAt, "reply_at", file.practiceZone()), deleted,
                GenericCsv.optional(c, row, "url"));
    }
}
