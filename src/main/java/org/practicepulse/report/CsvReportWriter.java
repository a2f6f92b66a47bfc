package org.practicepulse.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One table per CSV file (UTF-8 with a byte-order mark so that Excel reads it as UTF-8, CRLF
 * lines); a report of several sections is a zip of one CSV per section. Numbers are plain
 * (ratios as fractions: 0.037 = 3.7%), dates ISO, empty cells "not reported".
 */
@ApplicationScoped
public class CsvReportWriter implements ReportWriter {

    private static final String BOM = "\uFEFF";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public ReportFile write(Report report) throws IOException {
        if (report.sections().size() == 1) {
            return new ReportFile(report.fileName("csv"), "text/csv; charset=UTF-8", csv(report.sections().get(0)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            List<String> names = entryNames(report);
            for (int i = 0; i < names.size(); i++) {
                zip.putNextEntry(new ZipEntry(names.get(i)));
                zip.write(csv(report.sections().get(i)));
                zip.closeEntry();
            }
        }
        return new ReportFile(report.fileName("zip"), "application/zip", bytes.toByteArray());
    }

    /** 01-key-figures.csv, 02-weekly-trend.csv …: in report order, unique. */
    static List<String> entryNames(Report report) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int i = 0;
        for (ReportSection section : report.sections()) {
            String base = String.format("%02d-%s", ++i, section.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", ""));
            String name = base + ".csv";
            for (int n = 2; !used.add(name); n++) {
                name = base + "-" + n + ".csv";
            }
            names.add(name);
        }
        return names;
    }

    static byte[] csv(ReportSection section) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            out.write(BOM);
            List<String> header = new ArrayList<>();
            for (String column : section.columns()) {
                header.add(text(column));
            }
            printer.printRecord(header);
            for (List<Cell> row : section.rows()) {
                List<String> values = new ArrayList<>(row.size());
                for (Cell cell : row) {
                    values.add(value(cell));
                }
                printer.printRecord(values);
            }
        }
        return bytes.toByteArray();
    }

    private static String value(Cell cell) {
        if (cell.isEmpty()) {
            return "";
        }
        return switch (cell.type()) {
            case TEXT -> text((String) cell.value());
            case INTEGER -> cell.value().toString();
            // The shortest decimal that reads back as the same double: equal to the API's JSON number.
            case DECIMAL, PERCENT -> BigDecimal.valueOf((Double) cell.value()).toPlainString();
            case DATE -> cell.value().toString();
            case DATE_TIME -> MINUTE.format((LocalDateTime) cell.value());
        };
    }

    /** A leading single quote makes Excel and LibreOffice show formula-like text as text. */
    private static String text(String text) {
        return FormulaInjection.looksLikeFormula(text) ? "'" + text : text;
    }
}
