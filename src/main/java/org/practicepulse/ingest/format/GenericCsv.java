package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvRecords;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;

/** What the three generic CSV importers share: detection, the read loop, dates and platform slugs. */
final class GenericCsv {

    /** Reads one data row of a generic CSV. */
    interface RowReader {
        void read(CsvColumns columns, long line, CSVRecord row);
    }

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US_DATE_TIME = DateTimeFormatter.ofPattern("M/d/uuuu H:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);

    private GenericCsv() {
    }

    static boolean detect(ExportFile file, GenericLayout layout) {
        return file.kind() == ExportFile.Kind.TEXT && layout.matches(CsvColumns.fromLine(file.firstLine()));
    }

    static void read(ExportFile file, ImportSink sink, GenericLayout layout, RowReader rows) throws IOException {
        CsvColumns[] header = new CsvColumns[1];
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, (line, record) -> {
                if (header[0] == null) {
                    header[0] = CsvColumns.of(record);
                    layout.schema().report(header[0], line, sink);
                    return;
                }
                rows.read(header[0], line, record);
            });
        }
    }

    static String required(CsvColumns c, CSVRecord row, String column) {
        String value = c.cell(row, column);
        if (value == null || value.isBlank()) {
            throw new RowRejectedException(column + " is empty");
        }
        return value.strip();
    }

    static String optional(CsvColumns c, CSVRecord row, String column) {
        String value = c.cell(row, column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Free text to a platform slug: "Threads" -> threads, "Figure 1" -> figure-1. */
    static String platformSlug(String raw) {
        return slug(raw, "platform");
    }

    /** Free text of the named column to a slug (platforms, review sites): "RateMDs" -> ratemds. */
    static String slug(String raw, String column) {
        String slug = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty() || slug.length() > 40) {
            throw new RowRejectedException(column + " '" + CellValues.abbreviate(raw) + "' is not a " + column + " name");
        }
        return slug;
    }

    /** A moment: ISO 8601 with or without time and offset, or MM/DD/YYYY [HH:MM]; local ones in the practice zone. */
    static Instant instant(String raw, String column, ZoneId zone) {
        Instant instant = parseInstant(raw, column, zone);
        int year = instant.atZone(zone).getYear();
        if (year < 2000 || year > 2100) {
            throw new RowRejectedException(column + " '" + CellValues.abbreviate(raw) + "' is outside 2000-2100");
        }
        return instant;
    }

    private static Instant parseInstant(String raw, String column, ZoneId zone) {
        // "2026-10-06 07:45" is ISO 8601 with a space, as spreadsheets write it
        String s = raw.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d)", "$1T$2");
        try {
            if (s.matches(".*(Z|[+-]\\d{2}:?\\d{2})$") && s.contains("T")) {
                return OffsetDateTime.parse(s.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
            }
            if (s.contains("T")) {
                return LocalDateTime.parse(s).atZone(zone).toInstant();
            }
            if (s.contains("/") && s.contains(":")) {
                return LocalDateTime.parse(s, US_DATE_TIME).atZone(zone).toInstant();
            }
            return date(s, column).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column + " '" + CellValues.abbreviate(raw) + "' is not a date (ISO 8601 or MM/DD/YYYY)");
        }
    }

    static LocalDate date(String raw, String column) {
        String s = raw.strip();
        try {
            LocalDate day = s.contains("/") ? LocalDate.parse(s, US_DATE) : LocalDate.parse(s);
            if (day.getYear() < 2000 || day.getYear() > 2100) {
                throw new RowRejectedException(column + " " + day + " is outside 2000-2100");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column + " '" + CellValues.abbreviate(raw) + "' is not a date (YYYY-MM-DD or MM/DD/YYYY)");
        }
    }

    static Long count(CsvColumns c, CSVRecord row, String column) {
        return CellValues.nonNegativeCount(c.cell(row, column), column);
    }
}
