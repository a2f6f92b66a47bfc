package org.practicepulse.ingest.format;

import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CsvColumns;
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

    private static final List<Expected> EXPECTED = List.of(VIEWS_OR_IMPRESSIONS, new Expected("Reach", "reach"),
            new Expected("Likes", "likes"), new Expected("Comments", "comments"), new Expected("Shares", "shares"),
            new Expected("Saves", "saves"), new Expected("Follows", "follows"));
    private static final Set<String> MAPPED = Set.of("reach", "likes", "comments", "shares", "saves", "follows",
            "profile visits", "link clicks");

    @Override
    public String id() {
        return ID;
    }

    @Override
    String platform() {
        return PLATFORM;
    }

    @Override
    boolean hasIdentity(CsvColumns header) {
        return header.indexOf("account username", "account id") >= 0;
    }

    @Override
    List<Expected> expectedColumns() {
        return EXPECTED;
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
