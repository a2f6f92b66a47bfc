package org.practicepulse.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicepulse.analytics.Metric;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Every report file read back with an independent reader (Commons CSV, POI, PDFBox text
 * extraction) shows the figures the API answers for the same practice and period: the demo
 * practice's X per-tweet samples, September 2026 in Chicago.
 */
@QuarkusTest
class ReportExportTest {

    private static final String FROM = "2026-09-01";
    private static final String TO = "2026-09-30";

    @Inject
    TestData data;

    private static Practice practice;
    private static String owner;

    @BeforeEach
    void importTheXSamples() throws IOException {
        if (practice != null) {
            return;
        }
        practice = data.practice("reports", "America/Chicago");
        owner = data.user("reports-owner", Role.OWNER, practice);
        try (var files = Files.list(Path.of("import-samples", "lakeside-family-medicine", "x"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tweet_activity_metrics_")).sorted().toList()) {
                TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                        .then().statusCode(200).body("status", equalTo("IMPORTED"));
            }
        }
    }

    private RequestSpecification api() {
        return TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", FROM).queryParam("to", TO);
    }

    private JsonPath summary() {
        return api().get("/api/metrics/summary").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath weekly() {
        return api().get("/api/metrics/weekly").then().statusCode(200).extract().jsonPath();
    }

    private List<Map<String, Object>> topPosts() {
        return api().get("/api/posts").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private Response download(String dashboard, String format) {
        return api().queryParam("format", format).get("/api/reports/" + dashboard).then().statusCode(200).extract().response();
    }

    /** The API's value of a metric: a number, or a rate's value. */
    private static Double apiValue(JsonPath json, String prefix, Metric metric) {
        Object value = json.get(prefix + metric.key() + (metric.kind() == Metric.Kind.RATIO ? ".value" : ""));
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    // ---------------------------------------------------------------- XLSX

    @Test
    void xlsxHasOneSheetPerPanelWithTheApisNumbersAsTypedCells() throws IOException {
        Response response = download("weekly-engagement", "xlsx");
        assertEquals(XlsxReportWriter.CONTENT_TYPE, response.contentType());
        assertEquals("attachment; filename=\"" + practice.slug + "_weekly-engagement_2026-09-01_2026-09-30.xlsx\"",
                response.header("Content-Disposition"));
        JsonPath summary = summary();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            assertEquals(List.of("Key figures", "Weekly trend", "Top posts", "Best times to post", "Follower growth",
                    "Social sessions and conversions", "Reputation summary"), sheetNames(workbook));

            Sheet figures = workbook.getSheet("Key figures");
            assertEquals("Change", figures.getRow(0).getCell(3).getStringCellValue());
            assertEquals(PeriodComparisonSection.DASHBOARD_TILES.size(), figures.getLastRowNum());
            for (int r = 1; r <= figures.getLastRowNum(); r++) {
                Row row = figures.getRow(r);
                Metric metric = PeriodComparisonSection.DASHBOARD_TILES.get(r - 1);
                assertEquals(metric.label(), row.getCell(0).getStringCellValue());
                assertEquals(apiValue(summary, "", metric), numeric(row.getCell(1)), metric.key());
                assertEquals(apiValue(summary, "previous.", metric), numeric(row.getCell(2)), metric.key());
                assertEquals(number(summary.get("change." + metric.key())), numeric(row.getCell(3)), metric.key());
                if (row.getCell(1) != null) {
                    assertEquals(metric.kind() == Metric.Kind.RATIO ? "0.00%" : "#,##0",
                            row.getCell(1).getCellStyle().getDataFormatString(), metric.key());
                }
            }
            // The figures of this period really are there (not a table of nulls).
            assertEquals(CellType.NUMERIC, figures.getRow(2).getCell(1).getCellType());
            assertTrue(figures.getRow(2).getCell(1).getNumericCellValue() > 0);
            assertEquals("0.00%", figures.getRow(1).getCell(3).getCellStyle().getDataFormatString());

            Sheet weeks = workbook.getSheet("Weekly trend");
            JsonPath weekly = weekly();
            List<Map<String, Object>> apiWeeks = weekly.getList("weeks");
            int r = 1;
            for (int w = 0; w < apiWeeks.size(); w++) {
                Row all = weeks.getRow(r++);
                assertEquals(weekly.getString("weeks[" + w + "].week"), all.getCell(0).getStringCellValue());
                assertEquals(weekly.getString("weeks[" + w + "].weekStart"), all.getCell(1).getLocalDateTimeCellValue().toLocalDate().toString());
                assertEquals("All platforms", all.getCell(3).getStringCellValue());
                assertEquals(number(weekly.get("weeks[" + w + "].posts")), numeric(all.getCell(4)));
                assertEquals(number(weekly.get("weeks[" + w + "].impressions")), numeric(all.getCell(5)));
                assertEquals(number(weekly.get("weeks[" + w + "].engagements")), numeric(all.getCell(7)));
                assertEquals(number(weekly.get("weeks[" + w + "].engagementRate.value")), numeric(all.getCell(8)));
                Map<String, Object> byPlatform = weekly.getMap("weeks[" + w + "].byPlatform");
                for (String platform : byPlatform.keySet()) {
                    Row row = weeks.getRow(r++);
                    assertEquals(platform, row.getCell(3).getStringCellValue());
                    assertEquals(number(weekly.get("weeks[" + w + "].byPlatform." + platform + ".impressions")), numeric(row.getCell(5)));
                }
            }
            assertEquals(r - 1, weeks.getLastRowNum());

            Sheet posts = workbook.getSheet("Top posts");
            List<Map<String, Object>> api = topPosts();
            assertEquals(10, api.size());
            assertEquals(api.size(), posts.getLastRowNum());
            for (int p = 0; p < api.size(); p++) {
                Row row = posts.getRow(p + 1);
                Map<String, Object> post = api.get(p);
                assertEquals(p + 1, (int) row.getCell(0).getNumericCellValue());
                assertEquals(post.get("account"), row.getCell(3).getStringCellValue());
                assertEquals(post.get("text"), row.getCell(4).getStringCellValue());
                assertEquals(number(post.get("impressions")), numeric(row.getCell(5)));
                assertEquals(number(post.get("engagements")), numeric(row.getCell(7)));
                assertEquals(number(((Map<?, ?>) post.get("engagementRate")).get("value")), numeric(row.getCell(8)));
                assertEquals("0.00%", row.getCell(8).getCellStyle().getDataFormatString());
                assertEquals(number(post.get("clicks")), numeric(row.getCell(9)));
                assertNull(row.getCell(6), "X reports no reach: an empty cell, not 0");
            }
        }
    }

    @Test
    void leadershipXlsxComparesEveryMetricAndListsEveryAccountWithItsOwnFigures() throws IOException {
        Response response = download("leadership", "xlsx");
        assertEquals("attachment; filename=\"" + practice.slug + "_leadership_2026-09-01_2026-09-30.xlsx\"",
                response.header("Content-Disposition"));
        JsonPath summary = summary();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            assertEquals(List.of("Period comparison", "Accounts", "Risky posts by category", "Riskiest posts", "Top posts",
                    "Reputation summary"), sheetNames(workbook));
            Sheet comparison = workbook.getSheet("Period comparison");
            assertEquals(Metric.values().length, comparison.getLastRowNum());
            for (Metric metric : Metric.values()) {
                Row row = comparison.getRow(metric.ordinal() + 1);
                assertEquals(metric.label(), row.getCell(0).getStringCellValue());
                assertEquals(apiValue(summary, "", metric), numeric(row.getCell(1)), metric.key());
                assertEquals(apiValue(summary, "previous.", metric), numeric(row.getCell(2)), metric.key());
            }
            Sheet accounts = workbook.getSheet("Accounts");
            List<String> handles = new ArrayList<>();
            long posts = 0;
            for (int r = 1; r <= accounts.getLastRowNum(); r++) {
                Row row = accounts.getRow(r);
                String handle = row.getCell(1).getStringCellValue();
                handles.add(handle);
                JsonPath own = api().queryParam("account", handle).get("/api/metrics/summary").then().statusCode(200)
                        .extract().jsonPath();
                assertEquals("x", row.getCell(0).getStringCellValue());
                assertEquals(number(own.get("posts")), numeric(row.getCell(4)), handle);
                assertEquals(number(own.get("impressions")), numeric(row.getCell(5)), handle);
                assertEquals(number(own.get("engagements")), numeric(row.getCell(6)), handle);
                assertEquals(number(own.get("engagementRate.value")), numeric(row.getCell(7)), handle);
                assertEquals(number(own.get("change.impressions")), numeric(row.getCell(11)), handle);
                posts += (long) row.getCell(4).getNumericCellValue();
            }
            assertEquals(List.of("DrDanReyesMD", "DrMayaOkafor", "LakesideFamMed"), handles);
            assertEquals(summary.getLong("posts"), posts, "the accounts' posts add up to the practice's");
        }
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void csvIsAZipOfOneUtf8TablePerPanelWithTheApisNumbers() throws IOException {
        Response response = download("weekly-engagement", "csv");
        assertEquals("application/zip", response.contentType());
        assertEquals("attachment; filename=\"" + practice.slug + "_weekly-engagement_2026-09-01_2026-09-30.zip\"",
                response.header("Content-Disposition"));
        Map<String, byte[]> entries = unzip(response.asByteArray());
        assertEquals(List.of("01-key-figures.csv", "02-weekly-trend.csv", "03-top-posts.csv", "04-best-times-to-post.csv",
                "05-follower-growth.csv", "06-social-sessions-and-conversions.csv", "07-reputation-summary.csv"),
                new ArrayList<>(entries.keySet()));
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            byte[] bytes = entry.getValue();
            assertTrue(bytes.length > 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF,
                    entry.getKey() + " starts with the UTF-8 byte-order mark");
        }

        JsonPath summary = summary();
        List<CSVRecord> figures = csv(entries.get("01-key-figures.csv"));
        assertEquals(List.of("Metric", "This period (2026-09-01 to 2026-09-30)", "Previous period (2026-08-02 to 2026-08-31)",
                "Change"), figures.get(0).toList());
        for (int r = 1; r < figures.size(); r++) {
            Metric metric = PeriodComparisonSection.DASHBOARD_TILES.get(r - 1);
            CSVRecord row = figures.get(r);
            assertEquals(metric.label(), row.get(0));
            assertEquals(apiValue(summary, "", metric), csvNumber(row.get(1)), metric.key());
            assertEquals(apiValue(summary, "previous.", metric), csvNumber(row.get(2)), metric.key());
            assertEquals(number(summary.get("change." + metric.key())), csvNumber(row.get(3)), metric.key());
        }
        assertEquals(String.valueOf(summary.getLong("impressions")), figures.get(2).get(1), "counts are plain integers");

        List<Map<String, Object>> api = topPosts();
        List<CSVRecord> posts = csv(entries.get("03-top-posts.csv"));
        assertEquals(api.size() + 1, posts.size());
        for (int p = 0; p < api.size(); p++) {
            CSVRecord row = posts.get(p + 1);
            Map<String, Object> post = api.get(p);
            assertEquals(String.valueOf(p + 1), row.get(0));
            String postText = (String) post.get("text");
            assertEquals(FormulaInjection.looksLikeFormula(postText) ? "'" + postText : postText, row.get(4));
            assertEquals(number(post.get("impressions")), csvNumber(row.get(5)));
            assertEquals("", row.get(6), "X reports no reach");
            assertEquals(number(((Map<?, ?>) post.get("engagementRate")).get("value")), csvNumber(row.get(8)));
        }

        JsonPath weekly = weekly();
        List<CSVRecord> weeks = csv(entries.get("02-weekly-trend.csv"));
        assertEquals(weekly.getString("weeks[0].weekStart"), weeks.get(1).get(1));
        assertEquals(number(weekly.get("weeks[0].impressions")), csvNumber(weeks.get(1).get(5)));

        List<Map<String, Object>> times = api().get("/api/metrics/best-times").then().statusCode(200).extract().jsonPath().getList("$");
        List<CSVRecord> best = csv(entries.get("04-best-times-to-post.csv"));
        assertEquals(times.size() + 1, best.size());
        long postsInCells = 0;
        for (CSVRecord row : best.subList(1, best.size())) {
            postsInCells += Long.parseLong(row.get(2));
        }
        assertEquals(summary.getLong("posts"), postsInCells);
    }

    // ---------------------------------------------------------------- PDF

    @Test
    void pdfShowsPracticePeriodTilesChartAndTopPostsWithTheApisNumbers() throws IOException {
        Response response = download("weekly-engagement", "pdf");
        assertEquals("application/pdf", response.contentType());
        assertEquals("attachment; filename=\"" + practice.slug + "_weekly-engagement_2026-09-01_2026-09-30.pdf\"",
                response.header("Content-Disposition"));
        JsonPath summary = summary();
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains(practice.name), text);
            assertTrue(text.contains("Weekly engagement · Sep 1, 2026 – Sep 30, 2026"), text);
            assertTrue(text.contains("Period 2026-09-01 to 2026-09-30 (30 days, time zone America/Chicago)"), text);
            for (Metric metric : PeriodComparisonSection.DASHBOARD_TILES) {
                String value = metric.kind() == Metric.Kind.RATIO ? FigureText.percent(apiValue(summary, "", metric))
                        : FigureText.count(summary.get(metric.key()) == null ? null : summary.getLong(metric.key()));
                assertTrue(text.contains(metric.label() + "\n" + value + "\n"), metric.label() + " " + value + " in\n" + text);
            }
            assertTrue(text.contains("Impressions\n" + FigureText.count(summary.getLong("impressions")) + "\nprevious "
                    + FigureText.count(summary.getLong("previous.impressions")) + " · change "
                    + FigureText.change(summary.getDouble("change.impressions"))), text);
            for (Map<String, Object> post : topPosts()) {
                String line = post.get("platform") + " " + post.get("account");
                assertTrue(text.contains(line), line + " in\n" + text);
                String figures = FigureText.count(((Number) post.get("impressions")).longValue()) + " — "
                        + FigureText.count(((Number) post.get("engagements")).longValue()) + " "
                        + FigureText.percent(number(((Map<?, ?>) post.get("engagementRate")).get("value")));
                assertTrue(text.contains(figures), figures + " in\n" + text);
            }
            assertTrue(text.contains("Top posts"), text);
            assertTrue(text.contains("page 1 of " + pdf.getNumberOfPages()), text);
            // The weekly trend chart is an image on the first page, drawn at twice the page resolution.
            var resources = pdf.getPage(0).getResources();
            List<PDImageXObject> images = new ArrayList<>();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertEquals(1, images.size());
            assertEquals(1440, images.get(0).getWidth());
        }
    }

    // ---------------------------------------------------------------- access and parameters

    @Test
    void reputationManagersMayNotExportAndOtherPracticesAre404() {
        String reputation = data.user("reports-reputation", Role.REPUTATION, practice);
        TestData.as(reputation).queryParam("practice", practice.slug).queryParam("from", FROM).queryParam("to", TO)
                .queryParam("format", "pdf").get("/api/reports/weekly-engagement").then().statusCode(403);
        String leadership = data.user("reports-leadership", Role.LEADERSHIP, practice);
        TestData.as(leadership).queryParam("practice", practice.slug).queryParam("from", FROM).queryParam("to", TO)
                .queryParam("format", "csv").get("/api/reports/leadership").then().statusCode(200);
        Practice other = data.practice("reports-other", "UTC");
        String stranger = data.user("reports-stranger", Role.OWNER, other);
        TestData.as(stranger).queryParam("practice", practice.slug).queryParam("from", FROM).queryParam("to", TO)
                .queryParam("format", "pdf").get("/api/reports/weekly-engagement").then().statusCode(404)
                .body("error", equalTo("unknown practice"));
    }

    @Test
    void unknownDashboardsAre404AndBadParameters400AsJson() {
        api().queryParam("format", "pdf").get("/api/reports/reputation-deluxe").then().statusCode(404)
                .contentType("application/json").body("error", equalTo("unknown dashboard"))
                .body("detail", containsString("weekly-engagement, leadership"));
        api().queryParam("format", "docx").get("/api/reports/weekly-engagement").then().statusCode(400)
                .body("error", equalTo("bad format"));
        api().get("/api/reports/weekly-engagement").then().statusCode(400).body("error", equalTo("missing parameter"));
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", TO).queryParam("to", FROM)
                .queryParam("format", "xlsx").get("/api/reports/weekly-engagement").then().statusCode(400)
                .body("error", equalTo("bad period"));
    }

    @Test
    void aPeriodWithoutPostsStillMakesEveryFile() throws IOException {
        for (String format : List.of("csv", "xlsx", "pdf")) {
            byte[] bytes = TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2025-01-01")
                    .queryParam("to", "2025-01-31").queryParam("format", format).get("/api/reports/weekly-engagement").then()
                    .statusCode(200).extract().asByteArray();
            assertTrue(bytes.length > 100, format);
        }
        byte[] pdf = TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2025-01-01")
                .queryParam("to", "2025-01-31").queryParam("format", "pdf").get("/api/reports/weekly-engagement").asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Posts\n0\n"), text);
            assertTrue(text.contains("No data for this period."), text);
            assertFalse(text.contains("Rank"), text);
        }
    }

    // ---------------------------------------------------------------- readers

    static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    static Double numeric(org.apache.poi.ss.usermodel.Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        assertEquals(CellType.NUMERIC, cell.getCellType(), "cell " + cell.getAddress());
        return cell.getNumericCellValue();
    }

    static Double csvNumber(String cell) {
        return cell.isEmpty() ? null : Double.valueOf(cell);
    }

    static List<CSVRecord> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        assertTrue(text.contains("\r\n"), "CRLF lines");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
