package org.practicepulse.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The X exports other than the legacy per-tweet one: the legacy daily file, and the content,
 * overview and video overview downloads of x.com/i/account_analytics. Every value of every row.
 */
@QuarkusTest
class XAccountAnalyticsImportTest {

    private static final Path SAMPLES = Path.of("import-samples", "lakeside-family-medicine", "x");
    private static final Path CONTENT_SAMPLE = SAMPLES.resolve("account_analytics_content_2026-09-01_2026-11-18.csv");
    private static final Path OVERVIEW_SAMPLE = SAMPLES.resolve("LakesideFamMed_account_overview_analytics.csv");
    private static final DateTimeFormatter X_DAY = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.US);

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

    private static List<CSVRecord> rowsOf(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static Long count(String cell) {
        return cell == null || cell.isEmpty() || "-".equals(cell) ? null : new BigDecimal(cell).longValueExact();
    }

    private Map<LocalDate, Map<String, Object>> accountDays(String handle) throws Exception {
        Map<LocalDate, Map<String, Object>> days = new HashMap<>();
        for (Map<String, Object> row : StoredRows.query(dataSource, """
                select d.*, d.extra::text as extra_json from account_daily_metric d
                join social_account a on a.practice_id = d.practice_id and a.id = d.account_id
                where d.practice_id = ? and a.platform = 'x' and a.handle = ?
                """, practice.id, handle)) {
            days.put(((java.sql.Date) row.get("day")).toLocalDate(), row);
        }
        return days;
    }

    private Long extra(Map<String, Object> row, String key) throws Exception {
        String json = (String) row.get("extra_json");
        if (json == null) {
            return null;
        }
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get(key);
        return node == null ? null : node.longValue();
    }

    // ---- legacy daily -------------------------------------------------------------------------

    @Test
    void theRealLegacyDailyExportImportsEveryDayExactlyUnderAnUnknownHandle() throws Exception {
        Path file = TestData.realExport("x-daily-tweet-activity-2021-08.csv");
        newPractice("x-daily-real");
        List<CSVRecord> rows = rowsOf(file);

        JsonPath run = upload(file);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("x-tweet-activity-daily", run.getString("format"));
        assertEquals(rows.size(), run.getInt("rowsImported"));
        assertEquals(0, run.getInt("rowsRejected"));
        assertEquals(31, rows.size());
        assertTrue(warnings(run).contains("stored under the account 'unknown'"), warnings(run));

        Map<LocalDate, Map<String, Object>> days = accountDays("unknown");
        assertEquals(rows.size(), days.size());
        for (CSVRecord row : rows) {
            Map<String, Object> day = days.get(LocalDate.parse(row.get("Date")));
            String at = row.get("Date");
            assertEquals(count(row.get("impressions")), day.get("impressions"), at);
            assertEquals(count(row.get("engagements")), day.get("engagements"), at);
            assertEquals(count(row.get("Tweets published")).intValue(), day.get("posts_published"), at);
            assertEquals(count(row.get("user profile clicks")), day.get("profile_visits"), at);
            assertEquals(count(row.get("url clicks")), extra(day, "url clicks"), at);
            assertEquals(count(row.get("follows")), extra(day, "follows"), at);
            assertEquals(count(row.get("likes")), extra(day, "likes"), at);
            assertEquals(count(row.get("retweets")), extra(day, "retweets"), at);
            assertEquals(count(row.get("replies")), extra(day, "replies"), at);
            assertEquals(count(row.get("detail expands")), extra(day, "detail expands"), at);
            assertEquals(count(row.get("media views")), extra(day, "media views"), at);
            assertEquals(count(row.get("promoted impressions")), extra(day, "promoted impressions"), at);
            assertNull(day.get("reach"), "X reports no reach");
            assertNull(day.get("follows_gained"), "tweet follows are not every new follower");
            assertNull(extra(day, "engagement rate"), "rates are derived, not stored");
        }
    }

    @Test
    void theLegacyDailyFileNamesItsAccountAndPromotedFiguresAreKept() throws Exception {
        newPractice("x-daily");
        JsonPath run = upload(TestData.fixture("x/daily_tweet_activity_metrics_FixtureClinic_20260901_20261001_en.csv"));
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals(3, run.getInt("rowsImported"));
        assertEquals(List.of(), run.getList("warnings"));

        Map<String, Object> third = accountDays("FixtureClinic").get(LocalDate.of(2026, 9, 3));
        assertEquals(2210L, third.get("impressions"));
        assertEquals(95L, third.get("engagements"));
        assertEquals(1, third.get("posts_published"));
        assertEquals(12L, third.get("profile_visits"));
        assertEquals(900L, extra(third, "promoted impressions"));
        assertEquals(12L, extra(third, "promoted likes"));
        assertNull(extra(accountDays("FixtureClinic").get(LocalDate.of(2026, 9, 2)), "promoted impressions"), "'-' is not 0");
    }

    // ---- content ------------------------------------------------------------------------------

    @Test
    void theRealContentExportImportsEveryPostExactly() throws Exception {
        contentImportsExactly(TestData.realExport("x-account-analytics-content.csv"), "MauroJPelle");
    }

    @Test
    void ourContentSampleImportsEveryPostExactly() throws Exception {
        contentImportsExactly(CONTENT_SAMPLE, "LakesideFamMed");
    }

    private void contentImportsExactly(Path file, String handle) throws Exception {
        newPractice("x-content");
        List<CSVRecord> rows = rowsOf(file);
        JsonPath run = upload(file);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("x-analytics-content", run.getString("format"));
        assertEquals(rows.size(), run.getInt("rowsRead"));
        assertEquals(rows.size(), run.getInt("rowsImported"));
        assertEquals(0, run.getInt("rowsRejected"));

        for (CSVRecord row : rows) {
            String id = row.get("Post id");
            List<Map<String, Object>> stored = StoredRows.query(dataSource, """
                    select p.*, a.handle, s.*, s.extra::text as extra_json from post p
                    join social_account a on a.practice_id = p.practice_id and a.id = p.account_id
                    join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                    where p.practice_id = ? and p.platform = 'x' and p.external_id = ?
                    """, practice.id, id);
            assertEquals(1, stored.size(), id);
            Map<String, Object> post = stored.get(0);
            LocalDate day = LocalDate.parse(row.get("Date"), X_DAY);
            assertEquals(day.atStartOfDay(ZoneId.of("America/Chicago")).toInstant(), ((Timestamp) post.get("published_at")).toInstant(), id);
            assertEquals(handle, post.get("handle"));
            assertEquals(row.get("Post Link"), post.get("permalink"));
            assertEquals(StringEscapeUtils.unescapeHtml4(row.get("Post text")), post.get("text"));
            assertEquals(count(row.get("Impressions")), post.get("impressions"), id);
            assertEquals(count(row.get("Likes")), post.get("likes"), id);
            assertEquals(count(row.get("Engagements")), post.get("engagements"), id);
            assertEquals(count(row.get("Bookmarks")), post.get("saves"), id);
            assertEquals(count(row.get("Reposts")), post.get("shares"), id);
            assertEquals(count(row.get("Replies")), post.get("comments"), id);
            assertEquals(count(row.get("URL Clicks")), post.get("clicks"), id);
            assertEquals(count(row.get("New follows")), post.get("follows"), id);
            assertEquals(count(row.get("Profile visits")), post.get("profile_clicks"), id);
            assertEquals(count(row.get("Shares")), extra(post, "shares"), id);
            assertEquals(count(row.get("Detail Expands")), extra(post, "detail expands"), id);
            assertEquals(count(row.get("Hashtag Clicks")), extra(post, "hashtag clicks"), id);
            assertEquals(count(row.get("Permalink Clicks")), extra(post, "permalink clicks"), id);
            assertNull(post.get("reach"));
        }
    }

    @Test
    void aContentPostIsPublishedAtTheStartOfItsDayInThePracticeZone() throws Exception {
        newPractice("x-content-day");
        upload(CONTENT_SAMPLE);
        // Tweeted 2026-10-01 00:30 UTC, which is Sep 30 in Chicago: the export says "Wed, Sep 30, 2026".
        Map<String, Object> post = StoredRows.query(dataSource, "select published_at from post where practice_id = ? and external_id = ?",
                practice.id, "2105455292313366528").get(0);
        assertEquals(java.time.Instant.parse("2026-09-30T05:00:00Z"), ((Timestamp) post.get("published_at")).toInstant());
        assertEquals(LocalDate.of(2026, 11, 18), ((java.sql.Date) StoredRows.query(dataSource,
                "select as_of from post_metric_snapshot where practice_id = ? limit 1", practice.id).get(0).get("as_of")).toLocalDate(),
                "counters are as of the last date in the file name");
    }

    @Test
    void theContentExportAddsANewerSnapshotToPostsKnownFromTheLegacyExport() throws Exception {
        newPractice("x-content-legacy");
        upload(SAMPLES.resolve("tweet_activity_metrics_LakesideFamMed_20260901_20261001_en.csv"));
        upload(CONTENT_SAMPLE);
        List<Map<String, Object>> snapshots = StoredRows.query(dataSource, """
                select s.as_of, s.impressions from post p join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                where p.practice_id = ? and p.external_id = '2104949350002900992' order by s.as_of
                """, practice.id);
        assertEquals(2, snapshots.size());
        assertEquals(3685L, snapshots.get(0).get("impressions"));
        assertEquals(LocalDate.of(2026, 10, 1), ((java.sql.Date) snapshots.get(0).get("as_of")).toLocalDate());
        assertEquals(LocalDate.of(2026, 11, 18), ((java.sql.Date) snapshots.get(1).get("as_of")).toLocalDate());
        assertTrue((Long) snapshots.get(1).get("impressions") >= 3685L);
        assertEquals(1L, StoredRows.query(dataSource, "select count(*) as n from social_account where practice_id = ?", practice.id)
                .get(0).get("n"), "one account, whichever export named it");
    }

    // ---- overview -----------------------------------------------------------------------------

    @Test
    void ourOverviewSampleImportsEveryDayExactlyForTheHandleInItsName() throws Exception {
        newPractice("x-overview");
        List<CSVRecord> rows = rowsOf(OVERVIEW_SAMPLE);
        JsonPath run = upload(OVERVIEW_SAMPLE);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("x-analytics-overview", run.getString("format"));
        assertEquals(rows.size(), run.getInt("rowsImported"));
        assertEquals(0, run.getInt("rowsRejected"));
        assertEquals(List.of(), run.getList("warnings"));

        Map<LocalDate, Map<String, Object>> days = accountDays("LakesideFamMed");
        assertEquals(79, days.size());
        for (CSVRecord row : rows) {
            String at = row.get("Date");
            Map<String, Object> day = days.get(LocalDate.parse(at, X_DAY));
            assertEquals(count(row.get("Impressions")), day.get("impressions"), at);
            assertEquals(count(row.get("Engagements")), day.get("engagements"), at);
            assertEquals(count(row.get("New follows")), day.get("follows_gained"), at);
            assertEquals(count(row.get("Unfollows")), day.get("unfollows"), at);
            assertEquals(count(row.get("Profile visits")), day.get("profile_visits"), at);
            assertEquals(count(row.get("Create Post")).intValue(), day.get("posts_published"), at);
            assertEquals(count(row.get("Video views")), day.get("video_views"), at);
            assertEquals(count(row.get("Likes")), extra(day, "likes"), at);
            assertEquals(count(row.get("Bookmarks")), extra(day, "bookmarks"), at);
            assertEquals(count(row.get("Shares")), extra(day, "shares"), at);
            assertEquals(count(row.get("Replies")), extra(day, "replies"), at);
            assertEquals(count(row.get("Reposts")), extra(day, "reposts"), at);
            assertEquals(count(row.get("Media views")), extra(day, "media views"), at);
            assertNull(day.get("reach"));
            assertNull(day.get("followers"));
        }
    }

    @Test
    void anOlderOverviewWithoutItsLastThreeColumnsAndWithoutAHandleImportsUnderUnknown() throws Exception {
        newPractice("x-overview-old");
        JsonPath run = upload(TestData.fixture("x/account_overview_analytics.csv"));
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("x-analytics-overview", run.getString("format"));
        assertEquals(3, run.getInt("rowsImported"));
        assertTrue(warnings(run).contains("<handle>_account_overview_analytics.csv"), warnings(run));

        Map<LocalDate, Map<String, Object>> days = accountDays("unknown");
        Map<String, Object> monday = days.get(LocalDate.of(2024, 3, 4));
        assertEquals(2310L, monday.get("impressions"));
        assertEquals(131L, monday.get("engagements"));
        assertEquals(11L, monday.get("follows_gained"));
        assertEquals(2L, monday.get("unfollows"));
        assertEquals(25L, monday.get("profile_visits"));
        assertNull(monday.get("posts_published"), "older downloads have no Create Post");
        assertNull(monday.get("video_views"), "older downloads have no Video views");
        assertNull(extra(days.get(LocalDate.of(2024, 3, 5)), "likes"), "an empty cell is not 0");
        assertEquals(31L, extra(days.get(LocalDate.of(2024, 3, 6)), "likes"));
    }

    @Test
    void theVideoOverviewTitleRowIsNotARowAndWatchTimeIsStoredInSeconds() throws Exception {
        newPractice("x-video");
        JsonPath run = upload(TestData.fixture("x/FixtureClinic_video_overview.csv"));
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("x-analytics-video-overview", run.getString("format"));
        assertEquals(3, run.getInt("rowsRead"));
        assertEquals(3, run.getInt("rowsImported"));

        Map<LocalDate, Map<String, Object>> days = accountDays("FixtureClinic");
        assertEquals(312L, days.get(LocalDate.of(2026, 10, 6)).get("video_views"));
        assertEquals(2846L, days.get(LocalDate.of(2026, 10, 6)).get("watch_time_seconds"), "2,845,500 ms, rounded half up");
        assertEquals(1045L, days.get(LocalDate.of(2026, 10, 5)).get("video_views"));
        assertEquals(9871L, days.get(LocalDate.of(2026, 10, 5)).get("watch_time_seconds"));
        assertEquals(0L, days.get(LocalDate.of(2026, 10, 4)).get("video_views"));
        assertNull(days.get(LocalDate.of(2026, 10, 4)).get("impressions"));
    }

    @Test
    void theOverviewAndTheVideoOverviewFillOneAccountDay() throws Exception {
        newPractice("x-overview-video");
        Path dir = Files.createTempDirectory("x-video");
        Path video = Files.writeString(dir.resolve("LakesideFamMed_video_overview.csv"), """
                Video overview,,,,,
                Date,Views,Watch Time (ms),Completion Rate,Average Watch Time (ms),Estimated Revenue
                "Sun, Nov 15, 2026",0,0,0,0,0
                "Mon, Nov 16, 2026",9,61000,0.3,6777,0
                """);
        upload(OVERVIEW_SAMPLE);
        upload(video);
        Map<String, Object> day = accountDays("LakesideFamMed").get(LocalDate.of(2026, 11, 16));
        assertEquals(517L, day.get("impressions"), "the overview's figure stays");
        assertEquals(9L, day.get("video_views"));
        assertEquals(61L, day.get("watch_time_seconds"));
    }

    // ---- detection and re-import ---------------------------------------------------------------

    @Test
    void everyXExportIsRecognisedByItsContentUnderAnyName(@TempDir Path dir) throws Exception {
        newPractice("x-renamed");
        Map<Path, String> expected = Map.of(
                CONTENT_SAMPLE, "x-analytics-content",
                OVERVIEW_SAMPLE, "x-analytics-overview",
                TestData.fixture("x/FixtureClinic_video_overview.csv"), "x-analytics-video-overview",
                TestData.fixture("x/daily_tweet_activity_metrics_FixtureClinic_20260901_20261001_en.csv"), "x-tweet-activity-daily",
                SAMPLES.resolve("tweet_activity_metrics_DrMayaOkafor_20260901_20261001_en.csv"), "x-tweet-activity");
        int n = 0;
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            Path renamed = Files.copy(e.getKey(), dir.resolve("download (" + ++n + ").csv"));
            JsonPath run = upload(renamed);
            assertEquals(e.getValue(), run.getString("format"), e.getKey().toString());
            assertEquals(0, run.getInt("rowsRejected"), e.getKey().toString());
        }
        // Renamed, the files that name no account in their rows go to 'unknown', and say so.
        assertEquals(List.of("DrMayaOkafor", "LakesideFamMed", "unknown"),
                StoredRows.query(dataSource, "select handle from social_account where practice_id = ? order by handle", practice.id)
                        .stream().map(r -> (String) r.get("handle")).sorted().toList());
    }

    @Test
    void reimportingTheContentAndOverviewChangesNothing(@TempDir Path dir) throws Exception {
        newPractice("x-reimport");
        upload(CONTENT_SAMPLE);
        upload(OVERVIEW_SAMPLE);
        List<String> before = StoredRows.everythingOf(dataSource, practice.id);
        assertEquals("SKIPPED", upload(CONTENT_SAMPLE).getString("status"));

        // The same rows in other bytes (a trailing blank line) are imported again, and change nothing.
        for (Path sample : List.of(CONTENT_SAMPLE, OVERVIEW_SAMPLE)) {
            Path copy = Files.copy(sample, dir.resolve(sample.getFileName()));
            Files.writeString(copy, "\n", StandardOpenOption.APPEND);
            JsonPath again = upload(copy);
            assertEquals("IMPORTED", again.getString("status"));
            assertEquals(0, again.getInt("rowsRejected"));
        }
        assertEquals(before, StoredRows.everythingOf(dataSource, practice.id));
    }

    @Test
    void aWrongWeekdayOrAnUnreadableDateRejectsOnlyThatRow(@TempDir Path dir) throws Exception {
        newPractice("x-bad-day");
        Path file = Files.writeString(dir.resolve("FixtureClinic_account_overview_analytics.csv"), """
                Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits
                "Tue, Oct 6, 2026",100,1,5,0,0,1,0,0,0,2
                "Mon, Oct 6, 2026",100,1,5,0,0,1,0,0,0,2
                "Oct 32, 2026",100,1,5,0,0,1,0,0,0,2
                """);
        TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug).then()
                .statusCode(200)
                .body("status", equalTo("PARTIAL"))
                .body("rowsImported", equalTo(1))
                .body("rowsRejected", equalTo(2))
                .body("errors.line", equalTo(List.of(3, 4)))
                .body("errors.message", hasItem(containsString("is not a day like")));
    }
}
