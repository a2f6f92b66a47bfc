package org.practicepulse.ingest.format;

import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.PostCounters;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Meta Business Suite content export of an Instagram account: Account ID and Account username on
 * every row, post types "IG reel", "IG carousel", "IG image"…, saves and follows per post, and no
 * clicks column (Instagram reports none per post).
 */
@ApplicationScoped
public class MetaInstagramPostsFormat extends MetaBusinessSuitePostsFormat {

    public static final String ID = "meta-instagram-posts";
    public static final String PLATFORM = "instagram";

    private static final Set<String> MAPPED = Set.of("reach", "likes", "comments", "shares", "saves", "follows",
            "profile visits", "link clicks");
    static final Schema SCHEMA = schema(ID, Column.key("Account ID or Account username", "account username", "account id"),
            List.of(VIEWS_OR_IMPRESSIONS, Column.expected("Reach"), Column.expected("Likes"), Column.expected("Comments"),
                    Column.expected("Shares"), Column.expected("Saves"), Column.expected("Follows")),
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
        String username = MetaPosts.emptyToNull(c.cell(r, "account username"));
        String id = MetaPosts.emptyToNull(c.cell(r, "account id"));
        return username != null ? username : id != null ? id : "unknown";
    }

    @Override
    String text(CsvColumns c, CSVRecord r) {
        return MetaPosts.text(c.cell(r, "description"));
    }

    @Override
    PostCounters counters(CsvColumns c, CSVRecord r, Long impressions) {
        Long likes = count(c, r, "likes");
        Long comments = count(c, r, "comments");
        Long shares = count(c, r, "shares");
        Long saves = count(c, r, "saves");
        return new PostCounters(
                impressions,
                count(c, r, "reach"),
                engagements(c, r, likes, comments, shares, saves),
                likes,
                comments,
                shares,
                saves,
                count(c, r, "link clicks"), // not in Instagram's export today: null
                count(c, r, "profile visits"), // older exports only
                null, // no video views column: Views counts every kind of post ("Plays" of older exports stays in extra)
                null,
                count(c, r, "follows"));
    }
}
