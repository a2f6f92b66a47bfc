package org.practicepulse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.report.FigureText;
import org.practicepulse.security.Role;
import org.practicepulse.support.GeneratedHistory;
import org.practicepulse.support.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 8 point 5: the time to produce each report file (weekly engagement and leadership, as
 * PDF, XLSX and CSV) of a practice with two years of data, over real HTTP, for the last week, the
 * last 12 weeks and the whole two years; target 2 s each. Every file is opened with an
 * independent reader (PDFBox, POI, Commons CSV) and its post count checked against
 * /api/metrics/summary. Run: {@code ./mvnw -B -Pbench verify -Dtest=ReportBenchmark}.
 */
@QuarkusTest
class ReportBenchmark {

    private static final int POSTS = 4_000; // about five a day over two years, across eight accounts
    /** Warm-up rounds of every file, then measured requests per file; -Dbench.warm-up= and -Dbench.requests= for a quick look. */
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 5);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 20);
    private static final double TARGET_MILLIS = 2_000;

    private record Period(String label, String from, String to) {
    }

    private static final List<Period> PERIODS = List.of(
            new Period("last week", "2026-11-09", "2026-11-15"),
            new Period("12 weeks", "2026-08-24", "2026-11-15"),
            new Period("2 years", "2024-11-18", "2026-11-15"));
    private static final List<String> DASHBOARDS = List.of("weekly-engagement", "leadership");
    private static final List<String> FORMATS = List.of("pdf", "xlsx", "csv");

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    GeneratedHistory history;
    @Inject
    DataSource dataSource;

    @Test
    void eachReportOfTwoYearsOfDataIsMadeWithinTwoSeconds() throws Exception {
        Practice practice = data.practice("bench-reports", "America/Chicago");
        String owner = data.user("bench-reports-owner", Role.OWNER, practice);
        long started = System.nanoTime();
        GeneratedHistory.Counts counts = history.practice(practice.id, POSTS, 20261115);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("analyze");
        }
        System.out.printf("%nBENCH reports: generated in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, counts);
        assertTrue(counts.posts() == POSTS && counts.accountDays() == 8 * 730 && counts.reviews() > 500 && counts.replies() > 300,
                counts.toString());

        String auth = HttpTimings.basic(owner);
        // One round of every file first: the JIT, PDFBox's font subsetting and POI's classes warm up together.
        for (Period period : PERIODS) {
            for (String dashboard : DASHBOARDS) {
                for (String format : FORMATS) {
                    HttpTimings.get(uri(practice, dashboard, format, period), auth, 0, WARM_UP);
                }
            }
        }
        List<String> missed = new ArrayList<>();
        System.out.printf("BENCH %-17s %-5s %-10s %9s %9s %9s %10s%n", "report", "file", "period", "p50 ms", "p95 ms", "max ms", "size");
        for (String dashboard : DASHBOARDS) {
            for (String format : FORMATS) {
                for (Period period : PERIODS) {
                    HttpTimings.Measured m = HttpTimings.get(uri(practice, dashboard, format, period), auth, 2, REQUESTS);
                    System.out.printf("BENCH %-17s %-5s %-10s %9.0f %9.0f %9.0f %7.1f KB%n", dashboard, format, period.label(),
                            m.p50(), m.p95(), m.max(), m.body().length / 1024.0);
                    long posts = TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", period.from())
                            .queryParam("to", period.to()).get("/api/metrics/summary").then().statusCode(200).extract()
                            .jsonPath().getLong("posts");
                    assertTrue(posts > 0, period + " has posts");
                    opens(format, m, practice, period, posts);
                    if (m.p95() > TARGET_MILLIS) {
                        missed.add(dashboard + " " + format + " " + period.label() + ": p95 " + Math.round(m.p95()) + " ms");
                    }
                }
            }
        }
        System.out.printf("BENCH %d requests per file after %d warm-up requests, one client, HTTP Basic%n%n", REQUESTS, WARM_UP + 2);
        assertTrue(missed.isEmpty(), "over the 2 s target: " + missed);
    }

    private URI uri(Practice practice, String dashboard, String format, Period period) {
        return URI.create(base + "api/reports/" + dashboard + "?practice=" + practice.slug + "&from=" + period.from() + "&to="
                + period.to() + "&format=" + format);
    }

    /** The file opens with an independent reader and shows the period's number of posts, as the API counts them. */
    private static void opens(String format, HttpTimings.Measured m, Practice practice, Period period, long posts) throws Exception {
        switch (format) {
            case "pdf" -> {
                assertEquals("application/pdf", m.contentType());
                try (PDDocument pdf = Loader.loadPDF(m.body())) {
                    assertTrue(pdf.getNumberOfPages() >= 1);
                    String text = new PDFTextStripper().getText(pdf);
                    assertTrue(text.contains(practice.name) && text.contains("Period " + period.from() + " to " + period.to()), text);
                    assertTrue(text.contains("Posts\n" + FigureText.count(posts) + "\n"), "Posts " + posts + " in\n" + text);
                }
            }
            case "xlsx" -> {
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(m.body()))) {
                    assertTrue(workbook.getNumberOfSheets() >= 3, "sheets: " + workbook.getNumberOfSheets());
                    Sheet figures = workbook.getSheetAt(0);
                    Row first = figures.getRow(1);
                    assertEquals("Posts", first.getCell(0).getStringCellValue());
                    assertEquals(posts, (long) first.getCell(1).getNumericCellValue());
                }
            }
            case "csv" -> {
                assertEquals("application/zip", m.contentType());
                int entries = 0;
                boolean postsFound = false;
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(m.body()), StandardCharsets.UTF_8)) {
                    for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                        entries++;
                        String csv = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new java.io.StringReader(csv.substring(1))).getRecords();
                        assertTrue(!records.isEmpty(), entry.getName() + " has its header");
                        if (entries == 1) {
                            CSVRecord row = records.get(1);
                            postsFound = row.get(0).equals("Posts") && Long.parseLong(row.get(1)) == posts;
                        }
                    }
                }
                assertTrue(entries >= 3 && postsFound, entries + " CSVs; posts " + posts + " in the first: " + postsFound);
            }
            default -> throw new IllegalArgumentException(format);
        }
    }
}
