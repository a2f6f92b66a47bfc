package org.practicepulse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.practicepulse.report.ReportExportTest.csv;
import static org.practicepulse.report.ReportExportTest.csvNumber;
import static org.practicepulse.report.ReportExportTest.numeric;
import static org.practicepulse.report.ReportExportTest.sheetNames;
import static org.practicepulse.report.ReportExportTest.unzip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.risk.RiskCategory;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * The reputation summary, the risk overview and the weekly follower / traffic panels, read back
 * from every format (Commons CSV, POI, PDFBox text) and compared with /api/reputation/summary,
 * /api/posts?sort=risk&minRisk=1 and /api/metrics/weekly for a practice holding the demo samples'
 * Facebook and Instagram posts (risky posts of every category), follower days and reviews, plus a
 * post and a review site that look like spreadsheet formulas.
 */
@QuarkusTest
class ReportSectionsTest {

    private static final String FROM = "2026-08-01";
    private static final String TO = "2026-11-15";
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /**
     * A post and a review site as an attacker would write them. The generic review import makes a
     * slug of the site (so no stored site looks like a formula); the site cells are still compared
     * with the API's and checked for neutralisation like every text cell.
     */
    private static final String FORMULA_POST = "=HYPERLINK(\"http://evil.example\",\"DM me your symptoms and I will tell you what to take\")";
    private static final String FORMULA_SITE = "=cmd|' /C calc'!A0";

    @Inject
    TestData data;

    private static Practice practice;
    private static String owner;

    @BeforeEach
    void importSamples() throws IOException {
        if (practice != null) {
            return;
        }
        practice = data.practice("report-sections", "America/Chicago");
        owner = data.user("report-sections-owner", Role.OWNER, practice);
        Path demo = Path.of("import-samples", "lakeside-family-medicine");
        TestData.upload(owner, practice, demo.resolve("generic").resolve("threads-and-doximity-traffic.csv"));
        for (String folder : List.of("facebook", "instagram", "reviews")) {
            try (Stream<Path> files = Files.list(demo.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    TestData.upload(owner, practice, file);
                }
            }
        }
        Path dir = Files.createTempDirectory("report-sections");
        Path posts = dir.resolve("posts.csv");
        Files.writeString(posts, "platform,account,post_id,published_at,text,permalink,impressions,reach,likes,comments,shares,saves,clicks,video_views,follows,as_of\r\n"
                + "Threads,@lakesidefammed,formula-1,2026-09-10T09:00:00-05:00,\"" + FORMULA_POST.replace("\"", "\"\"")
                + "\",https://www.threads.net/@lakesidefammed/post/formula-1,500,400,10,1,1,0,0,,,2026-11-16\r\n",
                StandardCharsets.UTF_8);
        Path reviews = dir.resolve("reviews.csv");
        Files.writeString(reviews, "source,location,provider,review_id,created_at,rating,title,text,reviewer,reply_text,reply_at,url\r\n"
                + "\"" + FORMULA_SITE + "\",Lakeside Family Medicine,,formula-review-1,2026-09-12,1,,\"Terrible wait.\",A patient,,,\r\n",
                StandardCharsets.UTF_8);
        for (Path file : List.of(posts, reviews)) {
            JsonPath run = TestData.upload(owner, practice, file);
            assertEquals("IMPORTED", run.getString("status"), run.prettify());
        }
    }

    private RequestSpecification api() {
        return TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", FROM).queryParam("to", TO);
    }

    private byte[] download(String dashboard, String format) {
        return api().queryParam("format", format).get("/api/reports/" + dashboard).then().statusCode(200).extract().asByteArray();
    }

    private JsonPath reputation() {
        JsonPath s = api().get("/api/reputation/summary").then().statusCode(200).extract().jsonPath();
        assertTrue(s.getLong("reviews") > 10, "the samples' reviews are in the period");
        assertTrue(s.getList("bySite").size() >= 4, "several sites");
        return s;
    }

    /** /api/posts?sort=risk&minRisk=1 (optionally of one category), as the dashboard's risk panel asks. */
    private List<Map<String, Object>> risky(String category, int limit) {
        RequestSpecification request = api().queryParam("sort", "risk").queryParam("minRisk", 1).queryParam("limit", limit);
        if (category != null) {
            request = request.queryParam("category", category);
        }
        return request.get("/api/posts").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** The reputation row of a site (or "All sites"): the API's figures in report column order. */
    private static List<Double> reputationRow(JsonPath s, String site) {
        List<Double> row = new ArrayList<>();
        String p;
        if (site == null) {
            p = "";
        } else {
            int i = s.getList("bySite.site").indexOf(site);
            assertTrue(i >= 0, site);
            p = "bySite[" + i + "].";
        }
        row.add(number(s.get(p + "reviews")));
        row.add(number(s.get(p + "averageRating")));
        for (int stars = 1; stars <= 5; stars++) {
            row.add(site == null ? number(s.get("ratingDistribution.'" + stars + "'")) : null);
        }
        row.add(number(s.get(p + "negative")));
        row.add(site == null ? number(s.get("safety")) : null);
        row.add(number(s.get(p + "responseRate.numerator")));
        row.add(number(s.get(p + "responseRate.denominator")));
        row.add(number(s.get(p + "responseRate.value")));
        row.add(number(s.get(p + "medianResponseHours")));
        row.add(number(s.get(p + "netSentiment")));
        row.add(site == null ? number(s.get("riskyReplies")) : null);
        return row;
    }

    private static String categories(Map<String, Object> post) {
        @SuppressWarnings("unchecked")
        List<String> categories = (List<String>) ((Map<String, Object>) post.get("risk")).get("categories");
        return String.join(", ", new LinkedHashSet<>(categories));
    }

    @SuppressWarnings("unchecked")
    private static List<String> excerpts(Map<String, Object> post) {
        List<String> excerpts = new ArrayList<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) ((Map<String, Object>) post.get("risk")).get("findings")) {
            excerpts.add(f.get("category") + ": \u201c" + f.get("excerpt") + "\u201d");
        }
        return excerpts;
    }

    private static Map<String, Object> risk(Map<String, Object> post) {
        @SuppressWarnings("unchecked")
        Map<String, Object> risk = (Map<String, Object>) post.get("risk");
        return risk;
    }

    private static String published(Map<String, Object> post) {
        return MINUTE.format(LocalDateTime.ofInstant(Instant.parse((String) post.get("publishedAt")), ZONE));
    }

    /** Category → [posts, highest score], from one API call per category. */
    private Map<String, long[]> categoryCounts() {
        Map<String, long[]> counts = new java.util.LinkedHashMap<>();
        for (String category : RiskCategory.ALL) {
            List<Map<String, Object>> posts = risky(category, 500);
            assertTrue(posts.size() < 500, "the API's page holds every post of " + category);
            assertFalse(posts.isEmpty(), "the samples hold a risky post of " + category);
            long highest = posts.stream().mapToLong(p -> ((Number) risk(p).get("score")).longValue()).max().orElse(0);
            counts.put(category, new long[] { posts.size(), highest });
        }
        return counts;
    }

    // ---------------------------------------------------------------- XLSX

    @Test
    void leadershipXlsxHasTheRiskOverviewAndReputationSummaryAsTheApiAnswersThem() throws IOException {
        JsonPath rep = reputation();
        Map<String, long[]> counts = categoryCounts();
        List<Map<String, Object>> all = risky(null, 500);
        List<Map<String, Object>> top = risky(null, RiskOverviewSection.LIMIT);
        assertTrue(top.size() >= RiskCategory.ALL.size() && top.size() <= RiskOverviewSection.LIMIT, "risky posts: " + top.size());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("leadership", "xlsx")))) {
            assertEquals(List.of("Period comparison", "Accounts", "Risky posts by category", "Riskiest posts", "Top posts",
                    "Reputation summary"), sheetNames(workbook));

            Sheet byCategory = workbook.getSheet("Risky posts by category");
            assertEquals(RiskCategory.ALL.size() + 1, byCategory.getLastRowNum());
            for (int r = 1; r <= RiskCategory.ALL.size(); r++) {
                Row row = byCategory.getRow(r);
                String category = RiskCategory.ALL.get(r - 1);
                assertEquals(category, row.getCell(0).getStringCellValue());
                assertEquals((double) counts.get(category)[0], numeric(row.getCell(1)), category);
                assertEquals((double) counts.get(category)[1], numeric(row.getCell(2)), category);
                assertEquals("#,##0", row.getCell(1).getCellStyle().getDataFormatString());
            }
            Row any = byCategory.getRow(RiskCategory.ALL.size() + 1);
            assertEquals(RiskOverviewSection.ANY_CATEGORY, any.getCell(0).getStringCellValue());
            assertEquals((double) all.size(), numeric(any.getCell(1)));

            Sheet posts = workbook.getSheet("Riskiest posts");
            assertEquals(top.size(), posts.getLastRowNum());
            boolean formulaSeen = false;
            for (int p = 0; p < top.size(); p++) {
                Row row = posts.getRow(p + 1);
                Map<String, Object> post = top.get(p);
                assertEquals(p + 1, (int) row.getCell(0).getNumericCellValue());
                assertEquals(published(post), MINUTE.format(row.getCell(1).getLocalDateTimeCellValue()));
                assertEquals(post.get("platform"), row.getCell(2).getStringCellValue());
                assertEquals(post.get("account"), row.getCell(3).getStringCellValue());
                assertEquals(number(risk(post).get("score")), numeric(row.getCell(4)));
                assertEquals(risk(post).get("level"), row.getCell(5).getStringCellValue());
                assertEquals(categories(post), row.getCell(6).getStringCellValue());
                for (String excerpt : excerpts(post)) {
                    assertTrue(row.getCell(7).getStringCellValue().contains(excerpt), excerpt);
                }
                assertEquals(post.get("text"), row.getCell(8).getStringCellValue());
                if (FormulaInjection.looksLikeFormula((String) post.get("text"))) {
                    formulaSeen = true;
                    assertEquals(CellType.STRING, row.getCell(8).getCellType());
                    assertTrue(row.getCell(8).getCellStyle().getQuotePrefixed(), "formula-like post text is quote-prefixed");
                }
            }
            assertTrue(formulaSeen, "the formula-like post is among the riskiest");

            checkReputationSheet(workbook.getSheet("Reputation summary"), rep);
        }
    }

    private static void checkReputationSheet(Sheet sheet, JsonPath rep) {
        assertEquals(ReputationSummarySection.COLUMNS.get(12), sheet.getRow(0).getCell(12).getStringCellValue());
        List<String> sites = new ArrayList<>();
        sites.add(null);
        sites.addAll(rep.getList("bySite.site", String.class));
        assertEquals(sites.size(), sheet.getLastRowNum());
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String site = sites.get(r - 1);
            org.apache.poi.ss.usermodel.Cell name = row.getCell(0);
            assertEquals(site == null ? ReputationSummarySection.ALL_SITES : site, name.getStringCellValue());
            if (site != null && FormulaInjection.looksLikeFormula(site)) {
                assertTrue(name.getCellStyle().getQuotePrefixed(), "formula-like site is quote-prefixed");
            }
            List<Double> expected = reputationRow(rep, site);
            for (int c = 1; c < ReputationSummarySection.COLUMNS.size(); c++) {
                assertEquals(expected.get(c - 1), numeric(row.getCell(c)), site + " " + ReputationSummarySection.COLUMNS.get(c));
            }
            assertEquals("0.00%", row.getCell(12).getCellStyle().getDataFormatString(), "response rate");
            if (row.getCell(14) != null) {
                assertEquals("0.00%", row.getCell(14).getCellStyle().getDataFormatString(), "net sentiment");
            }
            assertEquals("#,##0.00", row.getCell(2).getCellStyle().getDataFormatString(), "average rating");
        }
    }

    @Test
    void weeklyXlsxHasFollowerGrowthTrafficAndTheReputationSummary() throws IOException {
        JsonPath rep = reputation();
        JsonPath weekly = api().get("/api/metrics/weekly").then().statusCode(200).extract().jsonPath();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("weekly-engagement", "xlsx")))) {
            assertEquals(List.of("Key figures", "Weekly trend", "Top posts", "Best times to post", "Follower growth",
                    "Social sessions and conversions", "Reputation summary"), sheetNames(workbook));
            Sheet followers = workbook.getSheet("Follower growth");
            Sheet traffic = workbook.getSheet("Social sessions and conversions");
            int weeks = weekly.getList("weeks").size();
            assertEquals(weeks, followers.getLastRowNum());
            assertEquals(weeks, traffic.getLastRowNum());
            boolean growth = false;
            for (int w = 0; w < weeks; w++) {
                String p = "weeks[" + w + "].";
                Row f = followers.getRow(w + 1);
                assertEquals(weekly.getString(p + "week"), f.getCell(0).getStringCellValue());
                assertEquals(number(weekly.get(p + "followers")), numeric(f.getCell(3)));
                assertEquals(number(weekly.get(p + "followersGained")), numeric(f.getCell(4)));
                assertEquals(number(weekly.get(p + "followerGrowthRate.value")), numeric(f.getCell(5)));
                growth |= weekly.get(p + "followersGained") != null && weekly.getLong(p + "followersGained") != 0;
                Row t = traffic.getRow(w + 1);
                assertEquals(number(weekly.get(p + "sessions")), numeric(t.getCell(3)));
                assertEquals(number(weekly.get(p + "conversions")), numeric(t.getCell(4)));
                assertEquals(number(weekly.get(p + "conversionRate.value")), numeric(t.getCell(5)));
            }
            assertTrue(growth, "the samples' follower days give a growth");
            checkReputationSheet(workbook.getSheet("Reputation summary"), rep);
        }
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void leadershipCsvHasTheRiskOverviewAndReputationSummaryAsTheApiAnswersThem() throws IOException {
        JsonPath rep = reputation();
        Map<String, long[]> counts = categoryCounts();
        List<Map<String, Object>> top = risky(null, RiskOverviewSection.LIMIT);
        Map<String, byte[]> entries = unzip(download("leadership", "csv"));
        assertEquals(List.of("01-period-comparison.csv", "02-accounts.csv", "03-risky-posts-by-category.csv",
                "04-riskiest-posts.csv", "05-top-posts.csv", "06-reputation-summary.csv"), new ArrayList<>(entries.keySet()));

        List<CSVRecord> byCategory = csv(entries.get("03-risky-posts-by-category.csv"));
        assertEquals(List.of("Category", "Risky posts", "Highest score"), byCategory.get(0).toList());
        for (int r = 1; r <= RiskCategory.ALL.size(); r++) {
            String category = RiskCategory.ALL.get(r - 1);
            assertEquals(category, byCategory.get(r).get(0));
            assertEquals(String.valueOf(counts.get(category)[0]), byCategory.get(r).get(1), category);
            assertEquals(String.valueOf(counts.get(category)[1]), byCategory.get(r).get(2), category);
        }
        assertEquals(String.valueOf(risky(null, 500).size()), byCategory.get(RiskCategory.ALL.size() + 1).get(1));

        List<CSVRecord> posts = csv(entries.get("04-riskiest-posts.csv"));
        assertEquals(top.size() + 1, posts.size());
        for (int p = 0; p < top.size(); p++) {
            CSVRecord row = posts.get(p + 1);
            Map<String, Object> post = top.get(p);
            assertEquals(String.valueOf(p + 1), row.get(0));
            assertEquals(published(post), row.get(1));
            assertEquals(post.get("account"), row.get(3));
            assertEquals(number(risk(post).get("score")), csvNumber(row.get(4)));
            assertEquals(risk(post).get("level"), row.get(5));
            assertEquals(categories(post), row.get(6));
            excerpts(post).forEach(e -> assertTrue(row.get(7).contains(e), e));
            String text = (String) post.get("text");
            assertEquals(FormulaInjection.looksLikeFormula(text) ? "'" + text : text, row.get(8));
        }
        assertTrue(posts.stream().anyMatch(r -> r.get(8).equals("'" + FORMULA_POST)), "the formula-like post is neutralised");

        checkReputationCsv(csv(entries.get("06-reputation-summary.csv")), rep);
    }

    private static void checkReputationCsv(List<CSVRecord> rows, JsonPath rep) {
        assertEquals(ReputationSummarySection.COLUMNS, rows.get(0).toList());
        List<String> sites = new ArrayList<>();
        sites.add(null);
        sites.addAll(rep.getList("bySite.site", String.class));
        assertEquals(sites.size() + 1, rows.size());
        for (int r = 1; r < rows.size(); r++) {
            String site = sites.get(r - 1);
            CSVRecord row = rows.get(r);
            String expectedName = site == null ? ReputationSummarySection.ALL_SITES
                    : FormulaInjection.looksLikeFormula(site) ? "'" + site : site;
            assertEquals(expectedName, row.get(0));
            List<Double> expected = reputationRow(rep, site);
            for (int c = 1; c < ReputationSummarySection.COLUMNS.size(); c++) {
                assertEquals(expected.get(c - 1), csvNumber(row.get(c)), site + " " + ReputationSummarySection.COLUMNS.get(c));
            }
        }
    }

    @Test
    void weeklyCsvHasFollowerGrowthTrafficAndTheReputationSummary() throws IOException {
        JsonPath rep = reputation();
        JsonPath weekly = api().get("/api/metrics/weekly").then().statusCode(200).extract().jsonPath();
        Map<String, byte[]> entries = unzip(download("weekly-engagement", "csv"));
        assertEquals(List.of("01-key-figures.csv", "02-weekly-trend.csv", "03-top-posts.csv", "04-best-times-to-post.csv",
                "05-follower-growth.csv", "06-social-sessions-and-conversions.csv", "07-reputation-summary.csv"),
                new ArrayList<>(entries.keySet()));
        List<CSVRecord> followers = csv(entries.get("05-follower-growth.csv"));
        List<CSVRecord> traffic = csv(entries.get("06-social-sessions-and-conversions.csv"));
        int weeks = weekly.getList("weeks").size();
        assertEquals(weeks + 1, followers.size());
        for (int w = 0; w < weeks; w++) {
            String p = "weeks[" + w + "].";
            assertEquals(weekly.getString(p + "weekStart"), followers.get(w + 1).get(1));
            assertEquals(number(weekly.get(p + "followersGained")), csvNumber(followers.get(w + 1).get(4)));
            assertEquals(number(weekly.get(p + "followerGrowthRate.value")), csvNumber(followers.get(w + 1).get(5)));
            assertEquals(number(weekly.get(p + "sessions")), csvNumber(traffic.get(w + 1).get(3)));
            assertEquals(number(weekly.get(p + "conversionRate.value")), csvNumber(traffic.get(w + 1).get(5)));
        }
        checkReputationCsv(csv(entries.get("07-reputation-summary.csv")), rep);
    }

    // ---------------------------------------------------------------- PDF

    /** A reputation row as the PDF writes it: the cells' texts in column order, separated by spaces. */
    private static String pdfReputationLine(JsonPath rep, String site) {
        List<Double> values = reputationRow(rep, site);
        List<String> cells = new ArrayList<>();
        cells.add(site == null ? ReputationSummarySection.ALL_SITES : site);
        for (int c = 1; c < ReputationSummarySection.COLUMNS.size(); c++) {
            Double v = values.get(c - 1);
            boolean percent = c == 12 || c == 14;
            boolean decimal = c == 2 || c == 13;
            cells.add(percent ? FigureText.percent(v)
                    : v == null ? FigureText.NOT_REPORTED : decimal ? FigureText.count(v) : FigureText.count(v.longValue()));
        }
        return String.join(" ", cells);
    }

    private static String pdfText(byte[] bytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void leadershipPdfShowsTheRiskOverviewAndReputationSummaryWithTheApisNumbers() throws IOException {
        JsonPath rep = reputation();
        Map<String, long[]> counts = categoryCounts();
        List<Map<String, Object>> top = risky(null, RiskOverviewSection.LIMIT);
        String text = pdfText(download("leadership", "pdf"));
        assertTrue(text.contains("Risky posts by category\n"), text);
        assertTrue(text.contains("Riskiest posts\n"), text);
        assertTrue(text.contains("Reputation summary\n"), text);
        counts.forEach((category, f) -> {
            String line = category + " " + FigureText.count(f[0]) + " " + FigureText.count(f[1]) + "\n";
            assertTrue(text.contains(line), line + " in\n" + text);
        });
        String any = RiskOverviewSection.ANY_CATEGORY + " " + FigureText.count((long) risky(null, 500).size()) + " ";
        assertTrue(text.contains(any), any + " in\n" + text);
        for (int p = 0; p < top.size(); p++) {
            Map<String, Object> post = top.get(p);
            String line = (p + 1) + " " + published(post) + " " + post.get("platform") + " " + post.get("account") + " "
                    + FigureText.count(((Number) risk(post).get("score")).longValue()) + " " + risk(post).get("level") + " "
                    + categories(post) + " ";
            assertTrue(text.contains(line), line + " in\n" + text);
        }
        // The first finding's excerpt of the riskiest post is readable (its cell may be cut at the column's end).
        String first = excerpts(top.get(0)).get(0);
        assertTrue(text.contains(first.substring(0, Math.min(first.length(), 18))), first + " in\n" + text);
        checkReputationPdf(text, rep);
    }

    private static void checkReputationPdf(String text, JsonPath rep) {
        String all = pdfReputationLine(rep, null);
        assertTrue(text.contains(all + "\n"), all + " in\n" + text);
        for (String site : rep.getList("bySite.site", String.class)) {
            String line = pdfReputationLine(rep, site);
            assertTrue(text.contains(line + "\n"), line + " in\n" + text);
        }
    }

    @Test
    void weeklyPdfHasTheFollowerAndTrafficChartsAndTheReputationSummary() throws IOException {
        JsonPath rep = reputation();
        byte[] bytes = download("weekly-engagement", "pdf");
        String text = pdfText(bytes);
        assertTrue(text.contains("Follower growth\n"), text);
        assertTrue(text.contains("Social sessions and conversions\n"), text);
        checkReputationPdf(text, rep);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            Set<Integer> widths = new java.util.HashSet<>();
            int images = 0;
            for (PDPage page : pdf.getPages()) {
                var resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject image) {
                        images++;
                        widths.add(image.getWidth());
                    }
                }
            }
            assertEquals(3, images, "weekly trend, follower growth and traffic charts");
            assertEquals(Set.of(1440), widths);
        }
        assertNotNull(rep);
    }
}
