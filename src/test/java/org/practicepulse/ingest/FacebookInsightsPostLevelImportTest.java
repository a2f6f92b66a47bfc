package org.practicepulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.CsvFiles;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The legacy "Facebook Insights Data Export (Post Level)": every figure of every row of the real
 * files and of our sample, read here with a plain CSV parser and compared with what was stored.
 */
@QuarkusTest
class FacebookInsightsPostLevelImportTest {

    private static final String FORMAT = "facebook-insights-post-level";
    private static final String REAL = "facebook-insights-post-level-legacy.csv";
    private static final String REAL_WITH_MAPPING_HEADER = "facebook-insights-post-level-legacy-2.csv";
    private static final Path SAMPLE = Path.of("import-samples", "lakeside-family-medicine", "facebook",
            "Facebook Insights Data Export (Post Level) - Lakeside Family Medicine - 2026-09-01.csv");
    private static final DateTimeFormatter POSTED = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    @Test
    void theRealUscClinicalTrialsExportImportsEveryFigureExactly() throws Exception {
        Path file = TestData.realExport(REAL);
        List<CSVRecord> records = CsvFiles.records(file);
        Practice practice = data.practice("fb-legacy", "America/Los_Angeles");
        JsonPath run = upload(practice, file);
        assertEquals(1, run.getInt("rowsSkipped"), "the description row is skipped, not rejected");
        assertEquals(records.size() - 2, run.getInt("rowsImported"));
        assertStoredExactly(practice, records.get(0), records.get(1), records.subList(2, records.size()), "USCTrials");
    }

    @Test
    void theRealCopyWithAColumnMappingHeaderIsReadByThe2017Layout() throws Exception {
        Path file = TestData.realExport(REAL_WITH_MAPPING_HEADER);
        // The layout (names and descriptions) comes from the untouched real export of the same year.
        List<CSVRecord> layout = CsvFiles.records(TestData.realExport(REAL));
        List<CSVRecord> records = CsvFiles.records(file);
        Practice practice = data.practice("fb-legacy-2", "America/New_York");
        JsonPath run = upload(practice, file);
        assertEquals(0, run.getInt("rowsSkipped"));
        assertEquals(records.size() - 1, run.getInt("rowsImported"));
        assertTrue(run.getList("warnings.message", String.class).stream().anyMatch(m -> m.contains("by their position")),
                run.prettify());
        assertStoredExactly(practice, layout.get(0), layout.get(1), records.subList(1, records.size()), "BeFreeOfTobacco");
    }

    @Test
    void ourSampleImportsEveryFigureExactly() throws Exception {
        List<CSVRecord> records = CsvFiles.records(SAMPLE);
        Practice practice = data.practice("fb-legacy-sample", "America/Chicago");
        JsonPath run = upload(practice, SAMPLE);
        assertEquals(1, run.getInt("rowsSkipped"));
        assertEquals(List.of(), run.getList("warnings"));
        assertStoredExactly(practice, records.get(0), records.get(1), records.subList(2, records.size()), "Lakeside Family Medicine");
        // The date in Facebook's file name is the day the lifetime figures were taken.
        String firstId = records.get(2).get(0);
        assertEquals(LocalDate.of(2026, 9, 1), StoredRows.onlySnapshot(dataSource, practice.id, "facebook", firstId).get("as_of"));
    }

    @Test
    void aRenamedCopyIsRecognisedByItsContent() throws Exception {
        Path file = TestData.realExport(REAL);
        Path renamed = Files.createTempDirectory("fb-legacy").resolve("download (3).csv");
        Files.copy(file, renamed);
        Practice practice = data.practice("fb-legacy-renamed", "UTC");
        upload(practice, renamed);
    }

    private JsonPath upload(Practice practice, Path file) {
        String owner = data.user("fb-legacy-owner", Role.OWNER, practice);
        return TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                .then().statusCode(200)
                .body("status", equalTo("IMPORTED"))
                .body("format", equalTo(FORMAT))
                .body("rowsRejected", equalTo(0))
                .extract().jsonPath();
    }

    /**
     * Each row's cells from column 9 on (the "Lifetime" figures) must be stored: in the counter that
     * column feeds, else in extra under the column's name (told apart by its unit when the name repeats).
     */
    private void assertStoredExactly(Practice practice, CSVRecord header, CSVRecord descriptions, List<CSVRecord> rows,
            String page) throws Exception {
        List<String> names = uniqueNames(header, descriptions);
        ZoneId zone = practice.zone();
        for (CSVRecord row : rows) {
            String id = row.get(0);
            StoredRows.Snapshot stored = StoredRows.onlySnapshot(dataSource, practice.id, "facebook", id);
            Map<String, Long> counters = new HashMap<>();
            Map<String, Long> extra = new HashMap<>();
            Long organicViews = null;
            Long paidViews = null;
            for (int i = 8; i < names.size(); i++) {
                Long value = i < row.size() ? CsvFiles.countOrNull(row.get(i)) : null;
                switch (names.get(i)) {
                    case "lifetime post total impressions" -> counters.put("impressions", value);
                    case "lifetime post total reach" -> counters.put("reach", value);
                    case "lifetime post stories by action type - like" -> counters.put("likes", value);
                    case "lifetime post stories by action type - comment" -> counters.put("comments", value);
                    case "lifetime post stories by action type - share" -> counters.put("shares", value);
                    case "lifetime post consumptions by type - link clicks" -> counters.put("clicks", value);
                    case "lifetime organic video views (total count)" -> organicViews = value;
                    case "lifetime paid video views (total count)" -> paidViews = value;
                    default -> {
                        if (value != null) {
                            extra.put(names.get(i), value);
                        }
                    }
                }
            }
            counters.put("engagements", CsvFiles.sumOfReported(counters.get("likes"), counters.get("comments"), counters.get("shares")));
            counters.put("video_views", CsvFiles.sumOfReported(organicViews, paidViews));
            for (String counter : StoredRows.POST_COUNTERS) {
                assertEquals(counters.get(counter), stored.get(counter), id + " " + counter);
            }
            assertEquals(extra, stored.extra(), id + " extra");
            Instant posted = LocalDateTime.parse(row.get(6), POSTED).atZone(zone).toInstant();
            assertEquals(posted, stored.get("published_at"), id);
            assertEquals(Normalizer.normalize(row.get(2).strip(), Normalizer.Form.NFKC), stored.get("text"));
            assertEquals(row.get(1), stored.get("permalink"));
            assertEquals(row.get(3).toLowerCase(Locale.ROOT), stored.get("post_type"));
            assertEquals(page, stored.get("handle"));
        }
    }

    private static List<String> uniqueNames(CSVRecord header, CSVRecord descriptions) {
        Map<String, Integer> counts = new HashMap<>();
        header.forEach(h -> counts.merge(h.strip().toLowerCase(Locale.ROOT), 1, Integer::sum));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (counts.get(name) > 1) {
                String unit = descriptions.get(i).endsWith("(Unique Users)") ? "unique users" : "total count";
                name = name + " (" + unit + ")";
            }
            names.add(name);
        }
        return names;
    }
}
