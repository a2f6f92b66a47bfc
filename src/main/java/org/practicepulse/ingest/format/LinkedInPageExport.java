package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.practicepulse.ingest.AccountDayRow;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;

/**
 * What the three LinkedIn Page analytics exports (content, followers, visitors; Page admin →
 * Analytics → Export) have in common: they are workbooks recognised by a sheet name and its
 * header; the page is named only in the file name ({@code <page>_content_<epoch ms>.xls}, formerly
 * {@code _updates_}); and their daily sheets are a Date column followed by counts and rates.
 */
final class LinkedInPageExport {

    static final String PLATFORM = "linkedin";
    /** Rows of a file whose name does not carry the page go to this account. */
    static final String UNKNOWN_PAGE = "unknown";

    private static final Pattern FILE_NAME = Pattern.compile("^(.+?)_(?:content|updates|followers|visitors)_(\\d{13})(?!\\d)");
    /** Ratios (engagement rate, click-through rate) are derived from counts, never stored. */
    private static final Pattern TOTAL = Pattern.compile("(?i)(grand )?totals?");
    private static final Pattern RATIO_COLUMN = Pattern.compile("\\b(rate|ctr)\\b");

    private LinkedInPageExport() {
    }

    /**
     * True when the file is a workbook with this sheet and, near its top, a header with the key
     * columns. A file too large or too damaged to load is still claimed when its sheet list names
     * the sheet, so that reading it says why it cannot be imported instead of "unrecognised".
     */
    static boolean detect(ExportFile file, String sheetName, CsvColumns.Schema schema) {
        if (!ExportWorkbook.isWorkbook(file)
                || ExportWorkbook.sheetNames(file).stream().noneMatch(n -> n.strip().equalsIgnoreCase(sheetName))) {
            return false;
        }
        if (ExportWorkbook.isTooLarge(file)) {
            return true;
        }
        try (ExportWorkbook book = ExportWorkbook.open(file)) {
            return book.sheet(sheetName).flatMap(s -> SheetTable.find(s, keys(schema))).isPresent();
        } catch (org.practicepulse.ingest.UnreadableFileException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key columns of the schema as the sheet search takes them: each key's names. */
    static List<List<String>> keys(CsvColumns.Schema schema) {
        return schema.keys().stream().map(CsvColumns.Column::names).toList();
    }

    /** The sheet's table whose header has the schema's key columns; its drift (missing, unknown columns) is reported. */
    static Optional<SheetTable> table(ExportWorkbook book, String sheetName, CsvColumns.Schema schema, ImportSink sink) {
        Optional<SheetTable> table = book.sheet(sheetName).flatMap(s -> SheetTable.find(s, keys(schema)));
        table.ifPresent(t -> schema.report(t.columns(), null, sink, "sheet '" + sheetName + "'"));
        return table;
    }

    /** The page's vanity name from the file name as LinkedIn writes it, else {@link #UNKNOWN_PAGE} with a warning. */
    static String pageHandle(ExportFile file, ImportSink sink) {
        Optional<Matcher> name = fileName(file);
        if (name.isPresent()) {
            return name.get().group(1).strip();
        }
        sink.warn(null, "the page is named only in the file name LinkedIn gives the export (<page>_content_<number>.xls);"
                + " '" + CellValues.abbreviate(file.fileName()) + "' has none, so the rows go to the page '" + UNKNOWN_PAGE + "'");
        return UNKNOWN_PAGE;
    }

    /**
     * The day the export was made: the millisecond timestamp in the file name, as a date in the
     * practice's zone; without one (a renamed file), the export date the import was given.
     */
    static LocalDate exportDate(ExportFile file) {
        return fileName(file).map(m -> {
            try {
                LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(m.group(2))), file.practiceZone());
                return day.getYear() >= 2010 && !day.isAfter(LocalDate.now(file.practiceZone()).plusDays(1)) ? day : null;
            } catch (DateTimeException e) {
                return null;
            }
        }).orElse(file.exportDate());
    }

    private static Optional<Matcher> fileName(ExportFile file) {
        String path = file.fileName() == null ? "" : file.fileName();
        Matcher m = FILE_NAME.matcher(path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    /**
     * Reads a daily sheet: each row's Date and every count column (by normalised name; ratios
     * left out, blanks and NA left out) go to {@code toDay}, which takes the counts it maps and
     * leaves the rest as extra.
     */
    static void readDays(SheetTable table, CsvColumns.Schema schema, ImportSink sink,
            BiFunction<LocalDate, Map<String, Long>, AccountDayRow> toDay) {
        List<String> names = table.columns().names();
        int dateColumn = table.columns().indexOf("date");
        table.forEachRow(sink, (line, row) -> {
            String dateText = row.text("date");
            if (dateText != null && TOTAL.matcher(dateText).matches()) {
                sink.skip(line, table.name() + ": totals row");
                return;
            }
            LocalDate day = row.date("date");
            if (day == null) {
                throw new RowRejectedException(row.label(dateColumn) + " is empty");
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (i == dateColumn || name.isEmpty() || RATIO_COLUMN.matcher(name).find()) {
                    continue;
                }
                Long value;
                try {
                    value = row.countAt(i);
                } catch (RowRejectedException e) {
                    if (schema.knows(name)) {
                        throw e;
                    }
                    value = null; // a new column that is not a count: named in the drift warning, not read
                }
                if (value != null) {
                    counts.put(name, value);
                }
            }
            if (counts.isEmpty()) {
                sink.skip(line, table.name() + ": " + day + " has no figures (every cell empty or NA)");
                return;
            }
            sink.accountDay(toDay.apply(day, counts));
        });
    }

    /** The sum of the counts present; null when none is (not reported is not zero). */
    static Long sumOfPresent(Long... counts) {
        Long sum = null;
        for (Long c : counts) {
            if (c != null) {
                sum = (sum == null ? 0 : sum) + c;
            }
        }
        return sum;
    }
}
