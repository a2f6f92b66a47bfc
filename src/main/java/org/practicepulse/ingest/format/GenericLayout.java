package org.practicepulse.ingest.format;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.practicepulse.ingest.CsvColumns;

/**
 * The documented generic CSVs for platforms without an export of their own (Threads, Pinterest,
 * Doximity, Sermo, Figure1 …), for any web analytics tool, and for review sites without an export
 * (Healthgrades, Vitals, Zocdoc, RateMDs …). The importers and the downloadable
 * templates are both made from these column lists, so they cannot disagree.
 */
public enum GenericLayout {

    POSTS("generic-posts", "posts.csv", List.of(
            new Column("platform", true, "free text, normalised to a slug: 'Threads' -> threads"),
            new Column("account", false, "the account or profile that posted"),
            new Column("post_id", true, "the platform's id of the post, or any stable id you choose"),
            new Column("published_at", true, "ISO 8601 (2026-09-14, 2026-09-14T15:05, 2026-09-14T15:05:00-05:00) or MM/DD/YYYY [HH:MM] in the practice's time zone"),
            new Column("text", false, "the post's text"),
            new Column("permalink", false, "link to the post"),
            new Column("impressions", false, "lifetime count"),
            new Column("reach", false, "lifetime unique accounts reached"),
            new Column("likes", false, "lifetime count"),
            new Column("comments", false, "lifetime count"),
            new Column("shares", false, "lifetime count (reposts, retweets)"),
            new Column("saves", false, "lifetime count (bookmarks)"),
            new Column("clicks", false, "lifetime link clicks"),
            new Column("video_views", false, "lifetime count"),
            new Column("follows", false, "follows the post brought"),
            new Column("as_of", false, "the day these lifetime counts were read (default: the file's export date)"))),

    ACCOUNT_DAYS("generic-account-days", "accounts.csv", List.of(
            new Column("platform", true, "free text, normalised to a slug"),
            new Column("account", false, "the account or profile (default: the platform name)"),
            new Column("date", true, "the day, ISO 8601 or MM/DD/YYYY"),
            new Column("followers", false, "total followers at the end of the day"),
            new Column("profile_visits", false, "profile visits that day"),
            new Column("website_clicks", false, "clicks on the profile's website link that day"))),

    TRAFFIC("generic-traffic", "traffic.csv", List.of(
            new Column("date", true, "the day, ISO 8601 or MM/DD/YYYY"),
            new Column("source", true, "traffic source, e.g. threads.net, facebook.com, google"),
            new Column("medium", false, "traffic medium, e.g. social, referral, organic"),
            new Column("sessions", false, "website sessions that day from that source"),
            new Column("conversions", false, "conversions (appointment requests, key events) of those sessions"))),

    REVIEWS("generic-reviews", "reviews.csv", List.of(
            new Column("source", true, "the review site, free text normalised to a slug: 'Healthgrades' -> healthgrades, 'RateMDs' -> ratemds"),
            new Column("location", false, "the practice location reviewed"),
            new Column("provider", false, "the clinician reviewed, for sites that review clinicians"),
            new Column("review_id", true, "the site's id of the review, or any id that stays the same in every file"),
            new Column("created_at", true, "when the review was posted: ISO 8601 or MM/DD/YYYY [HH:MM] in the practice's time zone"),
            new Column("rating", false, "stars, a whole number from 1 to 5 (4, 4.0, 4/5); empty for sites without stars"),
            new Column("title", false, "the review's title"),
            new Column("text", false, "the review's text"),
            new Column("reviewer", false, "the reviewer's display name"),
            new Column("reply_text", false, "the practice's public reply; empty keeps a reply already known, [deleted] erases it"),
            new Column("reply_at", false, "when the reply was posted, same forms as created_at"),
            new Column("url", false, "link to the review")));

    /** One column of a generic CSV. */
    public record Column(String name, boolean required, String description) {
    }

    private final String formatId;
    private final String templateName;
    private final List<Column> columns;
    private final CsvColumns.Schema schema;

    GenericLayout(String formatId, String templateName, List<Column> columns) {
        this.formatId = formatId;
        this.templateName = templateName;
        this.columns = columns;
        // required columns are the key columns; the others are expected: a file without one is named in a warning
        this.schema = CsvColumns.Schema.of(formatId, CsvColumns.Unknown.IGNORED, columns.stream()
                .map(c -> c.required() ? CsvColumns.Column.key(c.name()) : CsvColumns.Column.expected(c.name())).toList());
    }

    /** The id of the format that reads this layout. */
    public String formatId() {
        return formatId;
    }

    /** Key (required) and expected (documented) columns, for detection and the drift warnings. */
    CsvColumns.Schema schema() {
        return schema;
    }

    public String templateName() {
        return templateName;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> required() {
        return columns.stream().filter(Column::required).map(Column::name).toList();
    }

    /** The template file: the header line, columns in their documented order. */
    public String template() {
        return columns.stream().map(Column::name).collect(Collectors.joining(",")) + "\r\n";
    }

    /** True when the header has every required column and nothing of the other layouts' required columns. */
    boolean matches(CsvColumns header) {
        if (!schema.recognises(header)) {
            return false;
        }
        Set<String> names = Set.copyOf(header.names());
        return switch (this) {
            case POSTS -> true;
            case ACCOUNT_DAYS -> !names.contains("post_id") && !names.contains("source");
            case TRAFFIC -> !names.contains("platform") && !names.contains("post_id") && !names.contains("review_id");
            case REVIEWS -> !names.contains("platform") && !names.contains("post_id");
        };
    }

    /** Header columns this layout does not know, as the file names them. */
    List<String> unknown(CsvColumns header) {
        return schema.unknown(header);
    }
}
