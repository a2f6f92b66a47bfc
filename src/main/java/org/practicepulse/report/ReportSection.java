package org.practicepulse.report;

import java.util.List;

/**
 * One panel of a report: a title and a table of typed cells. CSV writes it as one file, XLSX as one
 * sheet, PDF according to its layout. New panels (reputation summary, risk overview) are added as
 * one {@link SectionProvider} each; no writer changes.
 */
public record ReportSection(String title, Layout layout, List<String> columns, List<List<Cell>> rows, TrendChart chart) {

    /** How the PDF shows the section; CSV and XLSX always write the table. */
    public enum Layout {
        /** Rows as tiles: column 1 the label, column 2 the value, the last column the change. */
        TILES,
        /** The chart instead of the table. */
        CHART,
        /** The table. */
        TABLE
    }

    public ReportSection {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<Cell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("section '" + title + "': a row has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
        }
        if (layout == Layout.CHART && chart == null) {
            throw new IllegalArgumentException("section '" + title + "' has the chart layout but no chart");
        }
    }

    public static ReportSection table(String title, List<String> columns, List<List<Cell>> rows) {
        return new ReportSection(title, Layout.TABLE, columns, rows, null);
    }

    public static ReportSection tiles(String title, List<String> columns, List<List<Cell>> rows) {
        return new ReportSection(title, Layout.TILES, columns, rows, null);
    }
}
