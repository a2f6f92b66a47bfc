package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvRecords;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * YouTube Studio {@code Totals.csv}: the channel's daily total of the chart's metric,
 * {@code Date,<metric>} with ISO dates. Each day becomes one day of the channel.
 */
@ApplicationScoped
public class YouTubeTotalsFormat implements ExportFormat {

    public static final String ID = "youtube-totals";

    /** Date, then the chart's metric (any metric YouTube names, hence no expected column). */
    static final Schema SCHEMA = YouTubeStudio.schema(ID, Column.key("Date"));
    private static final Pattern ISO_DAY = Pattern.compile("\"?\\d{4}-\\d{2}-\\d{2}\"?(,.*)?");

    @Override
    public String id() {
        return ID;
    }

    /**
     * "Date,Views" alone is generic: the further columns must be mostly metrics YouTube names so (a new
     * metric beside a known one is still Totals.csv, and named in a warning), and days must be ISO.
     */
    @Override
    public boolean detect(ExportFile file) {
        CsvColumns columns = CsvColumns.fromLine(file.firstLine());
        if (columns.size() < 2 || !columns.names().get(0).equals("date") || !SCHEMA.recognises(columns)) {
            return false;
        }
        long known = columns.names().subList(1, columns.size()).stream().filter(YouTubeStudio::isKnownMetric).count();
        if (known == 0 || SCHEMA.unknown(columns).size() > known) {
            return false;
        }
        List<String> lines = file.headLines().stream().filter(l -> !l.isBlank()).toList();
        return lines.size() < 2 || ISO_DAY.matcher(lines.get(1).strip()).matches();
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        String channel = YouTubeStudio.channel(file, sink);
        CsvColumns[] columns = new CsvColumns[1];
        List<Integer> metrics = new ArrayList<>();
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, (line, record) -> {
                if (columns[0] == null) {
                    columns[0] = CsvColumns.of(record);
                    SCHEMA.report(columns[0], line, sink);
                    for (int i = 1; i < columns[0].size(); i++) {
                        metrics.add(i);
                    }
                    warnAboutRates(columns[0], sink);
                    return;
                }
                if (record.size() != columns[0].size()) {
                    throw new RowRejectedException("the row has " + record.size() + " fields, the header has " + columns[0].size());
                }
                LocalDate day = isoDay(record.get(0));
                Map<String, Long> values = YouTubeStudio.values(columns[0], record, metrics);
                if (values.isEmpty()) {
                    sink.skip(line, "no count that day");
                    return;
                }
                sink.accountDay(YouTubeStudio.accountDay(channel, day, values));
            });
        }
    }

    private static void warnAboutRates(CsvColumns columns, ImportSink sink) {
        for (String name : columns.names().subList(1, columns.size())) {
            if (YouTubeStudio.kindOf(name) == YouTubeStudio.Kind.NOT_A_COUNT) {
                sink.warn(null, "'" + name + "' is a rate or an average, not a count; it was not stored");
            }
        }
    }

    static LocalDate isoDay(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (RuntimeException e) {
            throw new RowRejectedException("Date '" + CellValues.abbreviate(raw) + "' is not like 2026-09-27");
        }
    }
}
