package org.practicepulse.ingest.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.PostCounters;
import org.practicepulse.ingest.RowRejectedException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Meta Business Suite content export of a Facebook Page
 * ({@code Aug-01-2026_Aug-31-2026_<export id>.csv}): Page ID and Page name on every row; the caption
 * sits in Title or in Description depending on the post type.
 */
@ApplicationScoped
public class MetaFacebookPostsFormat extends MetaBusinessSuitePostsFormat {

    public static final String ID = "meta-facebook-posts";
    public static final String PLATFORM = "facebook";

    private static final Set<String> MAPPED = Set.of("reach", "reactions", "comments", "shares", "link clicks", "seconds viewed");
    static final Schema SCHEMA = schema(ID, Column.key("Page ID or Page name", "page id", "page name"),
            List.of(VIEWS_OR_IMPRESSIONS, Column.expected("Reach"), Column.expected("Reactions, Comments and Shares"),
                    Column.expected("Reactions"), Column.expected("Comments"), Column.expected("Shares"),
                    Column.expected("Link Clicks"), Column.expected("Seconds viewed")),
            MAPPED);

    @Override
    public String id() {
        return ID;
    }

    @Override
    String platform() {
        return PLATFORM;
    }

    @Override
    Schema schema() {
        return SCHEMA;
    }

    @Override
    Set<String> mappedColumns() {
        return MAPPED;
    }

    @Override
    String handle(CsvColumns c, CSVRecord r) {
        String name = MetaPosts.emptyToNull(c.cell(r, "page name"));
        String id = MetaPosts.emptyToNull(c.cell(r, "page id"));
        return name != null ? name : id != null ? id : "unknown";
    }

    /** Title or Description, whichever is longer: which one holds the caption depends on the post type. */
    @Override
    String text(CsvColumns c, CSVRecord r) {
        String title = MetaPosts.text(c.cell(r, "title"));
        String description = MetaPosts.text(c.cell(r, "description"));
        if (title == null || description == null) {
            return title != null ? title : description;
        }
        return title.length() >= description.length() ? title : description;
    }

    @Override
    PostCounters counters(CsvColumns c, CSVRecord r, Long impressions) {
        Long reactions = count(c, r, "reactions");
        Long comments = count(c, r, "comments");
        Long shares = count(c, r, "shares");
        return new PostCounters(
                impressions,
                count(c, r, "reach"),
                engagements(c, r, reactions, comments, shares),
                reactions,
                comments,
                shares,
                null, // Facebook has no saves
                count(c, r, "link clicks"),
                null, // no profile clicks per post
                null, // no video views column: Views counts every kind of post
                secondsViewed(c, r),
                null); // no follows per post
    }

    /** Total seconds of video watched; written with decimals in some exports, so rounded. */
    private static Long secondsViewed(CsvColumns c, CSVRecord r) {
        BigDecimal seconds = CellValues.decimal(c.cell(r, "seconds viewed"), "Seconds viewed");
        if (seconds == null) {
            return null;
        }
        if (seconds.signum() < 0) {
            throw new RowRejectedException("Seconds viewed: " + seconds + " is negative");
        }
        return seconds.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
