package org.practicepulse.ingest.format;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvColumns.Unknown;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.ReviewRow;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Yelp Open Dataset review file ({@code yelp_academic_dataset_review.json}): NDJSON, one review
 * per line, {@code {review_id, user_id, business_id, stars, useful, funny, cool, text, date}}. The
 * location is the {@code business_id}; {@code date} ("2015-04-15 05:21:16") has no zone and is read
 * in the practice's time zone. The dataset has no reviewer names and no owner replies.
 */
@ApplicationScoped
public class YelpDatasetReviewsFormat implements ExportFormat {

    public static final String ID = "yelp-dataset-reviews";

    /** The fields of one line's review object. */
    static final Schema SCHEMA = Schema.of(ID, Unknown.IGNORED, List.of(
            Column.key("review_id"), Column.key("business_id"), Column.key("stars"), Column.key("date"),
            Column.expected("text"),
            Column.optional("user_id"), Column.optional("useful"), Column.optional("funny"), Column.optional("cool")));

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
        Set<String> fields = new LinkedHashSet<>();
        ReviewJson.forEach(file, sink, "reviews", (line, review) -> {
            review.fieldNames().forEachRemaining(fields::add);
            sink.review(toReview(file, review));
        });
        SCHEMA.report(CsvColumns.ofNames(List.copyOf(fields)), null, sink);
    }

    private static ReviewRow toReview(ExportFile file, JsonNode review) {
        return new ReviewRow(YelpFusionReviewsFormat.SITE, ReviewJson.required(review, "review_id"),
                ReviewJson.text(review, "business_id"), null, StarRating.of(ReviewJson.text(review, "stars"), "stars"), null,
                ReviewJson.text(review, "text"), null, null,
                GenericCsv.instant(ReviewJson.required(review, "date"), "date", file.practiceZone()),
                null, null, null, false, null);
    }
}
