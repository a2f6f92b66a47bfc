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
