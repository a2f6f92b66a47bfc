package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.AccountDayRow;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvColumns.Unknown;
import org.practicepulse.ingest.CsvRecords;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;
import org.practicepulse.ingest.UnreadableFileException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A Meta Business Suite page-level daily series (Insights → Results → Export: {@code Follows.csv},
 * {@code Views.csv}, {@code Visits.csv}, {@code Link clicks.csv}, {@code Interactions.csv}…): UTF-16LE
 * with a BOM, a {@code sep=,} line, the metric's name on its own line, then {@code "Date","Primary"}
 * rows with ISO dates ({@code "2025-08-01T00:00:00"}). One metric per file, routed by that name line.
 * <p>
 * The file names neither the Page nor, for metrics without a "Facebook"/"Instagram" prefix (Views,
 * Viewers, Content interactions), the platform. Both may be given in the file name:
 * {@code <account> - Views.csv} names the account, and "Instagram" anywhere in it the platform.
 * Otherwise the account is "unknown" and the platform Facebook, each with a warning.
 * Follows files leave out days without follows; those days are not stored (not reported, not zero).
 */
@ApplicationScoped
public class MetaDailySeriesFormat implements ExportFormat {

    public static final String ID = "meta-daily-series";
    public static final String UNKNOWN_ACCOUNT = "unknown";

    /** The AccountDayRow figure a metric feeds. */
    enum Figure {
        FOLLOWS_GAINED, IMPRESSIONS, REACH, PROFILE_VISITS, LINK_CLICKS, ENGAGEMENTS
    }

    /** A metric of the name line: the figure it feeds, and the extra key that keeps Meta's own name where it was redefined. */
    record Metric(Figure figure, String extraKey) {
    }

    /** The table below the metric's name: Date and Primary, nothing else (the metric is named by the title line). */
    static final Schema SCHEMA = Schema.of(ID, Unknown.IGNORED, Column.key("Date"), Column.key("Primary"));
    private static final Map<String, Metric> METRICS = metrics();
    private static final Pattern COPY_SUFFIX = Pattern.compile("\\s*\\(\\d+\\)$");

    private static Map<String, Metric> metrics() {
        Map<String, Metric> byName = Map.ofEntries(
                Map.entry("follows", new Metric(Figure.FOLLOWS_GAINED, null)),
                Map.entry("views", new Metric(Figure.IMPRESSIONS, "views")),
                Map.entry("impressions", new Metric(Figure.IMPRESSIONS, "impressions")),
                Map.entry("viewers", new Metric(Figure.REACH, "viewers")),
                Map.entry("reach", new Metric(Figure.REACH, null)),
                Map.entry("visits", new Metric(Figure.PROFILE_VISITS, null)),
                Map.entry("profile visits", new Metric(Figure.PROFILE_VISITS, null)),
                Map.entry("link clicks", new Metric(Figure.LINK_CLICKS, null)),
                Map.entry("content interactions", new Metric(Figure.ENGAGEMENTS, null)),
                Map.entry("interactions", new Metric(Figure.ENGAGEMENTS, null)));
        Map<String, Metric> all = new HashMap<>(byName);
        byName.forEach((name, metric) -> {
            all.put("facebook " + name, metric);
            all.put("instagram " + name, metric);
        });
        return Map.copyOf(all);
    }

    /** What the first lines of the file say: its delimiter and its metric. */
    record Layout(char delimiter, String title, Metric metric) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        return layoutOf(file.headLines()).isPresent();
    }

    /** [sep=,] then a line with one known metric name, then a header with Date and Primary. */
    static Optional<Layout> layoutOf(List<String> headLines) {
        List<String> lines = headLines.stream().filter(l -> !l.isBlank()).limit(3).toList();
        int i = 0;
        char delimiter = ',';
        if (!lines.isEmpty() && lines.get(0).strip().toLowerCase(Locale.ROOT).startsWith("sep=")) {
            String sep = lines.get(0).strip();
            delimiter = sep.length() > 4 ? sep.charAt(4) : ',';
            i = 1;
        }
        if (lines.size() < i + 2) {
            return Optional.empty();
        }
        List<String> title = cells(lines.get(i), delimiter);
        if (title.size() != 1) {
            return Optional.empty();
        }
        Metric metric = METRICS.get(CsvColumns.normalise(title.get(0)));
        CsvColumns header = CsvColumns.ofNames(cells(lines.get(i + 1), delimiter));
        if (metric == null || !SCHEMA.recognises(header)) {
            return Optional.empty();
        }
        return Optional.of(new Layout(delimiter, title.get(0).strip(), metric));
    }

    private static List<String> cells(String line, char delimiter) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(line)).setFormat(format(delimiter)).get()) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return List.of();
        }
    }

    private static CSVFormat format(char delimiter) {
        return CsvRecords.STANDARD.builder().setDelimiter(delimiter).get();
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        Layout layout = layoutOf(file.headLines())
                .orElseThrow(() -> new UnreadableFileException("not a Meta daily series: no metric name and Date,Primary header"));
        String platform = platformOf(layout.title(), file.fileName(), sink);
        String account = accountOf(file.fileName(), sink);
        CsvColumns[] columns = new CsvColumns[1];
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, format(layout.delimiter()), sink, (line, record) -> {
                if (columns[0] == null) {
                    CsvColumns candidate = CsvColumns.of(record);
                    if (SCHEMA.recognises(candidate)) {
                        columns[0] = candidate;
                        SCHEMA.report(candidate, line, sink);
                    }
                    return; // the sep= and metric name lines carry no data
                }
                LocalDate day = dayOf(columns[0].cell(record, "date"));
                Long value = CellValues.nonNegativeCount(columns[0].cell(record, "primary"), layout.title());
                if (value == null) {
                    sink.skip(line, "no value for " + day);
                    return;
                }
                sink.accountDay(row(platform, account, day, layout.metric(), value));
            });
        }
    }

    private static AccountDayRow row(String platform, String account, LocalDate day, Metric metric, long value) {
        Figure f = metric.figure();
        return new AccountDayRow(platform, account, day, null,
                f == Figure.FOLLOWS_GAINED ? value : null,
                null,
                f == Figure.PROFILE_VISITS ? value : null,
                f == Figure.LINK_CLICKS ? value : null,
                f == Figure.IMPRESSIONS ? value : null,
                f == Figure.REACH ? value : null,
                f == Figure.ENGAGEMENTS ? value : null,
                null, null, null,
                metric.extraKey() == null ? Map.of() : Map.of(metric.extraKey(), value));
    }

    private static LocalDate dayOf(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new RowRejectedException("Date is empty");
        }
        String s = raw.strip();
        try {
            return s.length() > 10 ? LocalDateTime.parse(s).toLocalDate() : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException("Date '" + CellValues.abbreviate(raw) + "' is not like 2026-08-01T00:00:00");
        }
    }

    private static String platformOf(String title, String fileName, ImportSink sink) {
        String t = title.toLowerCase(Locale.ROOT);
        if (t.startsWith("facebook ")) {
            return "facebook";
        }
        if (t.startsWith("instagram ")) {
            return "instagram";
        }
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).contains("instagram")) {
            return "instagram";
        }
        sink.warn(null, "'" + title + "' does not say whether it is Facebook's or Instagram's; stored as Facebook"
                + " (put 'Instagram' in the file name for an Instagram series)");
        return "facebook";
    }

    /** The account named before " - " in the file name ("Dr. Maya Okafor - Follows (1).csv"), else "unknown". */
    private static String accountOf(String fileName, ImportSink sink) {
        String stem = fileName == null ? "" : fileName.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        Matcher copy = COPY_SUFFIX.matcher(stem);
        stem = copy.replaceFirst("");
        int dash = stem.lastIndexOf(" - ");
        if (dash > 0 && !stem.substring(0, dash).isBlank()) {
            return stem.substring(0, dash).strip();
        }
        sink.warn(null, "Meta's daily series do not name the Page or account; stored under account '" + UNKNOWN_ACCOUNT
                + "' (name the file '<account> - " + (fileName == null ? "Views.csv" : fileName) + "' to keep accounts apart)");
        return UNKNOWN_ACCOUNT;
    }
}
