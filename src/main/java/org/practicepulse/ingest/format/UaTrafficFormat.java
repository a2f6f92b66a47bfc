package org.practicepulse.ingest.format;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A Universal Analytics report export (before July 2023) of sessions by source / medium, source,
 * medium or default channel grouping: a {@code #} block with the range ({@code # 20230601-20230630}),
 * the table with {@code %} strings and {@code "3,215"}, an unlabelled totals row, then a
 * {@code Day Index} table of daily totals. Conversions are {@code Goal Completions}, or the sum of
 * the {@code <goal> (Goal N Completions)} columns.
 */
@ApplicationScoped
public class UaTrafficFormat implements ExportFormat {

    public static final String ID = "ua-traffic";

    static final GaColumnNames COLUMNS = new GaColumnNames(
            List.of("source / medium"),
            List.of("source"),
            List.of("medium"),
            List.of("default channel grouping"),
            List.of("sessions"),
            List.of("goal completions"),
            Pattern.compile(".+ \\(goal \\d+ completions\\)"),
            List.of("date"),
            List.of(),
            List.of());
    /** Metrics only Universal Analytics names this way; two of them tell its tables from GA4's. */
    private static final List<String> UA_METRICS = List.of("bounce rate", "avg. session duration", "pages / session",
            "pages/session", "% new sessions", "%new sessions");

    /** The metrics and other dimensions of UA's acquisition reports; conversions (goal completions) are expected. */
    static final CsvColumns.Schema SCHEMA = COLUMNS.schema(ID, "Goal Completions", List.of("users", "new users",
            "% new sessions", "%new sessions", "bounce rate", "pages / session", "pages/session", "avg. session duration",
            "goal conversion rate", "goal value", "campaign", "keyword", "ad content", "landing page", "device category",
            "social network", "transactions", "revenue", "ecommerce conversion rate"))
            .with(List.of(CsvColumns.Column.optionalMatching("<goal> (Goal N …)", ".+ \\(goal \\d+ [a-z ]+\\)")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        List<CsvColumns> tables = GaTrafficTables.tableHeaders(file);
        if (tables.isEmpty()) {
            return false;
        }
        CsvColumns header = tables.get(0);
        return COLUMNS.isTrafficHeader(header) && !Ga4TrafficFormat.COLUMNS.isTrafficHeader(header)
                && UA_METRICS.stream().filter(m -> header.indexOf(m) >= 0).count() >= 2;
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        GaTrafficTables.read(file, sink, COLUMNS, SCHEMA);
    }
}
