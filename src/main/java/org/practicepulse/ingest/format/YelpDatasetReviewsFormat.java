package org.practicepulse.ingest.format;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

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

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        return ReviewJson.hasKeys(ReviewJson.head(file), "review_id", "business_id", "stars", "date");
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        ReviewJson.forEach(file, sink, "reviews", (line, review) -> sink.review(toReview(file, review)));
    }

    private static ReviewRow toReview(ExportFile file, JsonNode review) {
        return new ReviewRow(YelpFusionReviewsFormat.SITE, ReviewJson.required(review, "review_id"),
                ReviewJson.text(review, "business_id"), null, StarRating.of(ReviewJson.text(review, "stars"), "stars"), null,
                ReviewJson.text(review, "text"), null, null,
                GenericCsv.instant(ReviewJson.required(review, "date"), "date", file.practiceZone()),
                null, null, null, false, null);
    }
}
