package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/**
 * The Meta Business Suite content export (Insights → Content → Export), one row per post with its
 * lifetime figures: UTF-8 with a BOM, {@code Date} holding the word "Lifetime", the publication time in
 * {@code Publish time} ("09/28/2026 18:12", local time). Facebook and Instagram files share this
 * layout and differ in their identity and counter columns, which the two subclasses supply.
 * Meta adds, drops and renames columns from month to month, so columns are matched by name; a
 * counter column that is missing, and a column Meta added, are named in a warning (the shared
 * {@link Schema} check) instead of failing the file.
 */
abstract class MetaBusinessSuitePostsFormat implements ExportFormat {

    static final String POST_ID = "post id";
    static final String PUBLISH_TIME = "publish time";
    static final String VIEWS = "views";
    static final String IMPRESSIONS = "impressions";
    /** Columns other than counters, on either platform. */
    private static final Set<String> NOT_COUNTERS = Set.of(POST_ID, PUBLISH_TIME, "page id", "page name", "account id",
            "account username", "account name", "title", "description", "caption type", "permalink", "is crosspost",
            "is share", "post type", "languages", "custom labels", "funded content status", "data comment", "date",
            "average seconds viewed");
    /** Columns some exports have for the engagement total; Meta's own figure is used when given. */
    static final List<String> ENGAGEMENT_TOTALS = List.of("reactions, comments and shares", "interactions",
            "content interactions", "total interactions", "engagements", "engagement", "post engagements");
    /** Since 2025 Meta reports Views where it reported Impressions; both feed our impressions counter. */
    static final Column VIEWS_OR_IMPRESSIONS = Column.expected("Views (or Impressions)", VIEWS, IMPRESSIONS);
    /** Counters Meta exports that have no field of ours: kept in extra by name, known so that they are not reported as new. */
    private static final List<String> KNOWN_EXTRA_COUNTERS = List.of("duration (sec)", "total clicks", "other clicks",
            "matched audience targeting consumption (photo click)", "matched audience targeting consumption (video click)",
            "negative feedback from users: hide all", "negative feedback from users: hide", "ad impressions", "plays");

    /**
     * The schema of a Business Suite posts export: the key columns (Post ID, Publish time, the account's
     * identity columns), this platform's counter columns (expected), and every other column Meta is
     * known to write on either platform (optional). Columns Meta adds later are kept in extra when
     * they hold counts, and named in a warning.
     */
    static Schema schema(String id, Column identity, List<Column> counters, Set<String> mapped) {
        List<Column> columns = new ArrayList<>(List.of(Column.key("Post ID"), Column.key("Publish time"), identity));
        columns.addAll(counters);
        columns.add(Column.optionalMatching("Estimated earnings …", "estimated earnings.*"));
        columns.add(Column.optionalMatching("Ad CPM …", "ad cpm.*"));
        return Schema.of(id, Unknown.KEPT_AS_EXTRA, columns)
                .alsoKnowing(n -> NOT_COUNTERS.contains(n) || ENGAGEMENT_TOTALS.contains(n) || mapped.contains(n)
                        || KNOWN_EXTRA_COUNTERS.contains(n) || n.equals(VIEWS) || n.equals(IMPRESSIONS));
    }

    /** "facebook" or "instagram". */
    abstract String platform();

    /** Key, counter (expected; at least two must be present for the file to be this format) and known columns. */
    abstract Schema schema();

    /**
     * Names of the columns mapped to a counter, so that they are not kept twice in extra. Views and
     * Impressions are not among them: extra keeps the raw value under its own name, so that the
     * metrics can tell which of Meta's two definitions fed the impressions counter.
     */
    abstract Set<String> mappedColumns();

    abstract String handle(CsvColumns c, CSVRecord r);

    abstract String text(CsvColumns c, CSVRecord r);

    /** @param impressions Views, or Impressions in exports made before Meta renamed them */
    abstract PostCounters counters(CsvColumns c, CSVRecord r, Long impressions);

    @Override
    public boolean detect(ExportFile file) {
        CsvColumns header = CsvColumns.fromLine(file.firstLine());
        if (!schema().recognises(header)) {
            return false;
        }
        return schema().columns().stream().filter(c -> c.role() == Column.Role.EXPECTED && c.isIn(header)).count() >= 2;
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        CsvColumns[] columns = new CsvColumns[1];
        ExtraCounters[] extras = new ExtraCounters[1];
        boolean[] warnedNotLifetime = new boolean[1];
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, (line, record) -> {
                if (columns[0] == null) {
                    columns[0] = CsvColumns.of(record);
                    schema().report(columns[0], line, sink);
                    Set<String> mapped = mappedColumns();
                    extras[0] = new ExtraCounters(columns[0], name -> NOT_COUNTERS.contains(name) || mapped.contains(name)
                            || ENGAGEMENT_TOTALS.contains(name)
                            || name.startsWith("estimated earnings") || name.startsWith("ad cpm"));
                    return;
                }
                CsvColumns c = columns[0];
                if (record.stream().allMatch(String::isBlank)) {
                    sink.skip(line, "empty row");
                    return;
                }
                if (record.size() != c.size()) {
                    throw new RowRejectedException("the row has " + record.size() + " fields, the header has " + c.size());
                }
                String date = c.cell(record, "date");
                if (date != null && !date.isBlank() && !date.strip().equalsIgnoreCase("lifetime") && !warnedNotLifetime[0]) {
                    warnedNotLifetime[0] = true;
                    sink.warn(line, "Date is '" + CellValues.abbreviate(date) + "', not 'Lifetime': the figures are still stored as lifetime totals as of "
                            + file.exportDate());
                }
                sink.post(toPost(file, sink, c, extras[0], line, record));
            });
        }
    }

    private PostRow toPost(ExportFile file, ImportSink sink, CsvColumns c, ExtraCounters extras, long line, CSVRecord r) {
        String id = MetaPosts.postId(c.cell(r, POST_ID), "Post ID", line, sink);
        Instant publishedAt = MetaPosts.publishedAt(c.cell(r, PUBLISH_TIME), file.practiceZone(), "Publish time");
        Long views = CellValues.nonNegativeCount(c.cell(r, VIEWS), "Views");
        Long impressions = views != null ? views : CellValues.nonNegativeCount(c.cell(r, IMPRESSIONS), "Impressions");
        Map<String, Long> extra = extras.of(r, line, sink);
        return new PostRow(platform(), handle(c, r), id, publishedAt, text(c, r), MetaPosts.emptyToNull(c.cell(r, "permalink")),
                MetaPosts.postType(c.cell(r, "post type")), file.exportDate(), counters(c, r, impressions), extra);
    }

    static Long count(CsvColumns c, CSVRecord r, String... aliases) {
        return MetaPosts.count(c, r, aliases);
    }

    /** Engagements from the export's own total when it gives one, else Meta's sum of the parts. */
    static Long engagements(CsvColumns c, CSVRecord r, Long... parts) {
        Long total = count(c, r, ENGAGEMENT_TOTALS.toArray(String[]::new));
        return total != null ? total : MetaPosts.sumOfReported(parts);
    }
}
