package org.practicepulse.ingest.format;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.practicepulse.ingest.AccountDayRow;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvColumns.Unknown;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.PostCounters;
import org.practicepulse.ingest.PostRow;
import org.practicepulse.ingest.RowRejectedException;
import org.practicepulse.ingest.UnreadableFileException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The LinkedIn Page content export, formerly "updates" ({@code <page>_content_<epoch ms>.xls}).
 * Sheet {@code All posts}: one row per post with its lifetime counters, below a description row.
 * Sheet {@code Metrics}: one row per day of the page's post impressions and interactions, organic
 * and sponsored, also below a description row. Created dates carry no time, so a post is dated
 * the start of that day in the practice's zone. Rates (CTR, engagement rate) are not stored.
 */
@ApplicationScoped
public class LinkedInContentFormat implements ExportFormat {

    public static final String ID = "linkedin-content";

    private static final String POSTS_SHEET = "All posts";
    private static final String DAYS_SHEET = "Metrics";
    private static final String[] LINK = { "post link", "update link" };
    static final Schema POSTS = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Post link", LINK), Column.key("Created date"), Column.key("Impressions"), Column.key("Clicks"),
            Column.expected("Post title", "post title", "update title"), Column.expected("Likes", "likes", "reactions"),
            Column.expected("Comments"), Column.expected("Reposts", "reposts", "shares"), Column.expected("Follows"),
            Column.optional("Views", "views", "views (excluding off-site video views)", "video views"),
            Column.optional("Unique impressions"), Column.optional("Content Type"),
            Column.optional("Post type", "post type", "update type"), Column.optional("Campaign name"), Column.optional("Posted by"),
            Column.optional("Campaign start date"), Column.optional("Campaign end date"), Column.optional("Audience"),
            Column.optional("Offsite Views"), Column.optional("Click through rate (CTR)"), Column.optional("Engagement rate")));
    static final Schema DAYS = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Date"), Column.key("Impressions (total)"),
            Column.expected("Clicks (total)"), Column.expected("Reactions (total)"), Column.expected("Comments (total)"),
            Column.expected("Reposts (total)", "reposts (total)", "shares (total)"),
            Column.optionalMatching("<figure> (organic|sponsored|total)",
                    "(impressions|unique impressions|clicks|reactions|comments|reposts|shares|engagement rate) \\((organic|sponsored|total)\\)")));
    /** The post's id sits in its link: .../feed/update/urn:li:activity:7361... (or ugcPost:, share:). */
    private static final Pattern POST_URN = Pattern.compile("urn:li:(activity|ugcPost|share):(\\d+)");
    /** Columns that are not counters, or counters mapped to our own names; the other count columns go to extra. */
    private static final Set<String> NOT_EXTRA = Set.of("post title", "update title", "post link", "update link", "post type",
            "update type", "campaign name", "posted by", "created date", "campaign start date", "campaign end date", "audience",
            "content type", "impressions", "unique impressions", "views", "views (excluding off-site video views)", "video views",
            "clicks", "click through rate (ctr)", "likes", "reactions", "comments", "reposts", "shares", "follows",
            "engagement rate");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        return LinkedInPageExport.detect(file, POSTS_SHEET, POSTS);
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        try (ExportWorkbook book = ExportWorkbook.open(file)) {
            SheetTable posts = LinkedInPageExport.table(book, POSTS_SHEET, POSTS, sink)
                    .orElseThrow(() -> new UnreadableFileException("sheet '" + POSTS_SHEET
                            + "' has no header row with Post link, Created date, Impressions and Clicks"));
            String page = LinkedInPageExport.pageHandle(file, sink);
            LocalDate asOf = LinkedInPageExport.exportDate(file);
            Map<String, Long> firstLineOfPost = new HashMap<>();
            posts.forEachRow(sink, (line, row) -> {
                PostRow post = toPost(file, page, asOf, posts, row);
                Long earlier = firstLineOfPost.putIfAbsent(post.externalId(), line);
                if (earlier != null) {
                    throw new RowRejectedException("post " + post.externalId() + " is already on row " + earlier + "; this row was not imported");
                }
                sink.post(post);
            });
            Optional<SheetTable> days = LinkedInPageExport.table(book, DAYS_SHEET, DAYS, sink);
            if (days.isPresent()) {
                LinkedInPageExport.readDays(days.get(), DAYS, sink, (day, counts) -> toDay(page, day, counts));
            } else {
                sink.warn(null, "no sheet '" + DAYS_SHEET + "' with a header row of Date and Impressions (total); the daily figures were not read");
            }
        }
    }

    private static PostRow toPost(ExportFile file, String page, LocalDate asOf, SheetTable table, SheetTable.TableRow row) {
        String link = row.text(LINK);
        if (link == null) {
            throw new RowRejectedException(row.label(row.column(LINK)) + " is empty");
        }
        Matcher urn = POST_URN.matcher(link.replaceAll("(?i)%3A", ":")); // the urn may be URL-encoded
        if (!urn.find()) {
            throw new RowRejectedException(row.label(row.column(LINK)) + " '" + CellValues.abbreviate(link)
                    + "' holds no post id (urn:li:activity:...)");
        }
        LocalDate created = row.date("created date");
        if (created == null) {
            throw new RowRejectedException(row.label(row.column("created date")) + " is empty");
        }
        Instant publishedAt = created.atStartOfDay(file.practiceZone()).toInstant();

        Long clicks = row.count("clicks");
        Long likes = row.count("likes", "reactions");
        Long comments = row.count("comments");
        Long reposts = row.count("reposts", "shares");
        Long follows = row.count("follows");
        PostCounters counters = new PostCounters(
                row.count("impressions"),
                row.count("unique impressions"),
                // LinkedIn's engagement rate is (clicks + reactions + comments + reposts + follows) / impressions
                LinkedInPageExport.sumOfPresent(clicks, likes, comments, reposts, follows),
                likes, comments, reposts,
                null,
                clicks,
                null,
                row.count("views", "views (excluding off-site video views)", "video views"),
                null,
                follows);
        Map<String, Long> extra = new LinkedHashMap<>();
        List<String> names = table.columns().names();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty() || NOT_EXTRA.contains(name) || name.contains("rate")) {
                continue;
            }
            try {
                Long value = row.countAt(i);
                if (value != null) {
                    extra.put(name, value);
                }
            } catch (RowRejectedException e) {
                // a column we do not know that holds text: not a counter
            }
        }
        return new PostRow(LinkedInPageExport.PLATFORM, page, urn.group(0), publishedAt, row.text("post title", "update title"),
                link, row.text("content type"), asOf, counters, extra);
    }

    private static AccountDayRow toDay(String page, LocalDate day, Map<String, Long> counts) {
        Long impressions = counts.remove("impressions (total)");
        Long engagements = LinkedInPageExport.sumOfPresent(counts.get("clicks (total)"), counts.get("reactions (total)"),
                counts.get("comments (total)"), counts.getOrDefault("reposts (total)", counts.get("shares (total)")));
        return new AccountDayRow(LinkedInPageExport.PLATFORM, page, day, null, null, null, null, null, impressions, null,
                engagements, null, null, null, counts);
    }
}
