package org.practicepulse.ingest.format;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Issue 11: the generic CSVs for platforms without an export, and their templates. */
@QuarkusTest
class GenericCsvImportTest {

    private static final Path SAMPLES = Path.of("import-samples", "lakeside-family-medicine", "generic");

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    private JsonPath upload(String user, Practice practice, Path file) {
        return TestData.upload(user, practice, file);
    }

    @Test
    void threadsAndDoximityPostsShowUpInSummaryWeeksAndPlatformLists() {
        Practice practice = data.practice("generic", "America/Chicago");
        String owner = data.user("generic-owner", Role.OWNER, practice);
        JsonPath run = upload(owner, practice, SAMPLES.resolve("threads-and-doximity-posts.csv"));
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("generic-posts", run.getString("format"));
        assertEquals(6, run.getInt("rowsImported"));

        TestData.as(owner).get("/api/metrics/platforms?practice=" + practice.slug).then().statusCode(200)
                .body("$", hasItems("threads", "doximity", "x"));
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-10-31")
                .queryParam("platform", "threads").get("/api/metrics/summary").then().statusCode(200)
                .body("posts", equalTo(4)).body("impressions", equalTo(1840 + 2260 + 960 + 1120))
                .body("reach", equalTo(1210 + 1580 + 740)) // the fourth post's reach is unknown, not zero
                .body("engagements", equalTo((64 + 7 + 9 + 3) + (88 + 12 + 21 + 14) + (41 + 3 + 4 + 6) + (37 + 2)));
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-10-31")
                .queryParam("platform", "Doximity").get("/api/metrics/summary").then().statusCode(200)
                .body("posts", equalTo(2)).body("impressions", nullValue()).body("clicks", equalTo(37))
                .body("engagements", equalTo(18 + 6 + 4 + 22 + 11 + 9 + 2 + 15));
        // 2026-09-14T12:00Z is Monday Sep 14 in Chicago: week 38
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-09-14").queryParam("to", "2026-09-27")
                .get("/api/metrics/weekly").then().statusCode(200)
                .body("weeks[0].byPlatform.doximity.posts", equalTo(1))
                .body("weeks[1].byPlatform.threads.posts", equalTo(1))
                .body("weeks[1].byPlatform.threads.impressions", equalTo(2260));
    }

    @Test
    void badRowsAreRejectedByLineAndUnknownColumnsWarned() throws Exception {
        Practice practice = data.practice("generic-bad", "UTC");
        String owner = data.user("generic-bad-owner", Role.OWNER, practice);
        JsonPath run = upload(owner, practice, TestData.fixture("generic/posts-with-problems.csv"));
        assertEquals("PARTIAL", run.getString("status"));
        assertEquals(2, run.getInt("rowsImported"));
        assertEquals(List.of(3, 4, 5, 6, 7), run.getList("errors.line", Integer.class));
        assertEquals("unknown column ignored: mood", run.getString("warnings[0].message"));
        assertEquals("platform is empty", run.getString("errors[1].message"));
        assertEquals("likes: -3 is negative", run.getString("errors[3].message"));
        try (var c = dataSource.getConnection(); var st = c.prepareStatement("""
                select p.external_id, p.platform, p.published_at, s.impressions, s.likes from post p
                join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                where p.practice_id = ? order by p.external_id""")) {
            st.setLong(1, practice.id);
            try (var rs = st.executeQuery()) {
                rs.next();
                assertEquals("pin-1", rs.getString(1));
                assertEquals("pinterest", rs.getString(2));
                assertEquals(1200L, rs.getLong(4));
                rs.next();
                assertEquals("pin-7", rs.getString(1));
                assertEquals(java.time.Instant.parse("2026-09-07T08:00:00Z"), rs.getTimestamp(3).toInstant());
                rs.getLong(4);
                assertEquals(true, rs.wasNull(), "N/A is unknown, not zero");
            }
        }
    }

    @Test
    void accountDaysAndTrafficImportWithPlatformAttribution() throws Exception {
        Practice practice = data.practice("generic-days", "America/Chicago");
        String owner = data.user("generic-days-owner", Role.OWNER, practice);
        assertEquals("generic-account-days", upload(owner, practice, SAMPLES.resolve("threads-followers.csv")).getString("format"));
        assertEquals("generic-traffic", upload(owner, practice, TestData.fixture("generic/traffic.csv")).getString("format"));
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-10-31")
                .queryParam("platform", "threads").get("/api/metrics/summary").then().statusCode(200)
                .body("followers", equalTo(1351 + 702)).body("followersGained", equalTo((1351 - 1204) + (702 - 640)))
                .body("followerGrowthRate.denominator", equalTo(1204 + 640))
                .body("sessions", equalTo(42)).body("conversions", equalTo(3));
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(
                "select source, coalesce(platform, '-') from web_traffic_daily where practice_id = ? order by day, source")) {
            st.setLong(1, practice.id);
            StringBuilder rows = new StringBuilder();
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.append(rs.getString(1)).append('=').append(rs.getString(2)).append(' ');
                }
            }
            assertEquals("google=- threads.net=threads doximity.com=doximity newsletter=- ", rows.toString());
        }
    }

    @Test
    void templatesAreTheImportersOwnColumns() throws Exception {
        Practice practice = data.practice("generic-tpl", "UTC");
        String owner = data.user("generic-tpl-owner", Role.OWNER, practice);
        String posts = TestData.as(owner).get("/api/imports/templates/posts.csv").then().statusCode(200)
                .header("Content-Disposition", containsString("practice-pulse-posts.csv")).extract().asString();
        assertEquals("platform,account,post_id,published_at,text,permalink,impressions,reach,likes,comments,shares,saves,clicks,video_views,follows,as_of\r\n", posts);
        assertEquals("platform,account,date,followers,profile_visits,website_clicks\r\n",
                TestData.as(owner).get("/api/imports/templates/accounts.csv").then().statusCode(200).extract().asString());
        assertEquals("date,source,medium,sessions,conversions\r\n",
                TestData.as(owner).get("/api/imports/templates/traffic.csv").then().statusCode(200).extract().asString());
        TestData.as(owner).get("/api/imports/templates/other.csv").then().statusCode(404);
        given().get("/api/imports/templates/posts.csv").then().statusCode(401);

        // A template with one filled row imports as its own format.
        Path filled = Files.createTempFile("from-template", ".csv");
        Files.writeString(filled, posts + "Sermo,,s-1,2026-09-01,,,100,,5,,,,,,,\r\n");
        JsonPath run = upload(owner, practice, filled);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals(List.of(), run.getList("warnings"));
        TestData.as(owner).get("/api/metrics/platforms?practice=" + practice.slug).then().body("$", hasItems("sermo"));
        TestData.as(owner).get("/api/imports?practice=" + practice.slug).then().body("format", contains("generic-posts"));
    }
}
