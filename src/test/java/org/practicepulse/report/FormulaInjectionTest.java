package org.practicepulse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.practicepulse.analytics.ReportingPeriod;

/**
 * Text a spreadsheet would run (=, +, -, @, tab, carriage return first) leaves both spreadsheet
 * writers as text, read back with Commons CSV and POI; numbers, including negative ones, stay numbers.
 * The importers strip leading whitespace, so tab and carriage return are tried here, on the writers.
 */
class FormulaInjectionTest {

    private static final List<String> DANGEROUS = List.of("=HYPERLINK(\"http://evil\",\"x\")", "@SUM(1+1)", "+1+1",
            "-2+3", "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0");
    private static final List<String> HARMLESS = List.of("Flu shots today", " =1+1 after a space", "1+1", "");

    private static Report report() {
        List<List<Cell>> rows = new ArrayList<>();
        for (String text : DANGEROUS) {
            rows.add(List.of(Cell.text(text), Cell.integer(-5L), Cell.percent(-0.125)));
        }
        for (String text : HARMLESS) {
            rows.add(List.of(Cell.text(text), Cell.integer(7L), Cell.percent(0.5)));
        }
        ReportSection section = ReportSection.table("Top posts", List.of("Post", "Change", "Rate"), rows);
        return new Report("lakeside-family-medicine", "Lakeside Family Medicine", Dashboard.WEEKLY_ENGAGEMENT,
                new ReportingPeriod(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), ZoneId.of("America/Chicago")),
                Instant.parse("2026-10-01T12:00:00Z"), List.of(section));
    }

    @Test
    void theRuleIsTheFirstCharacter() {
        DANGEROUS.forEach(t -> assertTrue(FormulaInjection.looksLikeFormula(t), t));
        HARMLESS.forEach(t -> assertFalse(FormulaInjection.looksLikeFormula(t), t));
        assertFalse(FormulaInjection.looksLikeFormula(null));
    }

    @Test
    void csvPrefixesFormulaLikeTextWithAQuoteAndLeavesNumbersAlone() throws IOException {
        ReportFile file = new CsvReportWriter().write(report());
        assertEquals("lakeside-family-medicine_weekly-engagement_2026-09-01_2026-09-30.csv", file.name(),
                "one table: a plain CSV, not a zip");
        String text = new String(file.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertEquals(List.of("Post", "Change", "Rate"), records.get(0).toList());
        for (int i = 0; i < DANGEROUS.size(); i++) {
            CSVRecord row = records.get(i + 1);
            assertEquals("'" + DANGEROUS.get(i), row.get(0));
            assertEquals("-5", row.get(1));
            assertEquals("-0.125", row.get(2));
        }
        for (int i = 0; i < HARMLESS.size(); i++) {
            assertEquals(HARMLESS.get(i), records.get(DANGEROUS.size() + i + 1).get(0));
        }
    }

    @Test
    void xlsxWritesFormulaLikeTextAsQuotePrefixedStringsNeverFormulas() throws IOException {
        ReportFile file = new XlsxReportWriter().write(report());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.bytes()))) {
            Sheet sheet = workbook.getSheet("Top posts");
            for (Row row : sheet) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    assertFalse(cell.getCellType() == CellType.FORMULA, "no formula cell at " + cell.getAddress());
                }
            }
            for (int i = 0; i < DANGEROUS.size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertEquals(CellType.STRING, row.getCell(0).getCellType());
                assertEquals(DANGEROUS.get(i), row.getCell(0).getStringCellValue());
                assertTrue(row.getCell(0).getCellStyle().getQuotePrefixed(), DANGEROUS.get(i));
                assertEquals(CellType.NUMERIC, row.getCell(1).getCellType());
                assertEquals(-5, row.getCell(1).getNumericCellValue());
                assertEquals(-0.125, row.getCell(2).getNumericCellValue());
                assertEquals("0.00%", row.getCell(2).getCellStyle().getDataFormatString());
            }
            Row harmless = sheet.getRow(DANGEROUS.size() + 1);
            assertEquals("Flu shots today", harmless.getCell(0).getStringCellValue());
            assertFalse(harmless.getCell(0).getCellStyle().getQuotePrefixed());
        }
    }
}
