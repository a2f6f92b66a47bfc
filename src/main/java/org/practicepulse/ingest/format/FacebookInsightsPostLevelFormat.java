package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvColumns.Unknown;
import org.practicepulse.ingest.CsvRecords;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.PostCounters;
import org.practicepulse.ingest.PostRow;
import org.practicepulse.ingest.RowRejectedException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The legacy "Facebook Insights Data Export (Post Level)" CSV (Page Insights before Meta Business
 * Suite): {@code Facebook Insights Data Export (Post Level) - <Page> - <YYYY-MM-DD>.csv}, one row per
 * post with its "Lifetime …" figures.
 * <ul>
 * <li>Row 2 describes each column ("Lifetime: The total number of people…"); it carries no data and is
 * skipped. It also tells apart the columns that share a name (one is a Total Count, the other counts
 * Unique Users): such columns are named "&lt;name&gt; (total count)" and "&lt;name&gt; (unique users)".</li>
 * <li>The "by action type" / "by type" columns are only there for the types that occurred, so they
 * are matched by name, and an empty cell means none of that type.</li>
 * <li>Copies whose header row was replaced (a column-mapping row such as
 * {@code 'social_network_id', '', …}) are recognised by their data rows and read by the positions of
 * Facebook's 2017 layout; such copies also cut rows short, so missing trailing cells read as empty.</li>
 * </ul>
 */
@ApplicationScoped
public class FacebookInsightsPostLevelFormat implements ExportFormat {

    public static final String ID = "facebook-insights-post-level";
    public static final String PLATFORM = "facebook";

    /** The columns of the 2017 export, in order, as Facebook names them (duplicates included). */
    static final List<String> LAYOUT_2017 = List.of("Post ID", "Permalink", "Post Message", "Type", "Countries",
            "Languages", "Posted", "Audience Targeting", "Lifetime Post Total Reach", "Lifetime Post organic reach",
            "Lifetime Post Paid Reach", "Lifetime Post Total Impressions", "Lifetime Post Organic Impressions",
            "Lifetime Post Paid Impressions", "Lifetime Engaged Users", "Lifetime Post Consumers",
            "Lifetime Post Consumptions", "Lifetime Negative feedback", "Lifetime Negative Feedback from Users",
            "Lifetime Post Impressions by people who have liked your Page",
            "Lifetime Post reach by people who like your Page",
            "Lifetime Post Paid Impressions by people who have liked your Page",
            "Lifetime Paid reach of a post by people who like your Page",
            "Lifetime People who have liked your Page and engaged with your post", "Lifetime Average time video viewed",
            "Lifetime Organic watches at 95%", "Lifetime Organic watches at 95%", "Lifetime Paid watches at 95%",
            "Lifetime Paid watches at 95%", "Lifetime Video length", "Lifetime Organic Video Views",
            "Lifetime Organic Video Views", "Lifetime Paid Video Views", "Lifetime Paid Video Views",
            "Lifetime Talking About This (Post) by action type - comment",
            "Lifetime Talking About This (Post) by action type - like",
            "Lifetime Talking About This (Post) by action type - share", "Lifetime Post Stories by action type - comment",
            "Lifetime Post Stories by action type - like", "Lifetime Post Stories by action type - share",
            "Lifetime Post consumers by type - other clicks", "Lifetime Post Consumptions by type - other clicks");

    private static final String POST_ID = "post id";
    private static final String POSTED = "posted";
    private static final String IMPRESSIONS = "lifetime post total impressions";
    private static final String REACH = "lifetime post total reach";
    private static final String LIKES = "lifetime post stories by action type - like";
    private static final String COMMENTS = "lifetime post stories by action type - comment";
    private static final String SHARES = "lifetime post stories by action type - share";
    private static final String LINK_CLICKS = "lifetime post consumptions by type - link clicks";
    private static final String ORGANIC_VIDEO_VIEWS = "lifetime organic video views";
    private static final String PAID_VIDEO_VIEWS = "lifetime paid video views";
    private static final String TOTAL_COUNT = " (total count)";
    private static final Set<String> NOT_COUNTERS = Set.of(POST_ID, "permalink", "post message", "type", "countries",
            "languages", POSTED, "audience targeting");
    private static final Set<String> MAPPED = Set.of(IMPRESSIONS, REACH, LIKES, COMMENTS, SHARES, LINK_CLICKS,
            ORGANIC_VIDEO_VIEWS, ORGANIC_VIDEO_VIEWS + TOTAL_COUNT, PAID_VIDEO_VIEWS, PAID_VIDEO_VIEWS + TOTAL_COUNT);
    /**
     * Key: Post ID and Posted (and, for detection, two "Lifetime …" columns); expected: what feeds our
     * fields and is in every export; optional: the rest of the 2017 layout, and the "by action type" /
     * "by type" columns, which are there only for the types that occurred. Duplicate names are matched
     * as the header writes them, before they are told apart.
     */
    static final Schema SCHEMA = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Post ID"), Column.key("Posted"),
            Column.expected("Permalink"), Column.expected("Post Message"), Column.expected("Type"),
            Column.expected("Lifetime Post Total Reach"), Column.expected("Lifetime Post Total Impressions"),
            Column.expected("Lifetime Organic Video Views"), Column.expected("Lifetime Paid Video Views"),
            Column.optionalMatching("Lifetime … by (action) type - …", "lifetime .+ by (action )?type - .+")))
            .alsoKnowing(n -> LAYOUT_2017.stream().anyMatch(l -> CsvColumns.normalise(l).equals(n)));
    private static final Pattern FILE_PAGE = Pattern.compile("Post Level\\) - (.+) - \\d{4}-\\d{2}-\\d{2}", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERMALINK_PAGE = Pattern.compile("facebook\\.com/([^/?#]+)/posts/");
    private static final Pattern LEGACY_POST_ID = Pattern.compile("\\d+_\\d+");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        return namesItsColumns(CsvColumns.fromLine(file.firstLine())) || hasUnnamedLegacyRows(file);
    }

    /** The real header: Post ID, Posted and "Lifetime …" metric columns. */
    private static boolean namesItsColumns(CsvColumns header) {
        return SCHEMA.recognises(header) && header.names().stream().filter(n -> n.startsWith("lifetime ")).count() >= 2;
    }

    /** A header that names nothing we know over data rows with the legacy layout's id, permalink and time. */
    private static boolean hasUnnamedLegacyRows(ExportFile file) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(String.join("\n", file.headLines())))
                .setFormat(CsvRecords.STANDARD).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                return false;
            }
            records.next();
            if (!records.hasNext()) {
                return false;
            }
            CSVRecord first = records.next();
            return first.size() > 8 && LEGACY_POST_ID.matcher(first.get(0).strip()).matches()
                    && first.get(1).contains("facebook.com/") && MetaPosts.isPublicationTime(first.get(6));
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        String filePage = pageOfFileName(file.fileName());
        List<String> header = new ArrayList<>();
        CsvColumns[] columns = new CsvColumns[1];
        ExtraCounters[] extras = new ExtraCounters[1];
        boolean[] warnedShortRows = new boolean[1];
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, (line, record) -> {
                if (header.isEmpty()) {
                    header.addAll(headerNames(record, line, sink));
                    return;
                }
                boolean description = isDescriptionRow(record);
                if (columns[0] == null) {
                    columns[0] = columnsOf(header, description ? record : null);
                    extras[0] = new ExtraCounters(columns[0], name -> NOT_COUNTERS.contains(name) || MAPPED.contains(name));
                }
                if (description) {
                    sink.skip(line, "the row describes the columns");
                    return;
                }
                if (record.stream().allMatch(String::isBlank)) {
                    sink.skip(line, "empty row");
                    return;
                }
                CsvColumns c = columns[0];
                if (record.size() > c.size()) {
                    throw new RowRejectedException("the row has " + record.size() + " fields, the header has " + c.size());
                }
                if (record.size() < c.size() && !warnedShortRows[0]) {
                    warnedShortRows[0] = true;
                    sink.warn(line, "rows have fewer fields than the header (" + record.size() + " of " + c.size()
                            + "); the missing cells are read as empty");
                }
                sink.post(toPost(file, sink, c, extras[0], line, record, filePage));
            });
        }
    }

    private PostRow toPost(ExportFile file, ImportSink sink, CsvColumns c, ExtraCounters extras, long line, CSVRecord r,
            String filePage) {
        String id = MetaPosts.postId(c.cell(r, POST_ID), "Post ID", line, sink);
        String permalink = MetaPosts.emptyToNull(c.cell(r, "permalink"));
        Long likes = MetaPosts.count(c, r, LIKES);
        Long comments = MetaPosts.count(c, r, COMMENTS);
        Long shares = MetaPosts.count(c, r, SHARES);
        PostCounters counters = new PostCounters(
                MetaPosts.count(c, r, IMPRESSIONS),
                MetaPosts.count(c, r, REACH),
                MetaPosts.sumOfReported(likes, comments, shares),
                likes,
                comments,
                shares,
                null, // Facebook has no saves
                MetaPosts.count(c, r, LINK_CLICKS),
                null, // no profile clicks per post
                MetaPosts.sumOfReported(MetaPosts.count(c, r, ORGANIC_VIDEO_VIEWS + TOTAL_COUNT, ORGANIC_VIDEO_VIEWS),
                        MetaPosts.count(c, r, PAID_VIDEO_VIEWS + TOTAL_COUNT, PAID_VIDEO_VIEWS)),
                null, // only an average time viewed (kept in extra)
                null); // no follows per post
        return new PostRow(PLATFORM, handle(filePage, permalink, id), id,
                MetaPosts.publishedAt(c.cell(r, POSTED), file.practiceZone(), "Posted"),
                MetaPosts.text(c.cell(r, "post message")), permalink, MetaPosts.postType(c.cell(r, "type")),
                file.exportDate(), counters, extras.of(r, line, sink));
    }

    /** The header's names; those of the 2017 layout when the header row does not name the columns. */
    private static List<String> headerNames(CSVRecord record, long line, ImportSink sink) {
        CsvColumns named = CsvColumns.of(record);
        if (!namesItsColumns(named)) {
            sink.warn(line, "the header row does not name Facebook's columns (it begins '" + CellValues.abbreviate(record.get(0))
                    + "'); the columns are read by their position in Facebook's 2017 post-level layout");
            return LAYOUT_2017;
        }
        SCHEMA.report(named, line, sink);
        return record.toList();
    }

    /** Row 2: no post id, and text (not numbers) in the other cells. */
    private static boolean isDescriptionRow(CSVRecord r) {
        if (!r.get(0).isBlank()) {
            return false;
        }
        boolean text = false;
        for (String cell : r) {
            if (CellValues.isEmpty(cell)) {
                continue;
            }
            try {
                CellValues.count(cell, "");
                return false;
            } catch (RowRejectedException e) {
                text = true;
            }
        }
        return text;
    }

    /**
     * Header names made unique: a name that appears more than once gets the unit its description
     * gives ("(total count)", "(unique users)"); without descriptions, Facebook's order (the total
     * count first, then the unique users) is assumed.
     */
    static CsvColumns columnsOf(List<String> header, CSVRecord descriptions) {
        Map<String, Integer> occurrences = new HashMap<>();
        header.forEach(h -> occurrences.merge(CsvColumns.normalise(h), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            String name = CsvColumns.normalise(header.get(i));
            if (name.isEmpty() || occurrences.get(name) == 1) {
                names.add(name);
                continue;
            }
            int k = seen.merge(name, 1, Integer::sum) - 1;
            String described = descriptions != null && i < descriptions.size() ? unitOf(descriptions.get(i)) : null;
            String unit = described != null ? described : k == 0 ? "total count" : k == 1 ? "unique users" : String.valueOf(k + 1);
            names.add(name + " (" + unit + ")");
        }
        return CsvColumns.ofNames(names);
    }

    private static String unitOf(String description) {
        String d = CsvColumns.normalise(description);
        return d.endsWith("(unique users)") ? "unique users" : d.endsWith("(total count)") ? "total count" : null;
    }

    /** The Page: named in Facebook's file name, else in the permalink, else its id (the part before "_"). */
    private static String handle(String filePage, String permalink, String postId) {
        if (filePage != null) {
            return filePage;
        }
        if (permalink != null) {
            Matcher m = PERMALINK_PAGE.matcher(permalink);
            if (m.find()) {
                return m.group(1);
            }
        }
        int underscore = postId.indexOf('_');
        return underscore > 0 ? postId.substring(0, underscore) : "unknown";
    }

    private static String pageOfFileName(String fileName) {
        Matcher m = FILE_PAGE.matcher(fileName == null ? "" : fileName);
        return m.find() ? m.group(1).strip() : null;
    }
}
