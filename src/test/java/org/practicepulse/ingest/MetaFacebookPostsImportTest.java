package org.practicepulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

/** Meta Business Suite content exports of Facebook Pages: figures, renamed columns, empty cells, re-exports. */
@QuarkusTest
class MetaFacebookPostsImportTest {

    private static final String FORMAT = "meta-facebook-posts";
    private static final Path SAMPLES = Path.of("import-samples", "lakeside-family-medicine", "facebook");
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");
    /** Columns that are not counters: text, ids, flags, averages, money. */
    private static final Set<String> NOT_COUNTERS = Set.of("post id", "page id", "page name", "title", "description",
            "publish time", "caption type", "permalink", "is crosspost", "is share", "post type", "languages",
            "custom labels", "funded content status", "data comment", "date", "average seconds viewed",
            "estimated earnings (usd)", "ad cpm (usd)");
    /** Columns stored in a counter of their own (Views and Impressions are also kept in extra by name). */
    private static final Map<String, String> COUNTER_OF = Map.of("reach", "reach", "reactions, comments and shares",
            "engagements", "reactions", "likes", "comments", "comments", "shares", "shares", "link clicks", "clicks");
    private static final Map<String, String> POST_TYPES = Map.of("Photos", "photo", "Videos", "video", "Reels", "reel",
            "Links", "link", "Status", "status");

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    @Test
    void everySampleImportsEveryFigureExactly() throws Exception {
        List<Path> samples;
        try (var files = Files.list(SAMPLES)) {
            samples = files.filter(f -> f.getFileName().toString().matches("[A-Z][a-z]{2}-\\d{2}-\\d{4}_.*\\.csv")).sorted().toList();
        }
        assertEquals(6, samples.size(), "Business Suite samples of the practice page and both doctors");
        for (Path sample : samples) {
            Practice practice = data.practice("mbs-fb", "America/Chicago");
            List<CSVRecord> rows = CsvFiles.rowsByHeader(sample);
            JsonPath run = upload(practice, sample);
            assertEquals(rows.size(), run.getInt("rowsImported"), sample.toString());
            assertEquals(0, run.getInt("rowsSkipped"));
            for (CSVRecord row : rows) {
                assertStoredExactly(practice, row);
            }
        }
    }

    @Test
    void aRenamedExportIsRecognisedByItsContent() throws Exception {
        Path renamed = Files.createTempDirectory("mbs-fb").resolve("lakeside posts.csv");
        Files.copy(SAMPLES.resolve("Oct-01-2026_Oct-31-2026_1262085519327740.csv"), renamed);
        upload(data.practice("mbs-fb-renamed", "America/Chicago"), renamed);
    }

    @Test
    void aNewerExportOfTheSamePostsAddsASnapshotAndIsCountedOnce() throws Exception {
        Practice practice = data.practice("mbs-fb-again", "America/Chicago");
        upload(practice, TestData.fixture("facebook/lakeside-posts-exported-2026-09-05.csv"));
        JsonPath before = summary(practice);
        assertEquals(3, before.getInt("posts"));
        assertEquals(1200 + 2400 + 900, before.getLong("impressions"));
        assertEquals(800 + 1100 + 650, before.getLong("reach"));
        assertEquals(60 + 45 + 22, before.getLong("engagements"));
        assertEquals(33, before.getLong("clicks"), "only the link post has link clicks");

        upload(practice, TestData.fixture("facebook/lakeside-posts-exported-2026-10-05.csv"));
        JsonPath after = summary(practice);
        assertEquals(3, after.getInt("posts"), "the same posts, not new ones");
        assertEquals(1500 + 3100 + 1000, after.getLong("impressions"), "the newer figures, not the sum of both exports");
        assertEquals(950 + 1400 + 700, after.getLong("reach"));
        assertEquals(75 + 58 + 25, after.getLong("engagements"));
        assertEquals(38, after.getLong("clicks"));
        assertEquals(75 + 58 + 25, after.getLong("engagementRate.numerator"));
        assertEquals(1500 + 3100 + 1000, after.getLong("engagementRate.denominator"));

        List<StoredRows.Snapshot> snapshots = StoredRows.snapshots(dataSource, practice.id, "facebook", "7012345678901235");
        assertEquals(List.of(LocalDate.of(2026, 9, 5), LocalDate.of(2026, 10, 5)), snapshots.stream().map(s -> s.get("as_of")).toList());
        assertEquals(2400L, snapshots.get(0).get("impressions"));
        assertEquals(3100L, snapshots.get(1).get("impressions"));
        assertEquals(6900L, snapshots.get(1).get("watch_time_seconds"));
    }

    @Test
    void emptyCellsAreStoredAsNotReportedNotAsZero() throws Exception {
        Practice practice = data.practice("mbs-fb-empty", "America/Chicago");
        upload(practice, TestData.fixture("facebook/mbs-facebook-empty-cells.csv"));
        StoredRows.Snapshot blank = StoredRows.onlySnapshot(dataSource, practice.id, "facebook", "7012345678909991");
        for (String counter : List.of("impressions", "reach", "comments", "clicks", "watch_time_seconds")) {
            assertNull(blank.get(counter), counter);
        }
        assertEquals(10L, blank.get("likes"));
        assertEquals(2L, blank.get("shares"));
        assertEquals(12L, blank.get("engagements"));
        assertFalse(blank.extra().containsKey("views"), "no raw Views for an empty cell");
        assertEquals(Map.of("duration (sec)", 0L, "total clicks", 4L, "other clicks", 4L), blank.extra());

        StoredRows.Snapshot filled = StoredRows.onlySnapshot(dataSource, practice.id, "facebook", "7012345678909992");
        assertEquals(640L, filled.get("impressions"));
        assertEquals(640L, filled.extra().get("views"));
        assertNull(filled.get("clicks"));
        assertEquals(4L, filled.extra().get("matched audience targeting consumption (photo click)"));
    }

    @Test
    void aRenamedOrMissingColumnIsNamedInAWarningAndTheRestImports() throws Exception {
        Practice practice = data.practice("mbs-fb-drift", "America/Chicago");
        JsonPath run = upload(practice, TestData.fixture("facebook/mbs-facebook-column-drift.csv"));
        assertEquals(1, run.getInt("rowsImported"));
        assertEquals(List.of("unknown column kept in extra by name where they hold counts: Reactions (all types)",
                "columns missing from this meta-facebook-posts export: Reach, Reactions; their values are stored as not reported (null)"),
                run.getList("warnings.message"));
        StoredRows.Snapshot stored = StoredRows.onlySnapshot(dataSource, practice.id, "facebook", "7012345678905551");
        assertNull(stored.get("reach"));
        assertNull(stored.get("likes"));
        assertEquals(830L, stored.get("impressions"));
        assertEquals(31L, stored.get("engagements"), "Meta's own total still feeds engagements");
        assertEquals(4L, stored.get("comments"));
        assertEquals(2L, stored.get("shares"));
        assertEquals(25L, stored.extra().get("reactions (all types)"), "the renamed column is kept under its new name");
        assertEquals("Dr. Maya Okafor", stored.get("handle"));
    }

    @Test
    void anExportFromBeforeViewsKeepsItsImpressionsUnderTheirOwnName() throws Exception {
        Practice practice = data.practice("mbs-fb-2024", "America/Chicago");
        JsonPath run = upload(practice, TestData.fixture("facebook/mbs-facebook-impressions-2024.csv"));
        assertEquals(List.of(), run.getList("warnings"));
        StoredRows.Snapshot stored = StoredRows.onlySnapshot(dataSource, practice.id, "facebook", "7012345678907771");
        assertEquals(2210L, stored.get("impressions"));
        assertEquals(2210L, stored.extra().get("impressions"));
        assertFalse(stored.extra().containsKey("views"));
        assertEquals(96L, stored.get("engagements"));
    }

    private void assertStoredExactly(Practice practice, CSVRecord row) throws Exception {
        String id = row.get("Post ID");
        StoredRows.Snapshot stored = StoredRows.onlySnapshot(dataSource, practice.id, "facebook", id);
        Map<String, Long> counters = new HashMap<>();
        Map<String, Long> extra = new HashMap<>();
        for (Map.Entry<String, String> cell : row.toMap().entrySet()) {
            String column = cell.getKey().strip().toLowerCase(Locale.ROOT);
            if (NOT_COUNTERS.contains(column) || column.equals("seconds viewed")) {
                continue;
            }
            Long value = CsvFiles.countOrNull(cell.getValue());
            if (COUNTER_OF.containsKey(column)) {
                counters.put(COUNTER_OF.get(column), value);
            } else if (value != null) {
                extra.put(column, value);
            }
        }
        counters.put("impressions", CsvFiles.countOrNull(row.get("Views")));
        String seconds = row.get("Seconds viewed");
        counters.put("watch_time_seconds", seconds.isBlank() ? null : new BigDecimal(seconds).setScale(0, RoundingMode.HALF_UP).longValueExact());
        for (String counter : StoredRows.POST_COUNTERS) {
            assertEquals(counters.get(counter), stored.get(counter), id + " " + counter);
        }
        assertEquals(extra, stored.extra(), id + " extra");
        assertEquals(LocalDateTime.parse(row.get("Publish time"), PUBLISHED).atZone(practice.zone()).toInstant(), stored.get("published_at"));
        String title = row.get("Title");
        String description = row.get("Description");
        String caption = title.length() >= description.length() ? title : description;
        assertEquals(Normalizer.normalize(caption, Normalizer.Form.NFKC), stored.get("text"), id);
        assertEquals(POST_TYPES.get(row.get("Post type")), stored.get("post_type"));
        assertEquals(row.get("Permalink"), stored.get("permalink"));
        assertEquals(row.get("Page name"), stored.get("handle"));
    }

    private JsonPath upload(Practice practice, Path file) {
        String owner = data.user("mbs-fb-owner", Role.OWNER, practice);
        return TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                .then().statusCode(200)
                .body("status", equalTo("IMPORTED"))
                .body("format", equalTo(FORMAT))
                .body("rowsRejected", equalTo(0))
                .extract().jsonPath();
    }

    private JsonPath summary(Practice practice) {
        String owner = data.user("mbs-fb-reader", Role.OWNER, practice);
        return TestData.as(owner).get("/api/metrics/summary?practice=" + practice.slug + "&from=2026-08-01&to=2026-08-31&platform=facebook")
                .then().statusCode(200).body("platform", equalTo("facebook")).extract().jsonPath();
    }
}
