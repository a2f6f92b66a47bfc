package org.practicepulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The legacy X per-tweet export: every row and every counter of the real files, time as UTC. */
@QuarkusTest
class XTweetActivityImportTest {

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    @Test
    void theRealAugust2021ExportImportsExactly() throws Exception {
        importsExactly(TestData.realExport("x-tweet-activity-2021-08.csv"));
    }

    @Test
    void theRealHealthAccountExportImportsExactly() throws Exception {
        importsExactly(TestData.realExport("x-tweet-activity-health-account.csv"));
    }

    @Test
    void everyOneOfOurSamplesImportsWithoutRejects() throws Exception {
        try (var files = Files.list(Path.of("import-samples", "lakeside-family-medicine", "x"))) {
            // The folder also holds the new x.com downloads, which XAccountAnalyticsImportTest covers.
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tweet_activity_metrics_")).sorted().toList()) {
                importsExactly(file);
            }
        }
    }

    /** Issue 3, point 3: numbers typed or re-saved by hand, placeholders, a mangled id, and a UTC time near midnight. */
    @Test
    void handTypedNumbersAndPlaceholdersAreReadAndAMangledIdIsKeptWithAWarning() throws Exception {
        Practice practice = data.practice("x-forms", "America/Chicago");
        String owner = data.user("x-forms-owner", Role.OWNER, practice);
        Path file = Files.createTempDirectory("x-forms").resolve("tweet_activity_metrics_LakesideFamMed_20260901_20261001_en.csv");
        Files.writeString(file, """
                "Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes","user profile clicks","url clicks","follows"
                "2094155749986631684","https://twitter.com/LakesideFamMed/status/2094155749986631684","Late-night post","2026-09-01 03:30 +0000","1,204","1.2K","0.99","--","NA","","-","N/A","3.0"
                "2.09415574998663E+18","https://twitter.com/LakesideFamMed/status/2094155749986631685","Re-saved in a spreadsheet","2026-09-02 15:00 +0000","89.0","5","0.05","1","0","4","0","0","0"
                """);
        var run = TestData.upload(owner, practice, file);
        assertEquals("IMPORTED", run.getString("status"), run.prettify());
        assertEquals(2, run.getInt("rowsImported"));
        assertEquals(List.of("Tweet id '2.09415574998663E+18' is in scientific notation (the file went through a spreadsheet); digits may be lost"),
                run.getList("warnings.message").stream().filter(w -> w.toString().contains("scientific")).toList());

        Map<String, Object> typed = stored(practice.id, "2094155749986631684");
        assertEquals(1204L, typed.get("impressions"), "thousands separator");
        assertEquals(1200L, typed.get("engagements"), "1.2K typed by hand");
        for (String placeholder : List.of("shares", "comments", "likes", "profile_clicks", "clicks")) {
            assertNull(typed.get(placeholder), placeholder + ": --, NA, an empty cell, - and N/A are not reported, not 0");
        }
        assertEquals(3L, typed.get("follows"), "\"3.0\"");
        assertEquals(java.time.Instant.parse("2026-09-01T03:30:00Z"), typed.get("published_at"));
        Map<String, Object> mangled = stored(practice.id, "2.09415574998663E+18");
        assertEquals(89L, mangled.get("impressions"), "\"89.0\"");

        // 03:30 UTC on Sep 1 is the evening of Aug 31 in Chicago: the post counts on the practice's day
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-08-31").queryParam("to", "2026-08-31")
                .get("/api/metrics/summary").then().statusCode(200).body("posts", equalTo(1)).body("impressions", equalTo(1204));
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-09-01")
                .get("/api/metrics/summary").then().statusCode(200).body("posts", equalTo(0));
    }

    /** Issue 3, point 4: an overlapping newer export adds a snapshot to the posts it has and leaves the others alone. */
    @Test
    void anOverlappingNewerExportAddsSnapshotsOnlyToItsOwnPostsAndNeverDoubleCounts() throws Exception {
        Practice practice = data.practice("x-overlap", "America/Chicago");
        String owner = data.user("x-overlap-owner", Role.OWNER, practice);
        Path folder = Files.createTempDirectory("x-overlap");
        String header = "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"engagements\",\"retweets\",\"replies\",\"likes\"\n";
        String a = "\"2100000000000000001\",\"https://twitter.com/LakesideFamMed/status/2100000000000000001\",\"A\",\"2026-09-10 15:00 +0000\",";
        String b = "\"2100000000000000002\",\"https://twitter.com/LakesideFamMed/status/2100000000000000002\",\"B\",\"2026-09-20 15:00 +0000\",";
        String c = "\"2100000000000000003\",\"https://twitter.com/LakesideFamMed/status/2100000000000000003\",\"C\",\"2026-10-05 15:00 +0000\",";
        Path september = folder.resolve("tweet_activity_metrics_LakesideFamMed_20260901_20261001_en.csv");
        Files.writeString(september, header + a + "\"100\",\"10\",\"1\",\"1\",\"5\"\n" + b + "\"200\",\"20\",\"2\",\"2\",\"9\"\n");
        Path overlapping = folder.resolve("tweet_activity_metrics_LakesideFamMed_20260915_20261015_en.csv");
        Files.writeString(overlapping, header + b + "\"260\",\"26\",\"3\",\"2\",\"12\"\n" + c + "\"50\",\"4\",\"0\",\"1\",\"2\"\n");
        TestData.upload(owner, practice, september);
        List<String> beforeA = snapshotsOf(practice.id, "2100000000000000001");
        TestData.upload(owner, practice, overlapping);

        assertEquals(beforeA, snapshotsOf(practice.id, "2100000000000000001"), "a post the newer export does not have is untouched");
        assertEquals(List.of("2026-10-01 200 20", "2026-10-15 260 26"), snapshotsOf(practice.id, "2100000000000000002"),
                "the shared post keeps its history and gains a snapshot as of the newer export");
        assertEquals(List.of("2026-10-15 50 4"), snapshotsOf(practice.id, "2100000000000000003"));
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-10-31")
                .get("/api/metrics/summary").then().statusCode(200)
                .body("posts", equalTo(3))
                .body("impressions", equalTo(100 + 260 + 50)) // each post once, with its latest snapshot
                .body("engagements", equalTo(10 + 26 + 4));
    }

    private List<String> snapshotsOf(long practiceId, String tweetId) {
        return org.practicepulse.support.StoredRows.of(dataSource, """
                select s.as_of, s.impressions, s.engagements from post p
                join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                where p.practice_id = ? and p.external_id = ? order by s.as_of
                """, practiceId, tweetId).stream().map(r -> r.get("as_of") + " " + r.get("impressions") + " " + r.get("engagements")).toList();
    }

    private void importsExactly(Path file) throws Exception {
        Practice practice = data.practice("x-real", "America/Chicago");
        String owner = data.user("x-owner", Role.OWNER, practice);
        List<CSVRecord> rows;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }

        TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                .then().statusCode(200)
                .body("status", equalTo("IMPORTED"))
                .body("format", equalTo("x-tweet-activity"))
                .body("rowsRead", equalTo(rows.size()))
                .body("rowsImported", equalTo(rows.size()))
                .body("rowsRejected", equalTo(0));

        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xx");
        for (CSVRecord row : rows) {
            Map<String, Object> stored = stored(practice.id, row.get("Tweet id"));
            assertEquals(OffsetDateTime.parse(row.get("time"), time).toInstant(), stored.get("published_at"), row.get("Tweet id"));
            assertEquals(count(row.get("impressions")), stored.get("impressions"));
            assertEquals(count(row.get("engagements")), stored.get("engagements"));
            assertEquals(count(row.get("retweets")), stored.get("shares"));
            assertEquals(count(row.get("replies")), stored.get("comments"));
            assertEquals(count(row.get("likes")), stored.get("likes"));
            assertEquals(count(row.get("url clicks")), stored.get("clicks"));
            assertEquals(count(row.get("user profile clicks")), stored.get("profile_clicks"));
            assertEquals(count(row.get("follows")), stored.get("follows"));
            assertEquals(count(row.get("hashtag clicks")), stored.get("hashtag_clicks"));
            assertEquals(count(row.get("detail expands")), stored.get("detail_expands"));
            assertEquals(count(row.get("media views")), stored.get("media_views"));
            assertEquals(count(row.get("promoted impressions")), stored.get("promoted_impressions"));
            assertNull(stored.get("reach"), "X reports no reach");
            assertEquals(row.get("Tweet permalink"), stored.get("permalink"));
        }
    }

    private static Long count(String cell) {
        return "-".equals(cell) ? null : new BigDecimal(cell).longValueExact();
    }

    private Map<String, Object> stored(long practiceId, String tweetId) throws Exception {
        String sql = """
                select p.published_at, p.permalink, s.impressions, s.engagements, s.shares, s.comments, s.likes, s.clicks,
                       s.profile_clicks, s.follows, s.reach,
                       (s.extra->>'hashtag clicks')::bigint as hashtag_clicks,
                       (s.extra->>'detail expands')::bigint as detail_expands,
                       (s.extra->>'media views')::bigint as media_views,
                       (s.extra->>'promoted impressions')::bigint as promoted_impressions
                from post p join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                where p.practice_id = ? and p.platform = 'x' and p.external_id = ?
                """;
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            st.setLong(1, practiceId);
            st.setString(2, tweetId);
            try (var rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("tweet " + tweetId + " was not stored");
                }
                Map<String, Object> values = new java.util.HashMap<>();
                values.put("published_at", rs.getTimestamp("published_at").toInstant());
                values.put("permalink", rs.getString("permalink"));
                for (String column : List.of("impressions", "engagements", "shares", "comments", "likes", "clicks", "profile_clicks",
                        "follows", "reach", "hashtag_clicks", "detail_expands", "media_views", "promoted_impressions")) {
                    long v = rs.getLong(column);
                    values.put(column, rs.wasNull() ? null : v);
                }
                if (rs.next()) {
                    throw new AssertionError("tweet " + tweetId + " has more than one snapshot");
                }
                return values;
            }
        }
    }

}
