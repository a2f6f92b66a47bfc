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
 * A Google Analytics 4 report download (Reports → Share → Download CSV) of sessions by session
 * source / medium, source, medium or channel group, optionally broken down by {@code Date}
 * (20260901) or {@code Nth day}. Conversions are {@code Key events}, before March 2024
 * {@code Conversions}. German headers of the source/medium report are known too.
 */
@ApplicationScoped
public class Ga4TrafficFormat implements ExportFormat {

    public static final String ID = "ga4-traffic";

    static final GaColumnNames COLUMNS = new GaColumnNames(
            List.of("session source / medium", "sitzung - quelle / medium"),
            List.of("session source"),
            List.of("session medium"),
            List.of("session primary channel group (default channel group)", "session default channel group"),
            List.of("sessions", "sitzungen"),
            List.of("key events", "conversions", "schlüsselereignisse"),
            Pattern.compile("(key events|conversions|schlüsselereignisse) ?[(:].+"),
            List.of("date", "datum"),
            List.of("nth day"),
            List.of("date range"));

    /** The metrics of GA4's acquisition reports (English and German UI); conversions are expected. */
    static final CsvColumns.Schema SCHEMA = COLUMNS.schema(ID, "Key events (or Conversions)", List.of("engaged sessions",
            "engagement rate", "average engagement time per session", "events per session", "event count",
            "session key event rate", "session conversion rate", "total revenue", "total users", "new users", "active users",
            "returning users", "users", "engaged sessions per active user", "average engagement time per active user",
            "sitzungen mit interaktionen", "interaktionsrate", "ereignisanzahl", "gesamtumsatz", "session campaign",
            "session google ads campaign"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        return GaTrafficTables.tableHeaders(file).stream().anyMatch(COLUMNS::isTrafficHeader);
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        GaTrafficTables.read(file, sink, COLUMNS, SCHEMA);
    }
}
