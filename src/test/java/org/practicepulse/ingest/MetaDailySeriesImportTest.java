package org.practicepulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
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

/** Meta Business Suite page-level daily series (UTF-16, sep=, metric name line): one figure per file and day. */
@QuarkusTest
class MetaDailySeriesImportTest {

    private static final String FORMAT = "meta-daily-series";
    private static final Path FACEBOOK = Path.of("import-samples", "lakeside-family-medicine", "facebook");
    private static final Path INSTAGRAM = Path.of("import-samples", "lakeside-family-medicine", "instagram");

    /** What each metric name feeds: platform, account_daily_metric column, and the extra key that keeps Meta's name. */
    private record Target(String platform, String column, String extraKey) {
    }

    private static final Map<String, Target> TARGETS = Map.of(
            "Facebook follows", new Target("facebook", "follows_gained", null),
            "Views", new Target("facebook", "impressions", "views"),
            "Viewers", new Target("facebook", "reach", "viewers"),
            "Facebook visits", new Target("facebook", "profile_visits", null),
            "Facebook link clicks", new Target("facebook", "website_clicks", null),
            "Content interactions", new Target("facebook", "engagements", null),
            "Instagram follows", new Target("instagram", "follows_gained", null),
            "Instagram profile visits", new Target("instagram", "profile_visits", null));

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    @Test
    void everySampleImportsEveryDayExactly() throws Exception {
        List<Path> samples = List.of(FACEBOOK.resolve("Follows.csv"), FACEBOOK.resolve("Views.csv"), FACEBOOK.resolve("Viewers.csv"),
                FACEBOOK.resolve("Visits.csv"), FACEBOOK.resolve("Link clicks.csv"), FACEBOOK.resolve("Interactions.csv"),
                INSTAGRAM.resolve("Follows.csv"), INSTAGRAM.resolve("Visits.csv"));
        for (Path sample : samples) {
            Series series = series(sample);
            Target target = TARGETS.get(series.metric());
            Practice practice = data.practice("meta-daily", "America/Chicago");
            JsonPath run = upload(practice, sample);
            assertEquals(series.days().size(), run.getInt("rowsImported"), sample.toString());
            assertTrue(run.getList("warnings.message", String.class).stream().anyMatch(m -> m.contains("account 'unknown'")));

            Map<String, StoredRows.Snapshot> stored = StoredRows.accountDays(dataSource, practice.id);
            assertEquals(series.days().size(), stored.size(), "one row per day of the file, none for days it leaves out");
            series.days().forEach((day, value) -> {
                StoredRows.Snapshot row = stored.get(target.platform() + "/unknown/" + day);
                for (String column : StoredRows.DAY_COUNTERS) {
                    assertEquals(column.equals(target.column()) ? value : null, row.get(column), sample + " " + day + " " + column);
                }
                assertEquals(target.extraKey() == null ? Map.of() : Map.of(target.extraKey(), value), row.extra());
            });
        }
    }

    @Test
    void theSeriesOfOnePageMergeIntoOneRowPerDay() throws Exception {
        Practice practice = data.practice("meta-daily-merge", "America/Chicago");
        for (String name : List.of("Follows.csv", "Views.csv", "Viewers.csv", "Visits.csv", "Link clicks.csv", "Interactions.csv")) {
            upload(practice, FACEBOOK.resolve(name));
        }
        Map<String, StoredRows.Snapshot> stored = StoredRows.accountDays(dataSource, practice.id);
        assertEquals(107, stored.size(), "1 August to 15 November");
        LocalDate day = LocalDate.of(2026, 9, 15);
        StoredRows.Snapshot row = stored.get("facebook/unknown/" + day);
        assertEquals(series(FACEBOOK.resolve("Views.csv")).days().get(day), row.get("impressions"));
        assertEquals(series(FACEBOOK.resolve("Viewers.csv")).days().get(day), row.get("reach"));
        assertEquals(series(FACEBOOK.resolve("Visits.csv")).days().get(day), row.get("profile_visits"));
        assertEquals(series(FACEBOOK.resolve("Link clicks.csv")).days().get(day), row.get("website_clicks"));
        assertEquals(series(FACEBOOK.resolve("Interactions.csv")).days().get(day), row.get("engagements"));
        assertEquals(series(FACEBOOK.resolve("Follows.csv")).days().get(day), row.get("follows_gained"));
    }

    @Test
    void theFileNameMayNameTheAccountAndThePlatform() throws Exception {
        Path renamed = Files.createTempDirectory("meta-daily").resolve("drmayaokafor - Instagram Views (2).csv");
        Files.copy(FACEBOOK.resolve("Views.csv"), renamed);
        Practice practice = data.practice("meta-daily-named", "America/Chicago");
        JsonPath run = upload(practice, renamed);
        assertEquals(List.of(), run.getList("warnings"));
        Series series = series(renamed);
        Map<String, StoredRows.Snapshot> stored = StoredRows.accountDays(dataSource, practice.id);
        assertEquals(series.days().size(), stored.size());
        LocalDate first = series.days().keySet().iterator().next();
        assertEquals(series.days().get(first), stored.get("instagram/drmayaokafor/" + first).get("impressions"));
    }

    @Test
    void aRenamedFileIsRecognisedByItsContent() throws Exception {
        Path renamed = Files.createTempDirectory("meta-daily").resolve("download.csv");
        Files.copy(INSTAGRAM.resolve("Follows.csv"), renamed);
        Practice practice = data.practice("meta-daily-renamed", "America/Chicago");
        upload(practice, renamed);
        assertEquals(series(renamed).days().size(), StoredRows.accountDays(dataSource, practice.id).size());
    }

    /** The metric name (line 2) and the value of each day, read without the importer. */
    private record Series(String metric, Map<LocalDate, Long> days) {
    }

    private static Series series(Path file) throws Exception {
        String[] lines = CsvFiles.text(file).split("\n", 4);
        assertEquals("sep=,", lines[0]);
        String metric = lines[1].replace("\"", "");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(lines[2] + "\n" + lines[3])).getRecords();
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        for (CSVRecord r : records) {
            days.put(LocalDateTime.parse(r.get("Date")).toLocalDate(), Long.valueOf(r.get("Primary")));
        }
        return new Series(metric, days);
    }

    private JsonPath upload(Practice practice, Path file) {
        String owner = data.user("meta-daily-owner", Role.OWNER, practice);
        return TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                .then().statusCode(200)
                .body("status", equalTo("IMPORTED"))
                .body("format", equalTo(FORMAT))
                .body("rowsRejected", equalTo(0))
                .body("rowsSkipped", equalTo(0))
                .extract().jsonPath();
    }
}
