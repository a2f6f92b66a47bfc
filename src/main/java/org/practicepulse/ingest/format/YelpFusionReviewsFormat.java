package org.practicepulse.ingest.format;

import java.io.IOException;
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

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Yelp Fusion API reviews ({@code GET /v3/businesses/{id}/reviews}):
 * {@code {total, possible_languages, reviews:[{id, url, text, rating, time_created, user:{name}}]}}.
 * {@code time_created} ("2016-08-29 00:41:13") has no zone and is read in the practice's time zone
 * (Yelp documents it as business-local). The API gives an excerpt of about 160 characters, never the
 * full text, and no owner replies. The location is the business alias from the review URL
 * ({@code yelp.com/biz/<alias>?hrid=…}).
 */
@ApplicationScoped
public class YelpFusionReviewsFormat implements ExportFormat {

    public static final String ID = "yelp-fusion-reviews";
    public static final String SITE = "yelp";

    private static final Pattern BUSINESS = Pattern.compile("/biz/([^/?#]+)");

    /** The fields of one review object; the list response around them must have "reviews". */
    static final Schema SCHEMA = Schema.of(ID, Unknown.IGNORED, List.of(
            Column.key("time_created"), Column.key("rating"), Column.key("user"),
            Column.expected("id"), Column.expected("text"), Column.expected("url")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        String head = ReviewJson.head(file).toLowerCase(Locale.ROOT);
        return ReviewJson.hasKeys(head, "reviews") && SCHEMA.recognisesNames(key -> ReviewJson.hasKeys(head, key));
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        int[] reviews = new int[1];
        Set<String> fields = new LinkedHashSet<>();
        ReviewJson.forEach(file, sink, "reviews", (line, review) -> {
            review.fieldNames().forEachRemaining(fields::add);
            sink.review(toReview(file, review));
            reviews[0]++;
        });
        SCHEMA.report(CsvColumns.ofNames(List.copyOf(fields)), null, sink);
        if (reviews[0] > 0) {
            sink.warn(null, "the Yelp Fusion API gives review excerpts (about 160 characters) and no owner replies; "
                    + "the full texts are on Yelp");
        }
    }

    private static ReviewRow toReview(ExportFile file, JsonNode review) {
        String url = ReviewJson.text(review, "url");
        String location = null;
        if (url != null) {
            Matcher m = BUSINESS.matcher(url);
            location = m.find() ? m.group(1) : null;
        }
        return new ReviewRow(SITE, ReviewJson.required(review, "id"), location, null,
                StarRating.of(ReviewJson.text(review, "rating"), "rating"), null, ReviewJson.text(review, "text"), null,
                ReviewJson.text(review, "user", "name"),
                GenericCsv.instant(ReviewJson.required(review, "time_created"), "time_created", file.practiceZone()),
                null, null, null, false, url);
    }
}
