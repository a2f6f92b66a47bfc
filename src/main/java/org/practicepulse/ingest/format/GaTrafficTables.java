package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvRecords;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;
import org.practicepulse.ingest.TrafficRow;

/**
 * Reads the web traffic of a Google Analytics download (GA4 or Universal Analytics): a {@code #}
 * comment block with the date range, then one or more tables, each after a {@code #} line or a
 * blank line. Tables of sessions by source/medium or channel become one traffic row per day and
 * source; other tables (UA's {@code Day Index} table, GA4 report-overview blocks) are skipped.
 * <p>
 * The day of a row is its {@code Date} (or {@code Nth day}) cell. A table without one covers the
 * whole date range: the range's last day is the only day it can be given, so it is stored there,
 * with a warning (a one-day range needs none); a file without a range uses the export date.
 * Rows the stored key cannot tell apart (they differ only in campaign, device …) are added together.
 */
final class GaTrafficTables {

    /** GA4: {@code # Start date: 20260801} (German UI: {@code # Startdatum: …}), then {@code # End date: …}. */
    private static final Pattern START = Pattern.compile("^#\\s*start[\\p{L} ]*:?\\s*(\\d{8})\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern END = Pattern.compile("^#\\s*end[\\p{L} ]*:?\\s*(\\d{8})\\s*$", Pattern.CASE_INSENSITIVE);
    /** Universal Analytics: {@code # 20150416-20150430}. */
    private static final Pattern RANGE = Pattern.compile("^#\\s*(\\d{8})\\s*-\\s*(\\d{8})\\s*$");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> TOTAL_LABELS = Set.of("total", "totals", "grand total");

    private final ExportFile file;
    private final ImportSink sink;
    private final GaColumnNames names;
    private final CsvColumns.Schema schema;
    private final Map<Key, Sum> sums = new LinkedHashMap<>();
    private LocalDate rangeStart;
    private DateRange range;
    private Table table;
    private boolean betweenTables = true;
    private long nextLine = 1;
    private int mergedRows;

    private record DateRange(LocalDate start, LocalDate end) {
    }

    private record Key(LocalDate day, String source, String medium, String channel) {
    }

    /** The figures of one key, from the first row of that key on. */
    private static final class Sum {
        Long sessions;
        BigDecimal conversions;
    }

    private GaTrafficTables(ExportFile file, ImportSink sink, GaColumnNames names, CsvColumns.Schema schema) {
        this.file = file;
        this.sink = sink;
        this.names = names;
        this.schema = schema;
    }

    /** Reads the file's traffic tables; each one's column drift (against the schema) is reported. */
    static void read(ExportFile file, ImportSink sink, GaColumnNames names, CsvColumns.Schema schema) throws IOException {
        new GaTrafficTables(file, sink, names, schema).read();
    }

    /** The header of each table in the first 64 KiB of the file, for detection. */
    static List<CsvColumns> tableHeaders(ExportFile file) {
        List<CsvColumns> headers = new ArrayList<>();
        boolean betweenTables = true;
        for (String line : file.headLines()) {
            if (line.isBlank() || line.startsWith("#")) {
                betweenTables = true;
            } else if (betweenTables) {
                headers.add(CsvColumns.fromLine(line));
                betweenTables = false;
            }
        }
        return headers;
    }

    private void read() throws IOException {
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, this::record);
        }
        for (Map.Entry<Key, Sum> e : sums.entrySet()) {
            Key k = e.getKey();
            sink.traffic(new TrafficRow(k.day(), k.source(), k.medium(), k.channel(), e.getValue().sessions, e.getValue().conversions));
        }
        if (mergedRows > 0) {
            sink.warn(null, mergedRows + " rows repeat the day and source / medium / channel of an earlier row (the report splits"
                    + " them further, e.g. by campaign or device): their sessions and conversions were added to that row");
        }
    }

    private void record(long line, CSVRecord record) {
        boolean blankLineBefore = line > nextLine;
        nextLine = line + linesOf(record);
        if (record.get(0).startsWith("#")) {
            comment(String.join(",", record.values()).strip());
            betweenTables = true;
            return;
        }
        if (betweenTables || blankLineBefore) {
            table = new Table(CsvColumns.of(record), line);
            betweenTables = false;
            return;
        }
        table.row(line, record);
    }

    /** How many lines the record spans: quoted cells may hold line breaks. */
    private static int linesOf(CSVRecord record) {
        int lines = 1;
        for (String value : record.values()) {
            lines += value.replace("\r\n", "\n").replace('\r', '\n').chars().filter(ch -> ch == '\n').count();
        }
        return lines;
    }

    private void comment(String text) {
        Matcher m = RANGE.matcher(text);
        if (m.matches()) {
            range = new DateRange(yyyymmdd(m.group(1)), yyyymmdd(m.group(2)));
        } else if ((m = START.matcher(text)).matches()) {
            rangeStart = yyyymmdd(m.group(1));
        } else if ((m = END.matcher(text)).matches() && rangeStart != null) {
            range = new DateRange(rangeStart, yyyymmdd(m.group(1)));
        }
    }

    private static LocalDate yyyymmdd(String raw) {
        try {
            return LocalDate.parse(raw, YYYYMMDD);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** One table of the file, from its header line. */
    private final class Table {
        private final CsvColumns c;
        private final DateRange tableRange;
        private final boolean traffic;
        private final boolean dayIndex;
        private final int sourceMedium;
        private final int source;
        private final int medium;
        private final int channel;
        private final int sessions;
        private final int date;
        private final int nthDay;
        private final int comparedRange;
        private final List<Integer> conversions = new ArrayList<>();
        private final long headerLine;
        private boolean dayWarned;

        Table(CsvColumns c, long headerLine) {
            this.c = c;
            this.headerLine = headerLine;
            this.tableRange = range;
            this.traffic = names.isTrafficHeader(c);
            if (traffic) {
                schema.report(c, headerLine, sink);
            }
            this.dayIndex = c.indexOf("day index") == 0;
            this.sourceMedium = GaColumnNames.index(c, names.sourceMedium());
            this.source = GaColumnNames.index(c, names.source());
            this.medium = GaColumnNames.index(c, names.medium());
            this.channel = GaColumnNames.index(c, names.channel());
            this.sessions = GaColumnNames.index(c, names.sessions());
            this.date = GaColumnNames.index(c, names.date());
            this.nthDay = GaColumnNames.index(c, names.nthDay());
            this.comparedRange = GaColumnNames.index(c, names.comparedRange());
            int all = GaColumnNames.index(c, names.conversions());
            if (all >= 0) {
                conversions.add(all);
            } else {
                for (int i = 0; i < c.size(); i++) {
                    if (names.conversionParts().matcher(c.names().get(i)).matches()) {
                        conversions.add(i);
                    }
                }
                if (traffic && conversions.size() > 1) {
                    sink.warn(headerLine, "conversions are the sum of the columns "
                            + String.join(", ", conversions.stream().map(i -> "'" + c.names().get(i) + "'").toList()));
                }
            }
            if (!traffic && !dayIndex) {
                sink.warn(headerLine, "the table '" + CellValues.abbreviate(String.join(",", c.names()))
                        + "' has no sessions by source or channel; its rows were not imported");
            }
        }

        void row(long line, CSVRecord r) {
            if (dayIndex) {
                sink.skip(line, "the Day Index table repeats the daily totals of all sources");
                return;
            }
            if (!traffic) {
                sink.skip(line, "a table without sessions by source or channel");
                return;
            }
            CsvColumns.requireWidth(c, r);
            String sm = cell(r, sourceMedium);
            String src = cell(r, source);
            String med = cell(r, medium);
            String ch = cell(r, channel);
            if (isTotal(sm, src, med, ch)) {
                sink.skip(line, "a totals row");
                return;
            }
            LocalDate day = dayOf(line, r);
            if (day == null) {
                sink.skip(line, "a total of the whole period");
                return;
            }
            if (sourceMedium >= 0) {
                int slash = sm.indexOf(" / ");
                src = slash < 0 ? sm : sm.substring(0, slash).strip();
                med = slash < 0 ? "" : sm.substring(slash + 3).strip();
            }
            Long rowSessions = CellValues.nonNegativeCount(r.get(sessions), c.names().get(sessions));
            BigDecimal rowConversions = conversionsOf(r);
            Sum sum = sums.get(new Key(day, src, med, ch));
            if (sum == null) {
                sum = new Sum();
                sums.put(new Key(day, src, med, ch), sum);
            } else {
                mergedRows++;
                sink.skip(line, "added to an earlier row of the same day and source");
            }
            sum.sessions = add(sum.sessions, rowSessions);
            sum.conversions = add(sum.conversions, rowConversions);
        }

        /** The dimension cells are all empty, or one says "Total": a totals row, not a source. */
        private boolean isTotal(String... dimensions) {
            boolean allEmpty = true;
            for (String d : dimensions) {
                if (!d.isEmpty()) {
                    allEmpty = false;
                    if (TOTAL_LABELS.contains(d.toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
            return allEmpty;
        }

        /** The day of the row; null for a row without a day in a table that has days (a period total). */
        private LocalDate dayOf(long line, CSVRecord r) {
            if (date >= 0) {
                String raw = cell(r, date);
                if (raw.isEmpty()) {
                    return null;
                }
                LocalDate day;
                try {
                    day = raw.contains("-") ? LocalDate.parse(raw) : LocalDate.parse(raw, YYYYMMDD);
                } catch (DateTimeParseException e) {
                    throw new RowRejectedException(c.names().get(date) + " '" + CellValues.abbreviate(raw) + "' is not a date like 20260901");
                }
                return CellValues.plausible(day, raw, c.names().get(date));
            }
            if (nthDay >= 0) {
                String raw = cell(r, nthDay);
                if (raw.isEmpty()) {
                    return null;
                }
                if (tableRange == null || tableRange.start() == null) {
                    throw new RowRejectedException("Nth day " + raw + " cannot be dated: the file has no '# Start date' line");
                }
                Long n = CellValues.nonNegativeCount(raw, c.names().get(nthDay));
                return tableRange.start().plusDays(n);
            }
            if (comparedRange >= 0 && !cell(r, comparedRange).isEmpty()) {
                throw new RowRejectedException("a comparison of date ranges without a Date column cannot be dated: download each period on its own");
            }
            return periodDay(line);
        }

        /** The only day a table without a per-day breakdown can be stored on. */
        private LocalDate periodDay(long line) {
            if (tableRange != null && tableRange.start() != null && tableRange.end() != null) {
                if (!dayWarned && !tableRange.start().equals(tableRange.end())) {
                    sink.warn(line, "the table has no per-day breakdown: its figures cover " + tableRange.start() + " to "
                            + tableRange.end() + " and are stored on the last day, " + tableRange.end());
                }
                dayWarned = true;
                return tableRange.end();
            }
            if (!dayWarned) {
                sink.warn(line, "the file gives neither a date range nor a per-day breakdown: its figures are stored on the"
                        + " export date, " + file.exportDate() + " (the last date in the file name, else the file's date)");
                dayWarned = true;
            }
            return file.exportDate();
        }

        private BigDecimal conversionsOf(CSVRecord r) {
            BigDecimal total = null;
            for (int i : conversions) {
                BigDecimal value = CellValues.decimal(r.get(i), c.names().get(i));
                if (value != null && value.signum() < 0) {
                    throw new RowRejectedException(c.names().get(i) + ": " + value + " is negative");
                }
                total = add(total, value);
            }
            return total;
        }

        private String cell(CSVRecord r, int i) {
            return i < 0 ? "" : r.get(i).strip();
        }
    }

    private static Long add(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.addExact(a, b));
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }
}
