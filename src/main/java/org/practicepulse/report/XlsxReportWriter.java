package org.practicepulse.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One sheet per section, streamed (SXSSF keeps a window of rows in memory): a bold header row,
 * numbers as numeric cells with number formats (ratios as percentages, "0.00%"), dates as dates,
 * text as string cells; formula-like text also gets the quote-prefix style.
 */
@ApplicationScoped
public class XlsxReportWriter implements ReportWriter {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int ROWS_IN_MEMORY = 200;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /** The cell styles of one workbook. */
    private record Styles(CellStyle header, CellStyle text, CellStyle quotedText, CellStyle integer, CellStyle decimal,
            CellStyle percent, CellStyle date, CellStyle dateTime) {

        static Styles of(SXSSFWorkbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            return new Styles(header, workbook.createCellStyle(), quoted, numeric(workbook, formats, "#,##0"),
                    numeric(workbook, formats, "#,##0.00"), numeric(workbook, formats, "0.00%"),
                    numeric(workbook, formats, "yyyy-mm-dd"), numeric(workbook, formats, "yyyy-mm-dd hh:mm"));
        }

        private static CellStyle numeric(SXSSFWorkbook workbook, DataFormat formats, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(formats.getFormat(format));
            return style;
        }
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.XLSX;
    }

    @Override
    public ReportFile write(Report report) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            POIXMLProperties.CoreProperties properties = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
            properties.setTitle(report.practiceName() + " – " + report.dashboard().title());
            properties.setSubjectProperty(report.period().from() + " to " + report.period().to());
            properties.setCreator("Practice Pulse");
            Styles styles = Styles.of(workbook);
            Set<String> sheetNames = new HashSet<>();
            for (ReportSection section : report.sections()) {
                sheet(workbook, styles, uniqueName(section.title(), sheetNames), section);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return new ReportFile(report.fileName("xlsx"), CONTENT_TYPE, bytes.toByteArray());
        } finally {
            workbook.dispose(); // the temporary files of the streamed rows
            workbook.close();
        }
    }

    private static void sheet(SXSSFWorkbook workbook, Styles styles, String name, ReportSection section) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int c = 0; c < section.columns().size(); c++) {
            org.apache.poi.ss.usermodel.Cell cell = header.createCell(c);
            text(cell, section.columns().get(c), styles.header(), styles);
            sheet.setColumnWidth(c, width(section, c));
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (List<Cell> row : section.rows()) {
            Row line = sheet.createRow(r++);
            for (int c = 0; c < row.size(); c++) {
                if (!row.get(c).isEmpty()) { // no cell at all: not reported
                    write(line.createCell(c), row.get(c), styles);
                }
            }
        }
    }

    private static void write(org.apache.poi.ss.usermodel.Cell target, Cell cell, Styles styles) {
        switch (cell.type()) {
            case TEXT -> text(target, (String) cell.value(), styles.text(), styles);
            case INTEGER -> number(target, ((Number) cell.value()).doubleValue(), styles.integer());
            case DECIMAL -> number(target, (Double) cell.value(), styles.decimal());
            case PERCENT -> number(target, (Double) cell.value(), styles.percent());
            case DATE -> {
                target.setCellValue((LocalDate) cell.value());
                target.setCellStyle(styles.date());
            }
            case DATE_TIME -> {
                target.setCellValue((LocalDateTime) cell.value());
                target.setCellStyle(styles.dateTime());
            }
        }
    }

    private static void number(org.apache.poi.ss.usermodel.Cell target, double value, CellStyle style) {
        target.setCellValue(value);
        target.setCellStyle(style);
    }

    /** A string cell never runs as a formula; the quote prefix keeps formula-like text text even when edited. */
    private static void text(org.apache.poi.ss.usermodel.Cell target, String text, CellStyle style, Styles styles) {
        target.setCellValue(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        target.setCellStyle(FormulaInjection.looksLikeFormula(text) ? styles.quotedText() : style);
    }

    /** Column width in 1/256 of a character: from the longest header word and a sample of values, within bounds. */
    private static int width(ReportSection section, int column) {
        int chars = 8;
        for (String word : section.columns().get(column).split(" ")) {
            chars = Math.max(chars, word.length() + 2);
        }
        int sampled = 0;
        for (List<Cell> row : section.rows()) {
            if (sampled++ == 100) {
                break;
            }
            chars = Math.max(chars, Math.min(60, FigureText.cell(row.get(column)).length() + 2));
        }
        return Math.min(chars, 60) * 256;
    }

    private static String uniqueName(String title, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(title);
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase()); n++) {
            String suffix = " " + n;
            name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
        }
        return name;
    }
}
