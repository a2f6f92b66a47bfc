package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** GA4 downloads and Universal Analytics exports: sessions and conversions per day and source, exactly. */
@QuarkusTest
class GoogleAnalyticsImportTest {

    private static final Path SAMPLES = Path.of("import-samples", "lakeside-family-medicine", "web");
    private static final Path GA4_SAMPLE = SAMPLES.resolve("Traffic_acquisition_Session_source_medium.csv");
    private static final Path UA_SAMPLE = SAMPLES.resolve("Analytics All Web Site Data Source Medium 20230601-20230630.csv");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    private Practice practice;
    private String owner;

    private void newPractice(String prefix) {
        practice = data.practice(prefix, "America/Chicago");
        owner = data.user(prefix + "-owner", Role.OWNER, practice);
    }

    private JsonPath upload(Path file) {
        return TestData.upload(owner, practice, file);
    }

    private static String warnings(JsonPath run) {
        return String.join("\n", run.getList("warnings.message", String.class));
    }

    /** A stored row, keyed "day|source|medium|channel". */
    private Map<String, Map<String, Object>> stored() throws Exception {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> row : StoredRows.query(dataSource, "select * from web_traffic_daily where practice_id = ?", practice.id)) {
            rows.put(row.get("day") + "|" + row.get("source") + "|" + row.get("medium") + "|" + row.get("channel"), row);
        }
        return rows;
    }

    /** The rows of the first table of a GA file: after the # lines, up to the first blank line. */
    private static List<CSVRecord> firstTable(Path file) throws Exception {
        String table = Files.readAllLines(file, StandardCharsets.UTF_8).stream().dropWhile(l -> l.startsWith("#") || l.isBlank())
                .takeWhile(l -> !l.isBlank()).collect(Collectors.joining("\n"));
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(table)).getRecords();
    }

    private static void assertDecimal(String expected, Object actual, String message) {
        if (expected == null) {
            assertNull(actual, message);
        } else {
            assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), message + ": " + expected + " vs " + actual);
        }
    }

    // ---- Universal Analytics ------------------------------------------------------------------

    @Test
    void theRealUaExportImportsEverySourceExactlyOnTheExportDateWithAWarning() throws Exception {
        Path file = TestData.realExport("google-analytics-ua-campaign-source-medium.csv");
        newPractice("ua-real");
        List<CSVRecord> rows = firstTable(file);
        LocalDate before = LocalDate.now(CHICAGO);
        JsonPath run = upload(file);
        LocalDate after = LocalDate.now(CHICAGO);

        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("ua-traffic", run.getString("format"));
        assertEquals(rows.size(), run.getInt("rowsRead"));
        assertEquals(0, run.getInt("rowsRejected"));
        assertEquals(0, run.getInt("rowsSkipped"));
        assertTrue(warnings(run).contains("neither a date range nor a per-day breakdown"), warnings(run));

        // The campaigns of this file never share a source / medium, so every row is one stored row.
        Map<String, Map<String, Object>> stored = stored();
        assertEquals(rows.size(), stored.size());
        for (CSVRecord row : rows) {
            String sourceMedium = row.get("Source / Medium");
            int slash = sourceMedium.indexOf(" / ");
            Map<String, Object> match = stored.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("|" + sourceMedium.substring(0, slash) + "|" + sourceMedium.substring(slash + 3) + "|"))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(sourceMedium + " was not stored"));
            LocalDate day = ((java.sql.Date) match.get("day")).toLocalDate();
            assertTrue(day.equals(before) || day.equals(after), day.toString());
            assertEquals(Long.valueOf(row.get("Sessions")), match.get("sessions"), sourceMedium);
            assertDecimal(row.get("csdContactFormSubmit (Goal 1 Completions)"), match.get("conversions"), sourceMedium);
        }
        Map<String, String> platforms = new LinkedHashMap<>();
        stored.values().forEach(r -> platforms.put(r.get("source") + " / " + r.get("medium"), (String) r.get("platform")));
        assertEquals("facebook", platforms.get("facebook.com / referral"));
        assertEquals("facebook", platforms.get("m.facebook.com / referral"));
        assertEquals("facebook", platforms.get("l.facebook.com / referral"));
        assertEquals("facebook", platforms.get("facebook / paid"));
        assertEquals("x", platforms.get("t.co / referral"));
        assertEquals("x", platforms.get("twitter.com / social"));
        assertEquals("x", platforms.get("twitter / organic"));
        assertNull(platforms.get("google / organic"));
        assertNull(platforms.get("(direct) / (none)"));
    }

    @Test
    void ourUaSampleIsStoredOnTheLastDayOfItsMonthAndItsTotalsAndDayIndexAreSkipped() throws Exception {
        newPractice("ua-sample");
        List<CSVRecord> rows = firstTable(UA_SAMPLE);
        JsonPath run = upload(UA_SAMPLE);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("ua-traffic", run.getString("format"));
        assertEquals(14, rows.size() - 1, "14 sources and the unlabelled totals row");
        assertEquals(14, run.getInt("rowsImported"));
        assertEquals(0, run.getInt("rowsRejected"));
        assertEquals(1 + 30 + 1, run.getInt("rowsSkipped"), "the totals row, 30 Day Index rows and their total");
        assertTrue(warnings(run).contains("cover 2023-06-01 to 2023-06-30 and are stored on the last day, 2023-06-30"), warnings(run));

        Map<String, Map<String, Object>> stored = stored();
        assertEquals(14, stored.size());
        for (CSVRecord row : rows) {
            String sourceMedium = row.get("Source / Medium");
            if (sourceMedium.isEmpty()) {
                continue; // the totals row
            }
            String[] parts = sourceMedium.split(" / ", 2);
            Map<String, Object> match = stored.get("2023-06-30|" + parts[0] + "|" + parts[1] + "|");
            assertEquals(Long.valueOf(row.get("Sessions").replace(",", "")), match.get("sessions"), sourceMedium);
            assertDecimal(row.get("Goal Completions").replace(",", ""), match.get("conversions"), sourceMedium);
        }
        assertEquals(2913L, stored.values().stream().mapToLong(r -> (Long) r.get("sessions")).sum(), "the totals row's \"2,913\"");
    }

    @Test
    void uaRowsThatDifferOnlyByCampaignAreAddedTogetherAndGoalColumnsSummed() throws Exception {
        newPractice("ua-campaigns");
        JsonPath run = upload(TestData.fixture("web/ua-campaign-source-medium-by-date.csv"));
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("ua-traffic", run.getString("format"));
        assertEquals(5, run.getInt("rowsRead"));
        assertEquals(3, run.getInt("rowsImported"));
        assertEquals(2, run.getInt("rowsSkipped"), "the second facebook / social row and the totals row");
        assertEquals(0, run.getInt("rowsRejected"));
        assertTrue(warnings(run).contains("'book visit (goal 1 completions)', 'call us (goal 2 completions)'"), warnings(run));
        assertTrue(warnings(run).contains("1 rows repeat the day and source"), warnings(run));

        Map<String, Map<String, Object>> stored = stored();
        assertEquals(1204L, stored.get("2022-03-14|google|organic|").get("sessions"));
        assertDecimal("40", stored.get("2022-03-14|google|organic|").get("conversions"), "31 + 9");
        assertEquals(100L, stored.get("2022-03-14|facebook|social|").get("sessions"), "88 + 12");
        assertDecimal("4", stored.get("2022-03-14|facebook|social|").get("conversions"), "2 + 0 + 1 + 1");
        assertEquals("facebook", stored.get("2022-03-14|facebook|social|").get("platform"));
        assertEquals(7L, stored.get("2022-03-15|t.co|referral|").get("sessions"));
        assertEquals("x", stored.get("2022-03-15|t.co|referral|").get("platform"));
    }

    // ---- GA4 ----------------------------------------------------------------------------------

    @Test
    void ourGa4SampleImportsEveryDayAndSourceExactly() throws Exception {
        newPractice("ga4-sample");
        List<CSVRecord> rows = firstTable(GA4_SAMPLE);
        JsonPath run = upload(GA4_SAMPLE);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("ga4-traffic", run.getString("format"));
        assertEquals(rows.size(), run.getInt("rowsRead"));
        assertEquals(rows.size(), run.getInt("rowsImported"));
        assertEquals(0, run.getInt("rowsRejected"));
        assertEquals(List.of(), run.getList("warnings"));

        Map<String, Map<String, Object>> stored = stored();
        assertEquals(rows.size(), stored.size());
        for (CSVRecord row : rows) {
            String[] parts = row.get("Session source / medium").split(" / ", 2);
            String key = LocalDate.parse(row.get("Date"), DateTimeFormatter.BASIC_ISO_DATE) + "|" + parts[0] + "|" + parts[1] + "|";
            Map<String, Object> match = stored.get(key);
            assertEquals(Long.valueOf(row.get("Sessions")), match.get("sessions"), key);
            assertDecimal(row.get("Key events"), match.get("conversions"), key);
        }
        LocalDate first = stored.values().stream().map(r -> ((java.sql.Date) r.get("day")).toLocalDate()).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = stored.values().stream().map(r -> ((java.sql.Date) r.get("day")).toLocalDate()).max(LocalDate::compareTo).orElseThrow();
        assertEquals(LocalDate.of(2026, 8, 1), first);
        assertEquals(LocalDate.of(2026, 11, 15), last);
    }

    @Test
    void ga4TotalsRowsAreSkippedNotRejected() {
        newPractice("ga4-totals");
        JsonPath run = upload(TestData.fixture("web/ga4-social-source-medium.csv"));
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals(7, run.getInt("rowsRead"));
        assertEquals(5, run.getInt("rowsImported"));
        assertEquals(2, run.getInt("rowsSkipped"), "the blank-source row and the Grand total row");
        assertEquals(0, run.getInt("rowsRejected"));
        assertEquals(List.of(), run.getList("errors"));
    }

    @Test
    void socialSessionsAndConversionsLandOnTheirPlatform() throws Exception {
        newPractice("ga4-social");
        upload(TestData.fixture("web/ga4-social-source-medium.csv"));
        upload(TestData.fixture("web/ga4-channel-nth-day.csv"));
        Map<String, Map<String, Object>> stored = stored();

        Map<String, Object> facebook = stored.get("2026-09-01|facebook.com|referral|");
        assertEquals("facebook", facebook.get("platform"));
        assertEquals(14L, facebook.get("sessions"));
        assertDecimal("1", facebook.get("conversions"), "facebook.com key events");
        assertEquals("facebook", stored.get("2026-09-02|m.facebook.com|referral|").get("platform"));

        Map<String, Object> x = stored.get("2026-09-01|t.co|referral|");
        assertEquals("x", x.get("platform"));
        assertEquals(9L, x.get("sessions"));
        assertDecimal("0.5", x.get("conversions"), "GA4 may report fractional key events");

        Map<String, Object> linkedin = stored.get("2026-09-02|lnkd.in|referral|");
        assertEquals("linkedin", linkedin.get("platform"));
        assertEquals(3L, linkedin.get("sessions"));
        assertDecimal("1", linkedin.get("conversions"), "lnkd.in key events");

        Map<String, Object> organicSocial = stored.get("2026-11-01|||Organic Social");
        assertEquals("other-social", organicSocial.get("platform"), "a social channel without a source");
        assertEquals(9L, organicSocial.get("sessions"));
        assertDecimal("0", organicSocial.get("conversions"), "Organic Social key events");

        assertNull(stored.get("2026-09-01|google|organic|").get("platform"));
        assertNull(stored.get("2026-10-30|||Organic Search").get("platform"));
    }

    @Test
    void nthDayCountsFromTheStartDateOfThePreamble() throws Exception {
        newPractice("ga4-nth");
        JsonPath run = upload(TestData.fixture("web/ga4-channel-nth-day.csv"));
        assertEquals(3, run.getInt("rowsImported"));
        assertEquals(1, run.getInt("rowsSkipped"));
        Map<String, Map<String, Object>> stored = stored();
        assertEquals(51L, stored.get("2026-10-30|||Organic Search").get("sessions"));
        assertEquals(47L, stored.get("2026-11-02|||Organic Search").get("sessions"));
        assertDecimal("2", stored.get("2026-11-02|||Organic Search").get("conversions"), "key events");
    }

    @Test
    void aReportOverviewKeepsOnlyItsTrafficBlockAndDatesItOnTheExportDate() throws Exception {
        newPractice("ga4-overview");
        LocalDate before = LocalDate.now(CHICAGO);
        JsonPath run = upload(TestData.fixture("web/ga4-channel-groups-report-overview.csv"));
        LocalDate after = LocalDate.now(CHICAGO);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("ga4-traffic", run.getString("format"));
        assertEquals(4, run.getInt("rowsImported"));
        assertEquals(2, run.getInt("rowsSkipped"), "the Active users row and the blank-channel totals row");
        assertEquals(0, run.getInt("rowsRejected"));
        assertTrue(warnings(run).contains("has no sessions by source or channel"), warnings(run));
        assertTrue(warnings(run).contains("neither a date range nor a per-day breakdown"), warnings(run));

        List<Map<String, Object>> rows = StoredRows.query(dataSource,
                "select * from web_traffic_daily where practice_id = ? order by sessions desc", practice.id);
        assertEquals(List.of("Organic Search", "Direct", "Organic Social", "Referral"), rows.stream().map(r -> r.get("channel")).toList());
        assertEquals(List.of(412L, 205L, 61L, 40L), rows.stream().map(r -> r.get("sessions")).toList());
        assertDecimal("9.5", rows.get(1).get("conversions"), "the pre-2024 Conversions column");
        LocalDate day = ((java.sql.Date) rows.get(0).get("day")).toLocalDate();
        assertTrue(day.equals(before) || day.equals(after), day.toString());
        assertEquals("other-social", rows.get(2).get("platform"));
    }

    @Test
    void aGa4ReportWithoutADailyBreakdownIsStoredOnTheLastDayOfItsRangeWithAWarning(@TempDir Path dir) throws Exception {
        newPractice("ga4-range");
        String header = """
                # ----------------------------------------
                # Traffic acquisition: Session source / medium
                # ----------------------------------------
                #
                # All Users
                """;
        Path month = Files.writeString(dir.resolve("september.csv"), header + """
                # Start date: 20260901
                # End date: 20260930
                Session source / medium,Sessions,Engaged sessions,Key events
                google / organic,2210,1500,91
                l.facebook.com / referral,37,12,1
                """);
        Path oneDay = Files.writeString(dir.resolve("october-first.csv"), header + """
                # Start date: 20261001
                # End date: 20261001
                Session source / medium,Sessions,Engaged sessions,Key events
                google / organic,77,50,3
                """);
        JsonPath monthRun = upload(month);
        assertEquals(2, monthRun.getInt("rowsImported"));
        assertEquals(List.of("the table has no per-day breakdown: its figures cover 2026-09-01 to 2026-09-30 and are stored on the last day, 2026-09-30"),
                monthRun.getList("warnings.message", String.class));
        JsonPath dayRun = upload(oneDay);
        assertEquals(1, dayRun.getInt("rowsImported"));
        assertEquals(List.of(), dayRun.getList("warnings"), "a one-day range is exact");

        Map<String, Map<String, Object>> stored = stored();
        assertEquals(2210L, stored.get("2026-09-30|google|organic|").get("sessions"));
        assertDecimal("91", stored.get("2026-09-30|google|organic|").get("conversions"), "key events");
        assertEquals("facebook", stored.get("2026-09-30|l.facebook.com|referral|").get("platform"));
        assertEquals(77L, stored.get("2026-10-01|google|organic|").get("sessions"));
    }

    @Test
    void aGermanGa4DownloadWithByteOrderMarkAndCrlfLinesImports(@TempDir Path dir) throws Exception {
        newPractice("ga4-de");
        String text = String.join("\r\n",
                "# ----------------------------------------",
                "# Zugriffsakquisition: Sitzung - Quelle / Medium",
                "# ----------------------------------------",
                "# Startdatum: 20260901",
                "# Enddatum: 20260902",
                "Sitzung - Quelle / Medium,Datum,Sitzungen,Sitzungen mit Interaktionen,Schlüsselereignisse",
                "google / organic,20260901,40,25,2",
                "lnkd.in / referral,20260902,3,1,0",
                "");
        Path file = dir.resolve("Zugriffsakquisition.csv");
        Files.write(file, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        JsonPath run = upload(file);
        assertEquals("ga4-traffic", run.getString("format"));
        assertEquals(2, run.getInt("rowsImported"));
        assertEquals(List.of(), run.getList("warnings"));
        Map<String, Map<String, Object>> stored = stored();
        assertEquals(40L, stored.get("2026-09-01|google|organic|").get("sessions"));
        assertDecimal("2", stored.get("2026-09-01|google|organic|").get("conversions"), "Schlüsselereignisse");
        assertEquals("linkedin", stored.get("2026-09-02|lnkd.in|referral|").get("platform"));
    }

    @Test
    void aBadDateOrSessionCountRejectsOnlyThatRow(@TempDir Path dir) throws Exception {
        newPractice("ga4-bad");
        Path file = Files.writeString(dir.resolve("Traffic_acquisition.csv"), """
                # Start date: 20260901
                # End date: 20260930
                Session source / medium,Date,Sessions,Key events
                google / organic,20260931,10,1
                bing / organic,20260901,many,0
                t.co / referral,20260901,4,-1
                yahoo / organic,20260901,2,0
                """);
        JsonPath run = upload(file);
        assertEquals("PARTIAL", run.getString("status"));
        assertEquals(1, run.getInt("rowsImported"));
        assertEquals(3, run.getInt("rowsRejected"));
        assertEquals(List.of(4, 5, 6), run.getList("errors.line", Integer.class));
    }

    // ---- detection and re-import ---------------------------------------------------------------

    @Test
    void gaFilesAreRecognisedByTheirContentUnderAnyName(@TempDir Path dir) throws Exception {
        newPractice("ga-renamed");
        Map<Path, String> expected = Map.of(
                GA4_SAMPLE, "ga4-traffic",
                UA_SAMPLE, "ua-traffic",
                TestData.fixture("web/ga4-channel-groups-report-overview.csv"), "ga4-traffic",
                TestData.fixture("web/ua-campaign-source-medium-by-date.csv"), "ua-traffic");
        int n = 0;
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            Path renamed = Files.copy(e.getKey(), dir.resolve("export-" + ++n + ".csv"));
            JsonPath run = upload(renamed);
            assertEquals(e.getValue(), run.getString("format"), e.getKey().toString());
            assertEquals(0, run.getInt("rowsRejected"), e.getKey().toString());
        }
    }

    @Test
    void reimportingTheGaSamplesChangesNothing(@TempDir Path dir) throws Exception {
        newPractice("ga-reimport");
        upload(GA4_SAMPLE);
        upload(UA_SAMPLE);
        List<String> before = StoredRows.everythingOf(dataSource, practice.id);
        assertEquals("SKIPPED", upload(GA4_SAMPLE).getString("status"));

        for (Path sample : List.of(GA4_SAMPLE, UA_SAMPLE)) {
            Path copy = Files.copy(sample, dir.resolve(sample.getFileName()));
            Files.writeString(copy, "\n", StandardOpenOption.APPEND);
            JsonPath again = upload(copy);
            assertEquals("IMPORTED", again.getString("status"));
            assertEquals(0, again.getInt("rowsRejected"));
        }
        assertEquals(before, StoredRows.everythingOf(dataSource, practice.id));
    }
}
