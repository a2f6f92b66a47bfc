package org.practicepulse.ingest.format;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;

/**
 * A table in a worksheet: a header row, found by its column names among the first rows (exports
 * put titles and descriptions above it), and the rows below. Cells are read whatever their type:
 * numbers typed as text, dates as date cells, serial numbers or text. Line numbers are the rows'
 * numbers as a spreadsheet shows them (1 = the first row).
 */
final class SheetTable {

    /** How far down the header may sit. */
    private static final int HEADER_SEARCH_ROWS = 10;
    /** LinkedIn writes dates as MM/DD/YYYY; ISO dates come from re-saved files. */
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** What a format does with each row below the header. */
    @FunctionalInterface
    interface RowHandler {
        void accept(long line, TableRow row);
    }

    private final Sheet sheet;
    private final int headerIndex;
    private final List<String> header;
    private final CsvColumns columns;

    private SheetTable(Sheet sheet, int headerIndex, List<String> header) {
        this.sheet = sheet;
        this.headerIndex = headerIndex;
        this.header = header;
        this.columns = CsvColumns.ofNames(header);
    }

    /**
     * The table whose header row has every key column; each key is a list of alias names (any one
     * suffices), compared as {@link CsvColumns#normalise} leaves them.
     */
    static Optional<SheetTable> find(Sheet sheet, List<List<String>> keyColumns) {
        int last = Math.min(sheet.getLastRowNum(), HEADER_SEARCH_ROWS - 1);
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                String text = text(row.getCell(c));
                names.add(text == null ? "" : text);
            }
            CsvColumns candidate = CsvColumns.ofNames(names);
            if (keyColumns.stream().allMatch(aliases -> candidate.indexOf(aliases.toArray(String[]::new)) >= 0)) {
                return Optional.of(new SheetTable(sheet, r, names));
            }
        }
        return Optional.empty();
    }

    String name() {
        return sheet.getSheetName();
    }

    CsvColumns columns() {
        return columns;
    }

    /**
     * Hands every non-blank row below the header to the handler. Rows above the header that hold
     * text (titles, descriptions) are counted as skipped; a row the handler rejects is reported
     * with its row number and the sheet's name.
     */
    void forEachRow(ImportSink sink, RowHandler handler) {
        for (int r = Math.max(sheet.getFirstRowNum(), 0); r < headerIndex; r++) {
            if (!isBlank(sheet.getRow(r))) {
                sink.skip(r + 1, name() + ": description row above the header");
            }
        }
        for (int r = headerIndex + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (isBlank(row)) {
                continue;
            }
            try {
                handler.accept(r + 1, new TableRow(row));
            } catch (RowRejectedException e) {
                sink.reject(r + 1, name() + ": " + e.getMessage());
            }
        }
    }

    private static boolean isBlank(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            String text = text(cell);
            if (text != null && !text.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The cell as text: numbers in plain notation (12.0 → "12"), errors as Excel shows them, blank as null. */
    static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> plain(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> errorText(cell.getErrorCellValue());
            default -> null;
        };
    }

    private static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }

    /** One row below the header. */
    final class TableRow {

        private final Row row;

        private TableRow(Row row) {
            this.row = row;
        }

        /** The column's position, or -1 when the header lacks all of these names. */
        int column(String... aliases) {
            return columns.indexOf(aliases);
        }

        /** The header cell as the sheet writes it, for messages. */
        String label(int column) {
            return header.get(column).strip();
        }

        /** The cell's text, stripped; null when blank or when the header lacks the column. */
        String text(String... aliases) {
            int i = column(aliases);
            if (i < 0) {
                return null;
            }
            String text = SheetTable.text(row.getCell(i));
            return text == null || text.isBlank() ? null : text.strip();
        }

        /** A whole, non-negative count; null for a blank cell, NA, a dash, or a column the header lacks. */
        Long count(String... aliases) {
            int i = column(aliases);
            return i < 0 ? null : countAt(i);
        }

        Long countAt(int column) {
            return CellValues.nonNegativeCount(SheetTable.text(row.getCell(column)), label(column));
        }

        /** A date cell, an Excel serial number, or text as MM/DD/YYYY (or YYYY-MM-DD); null when blank. */
        LocalDate date(String... aliases) {
            int i = column(aliases);
            if (i < 0) {
                return null;
            }
            Cell cell = row.getCell(i);
            CellType type = cell == null ? CellType.BLANK
                    : cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            if (type == CellType.NUMERIC) {
                double serial = cell.getNumericCellValue();
                try {
                    if (DateUtil.isValidExcelDate(serial)) {
                        return plausible(cell.getLocalDateTimeCellValue().toLocalDate(), i, plain(serial));
                    }
                } catch (DateTimeException | ArithmeticException e) {
                    // far outside the calendar: not a date
                }
                throw new RowRejectedException(label(i) + ": " + plain(serial) + " is not a date");
            }
            String raw = SheetTable.text(cell);
            if (CellValues.isEmpty(raw)) {
                return null;
            }
            String s = raw.strip();
            try {
                return plausible(LocalDate.parse(s, s.contains("/") ? US_DATE : ISO_DATE), i, s);
            } catch (DateTimeParseException e) {
                throw new RowRejectedException(label(i) + ": '" + CellValues.abbreviate(raw) + "' is not a date like 08/31/2026");
            }
        }

        private LocalDate plausible(LocalDate date, int column, String raw) {
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                throw new RowRejectedException(label(column) + ": '" + CellValues.abbreviate(raw) + "' is not a plausible date ("
                        + date + ")");
            }
            return date;
        }
    }
}
