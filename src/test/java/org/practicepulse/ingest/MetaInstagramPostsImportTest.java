package org.practicepulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
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

/** Meta Business Suite content exports of Instagram accounts: post types, saves, follows, and no clicks. */
@QuarkusTest
class MetaInstagramPostsImportTest {

    private static final String FORMAT = "meta-instagram-posts";
    private static final Path SAMPLES = Path.of("import-samples", "lakeside-family-medicine", "instagram");
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");
    private static final Map<String, String> POST_TYPES = Map.of("IG image", "photo", "IG carousel", "carousel",
            "IG reel", "reel", "IG video", "video", "IG story", "story");

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
        assertEquals(3, samples.size(), "the practice's account (two exports) and Dr. Okafor's");
        for (Path sample : samples) {
            Practice practice = data.practice("mbs-ig", "America/Chicago");
            List<CSVRecord> rows = CsvFiles.rowsByHeader(sample);
            JsonPath run = upload(practice, sample);
            assertEquals(rows.size(), run.getInt("rowsImported"), sample.toString());
            assertEquals(List.of(), run.getList("warnings"));
            for (CSVRecord row : rows) {
                String id = row.get("Post ID");
                StoredRows.Snapshot stored = StoredRows.onlySnapshot(dataSource, practice.id, "instagram", id);
                Long likes = CsvFiles.countOrNull(row.get("Likes"));
                Long comments = CsvFiles.countOrNull(row.get("Comments"));
                Long shares = CsvFiles.countOrNull(row.get("Shares"));
                Long saves = CsvFiles.countOrNull(row.get("Saves"));
                Map<String, Long> expected = new HashMap<>();
                expected.put("impressions", CsvFiles.countOrNull(row.get("Views")));
                expected.put("reach", CsvFiles.countOrNull(row.get("Reach")));
                expected.put("engagements", CsvFiles.sumOfReported(likes, comments, shares, saves));
                expected.put("likes", likes);
                expected.put("comments", comments);
                expected.put("shares", shares);
                expected.put("saves", saves);
                expected.put("follows", CsvFiles.countOrNull(row.get("Follows")));
                for (String counter : StoredRows.POST_COUNTERS) {
                    assertEquals(expected.get(counter), stored.get(counter), id + " " + counter);
                }
                assertNull(stored.get("clicks"), "Instagram reports no clicks per post");
                assertEquals(Map.of("views", Long.valueOf(row.get("Views")), "duration (sec)", Long.valueOf(row.get("Duration (sec)"))),
                        stored.extra());
                assertEquals(LocalDateTime.parse(row.get("Publish time"), PUBLISHED).atZone(practice.zone()).toInstant(),
                        stored.get("published_at"));
                assertEquals(Normalizer.normalize(row.get("Description"), Normalizer.Form.NFKC), stored.get("text"));
                assertEquals(POST_TYPES.get(row.get("Post type")), stored.get("post_type"));
                assertEquals(row.get("Permalink"), stored.get("permalink"));
                assertEquals(row.get("Account username"), stored.get("handle"));
            }
        }
    }

    @Test
    void aRenamedExportIsRecognisedByItsContent() throws Exception {
        Path renamed = Files.createTempDirectory("mbs-ig").resolve("instagram.csv");
        Files.copy(SAMPLES.resolve("Aug-01-2026_Nov-15-2026_1316678015524096.csv"), renamed);
        upload(data.practice("mbs-ig-renamed", "America/Chicago"), renamed);
    }

    @Test
    void anExportFromBeforeViewsKeepsImpressionsPlaysAndProfileVisits() throws Exception {
        Practice practice = data.practice("mbs-ig-2024", "America/Chicago");
        upload(practice, TestData.fixture("instagram/mbs-instagram-impressions-2024.csv"));
        StoredRows.Snapshot reel = StoredRows.onlySnapshot(dataSource, practice.id, "instagram", "17960320052859140");
        assertEquals(2980L, reel.get("impressions"));
        assertEquals(Map.of("impressions", 2980L, "plays", 3311L, "duration (sec)", 44L), reel.extra());
        assertEquals(17L, reel.get("profile_clicks"));
        assertEquals(120L + 7 + 22 + 15, reel.get("engagements"));
        assertEquals("reel", reel.get("post_type"));
        StoredRows.Snapshot carousel = StoredRows.onlySnapshot(dataSource, practice.id, "instagram", "17960320052859139");
        assertFalse(carousel.extra().containsKey("plays"), "an empty Plays cell is not reported");
        assertEquals("carousel", carousel.get("post_type"));
    }

    private JsonPath upload(Practice practice, Path file) {
        String owner = data.user("mbs-ig-owner", Role.OWNER, practice);
        return TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                .then().statusCode(200)
                .body("status", equalTo("IMPORTED"))
                .body("format", equalTo(FORMAT))
                .body("rowsRejected", equalTo(0))
                .extract().jsonPath();
    }
}
