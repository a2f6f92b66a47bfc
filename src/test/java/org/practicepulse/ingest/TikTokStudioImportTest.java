package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;
import org.practicepulse.support.Zips;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** TikTok Studio downloads: days without a year put in the right year, every figure as the file has it. */
@QuarkusTest
class TikTokStudioImportTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Path SAMPLES = Path.of("import-samples", "lakeside-family-medicine", "tiktok");
    private static final Path OVERVIEW_EN = SAMPLES.resolve("Overview_2026-08-01_1790795527_drmayaokafor.zip");
    private static final Path OVERVIEW_ES = SAMPLES.resolve("Overview_2026-09-17_1794845133_drmayaokafor.zip");
    private static final Path CONTENT = SAMPLES.resolve("Content_drmayaokafor.zip");
    private static final Path FOLLOWERS = SAMPLES.resolve("Followers_drmayaokafor.zip");
    private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH);
    private static final String HANDLE = "drmayaokafor";

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    private record Upload(Practice practice, String owner) {
    }

    private Upload newPractice(String prefix) {
        Practice practice = data.practice(prefix, CHICAGO.getId());
        return new Upload(practice, data.user(prefix + "-owner", Role.OWNER, practice));
    }

    private static JsonPath upload(Upload to, String fileName, byte[] bytes) {
        return TestData.as(to.owner()).multiPart("file", fileName, bytes).post("/api/imports?practice=" + to.practice().slug)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath upload(Upload to, Path file) throws IOException {
        return upload(to, file.getFileName().toString(), Files.readAllBytes(file));
    }

    /**
     * TikTok's CSV read independently of the importer: one row per line, every field quoted, fields
     * apart by '","' (titles keep their quotes unescaped, which an RFC 4180 parser cannot read).
     */
    private static List<Map<String, String>> records(byte[] csv) {
        List<String> lines = java.util.Arrays.stream(new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\n"))
                .filter(line -> !line.isBlank()).toList();
        List<String> header = fields(lines.get(0));
        return lines.subList(1, lines.size()).stream().map(line -> {
            List<String> values = fields(line);
            assertEquals(header.size(), values.size(), line);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            return row;
        }).toList();
    }

    private static List<String> fields(String line) {
        String inner = line.strip();
        return List.of(inner.substring(1, inner.length() - 1).split("\",\"", -1));
    }

    /** The most recent occurrence of an English "Month day" not after this day. */
    private static LocalDate mostRecent(String monthDay, LocalDate notAfter) {
        LocalDate date = MonthDay.parse(monthDay, ENGLISH_DAY).atYear(notAfter.getYear());
        return date.isAfter(notAfter) ? date.minusYears(1) : date;
    }

    @Test
    void theRealOverviewImportsEveryDayWithTheFilesValuesInTheMostRecentYear() throws Exception {
        Path file = TestData.realExport("tiktok-overview.csv");
        Upload to = newPractice("tt-real");
        JsonPath run = upload(to, file);
        List<Map<String, String>> rows = records(Files.readAllBytes(file));

        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("tiktok-overview", run.getString("format"));
        assertEquals(rows.size(), run.getInt("rowsImported"));
        assertEquals(0, run.getInt("rowsRejected"));
        assertTrue(run.getString("warnings.message").contains("stored under the account 'unknown'"), run.getString("warnings"));

        LocalDate today = LocalDate.now(CHICAGO); // a file without a date in its name is dated by its upload
        Map<LocalDate, Map<String, Object>> days = storedDays(to.practice(), "unknown");
        assertEquals(rows.size(), days.size());
        for (Map<String, String> row : rows) {
            assertOverviewDay(row, days.get(mostRecent(row.get("Date"), today)));
        }
    }

    @Test
    void theYearComesFromTheEpochInTheZipsName() throws Exception {
        Path file = TestData.realExport("tiktok-overview.csv");
        Upload to = newPractice("tt-epoch");
        // 1745020800 = 2025-04-19T00:00:00Z, the evening of 18 April in Chicago
        byte[] zip = Zips.of(Map.of("Overview.csv", Files.readAllBytes(file)), 0);
        JsonPath run = upload(to, "Overview_2025-04-12_1745020800_lakesidefm.zip", zip);
        assertEquals("zip:tiktok-overview", run.getString("format"));

        Map<LocalDate, Map<String, Object>> days = storedDays(to.practice(), "lakesidefm");
        List<Map<String, String>> rows = records(Files.readAllBytes(file));
        assertEquals(LocalDate.of(2025, 4, 12), days.keySet().iterator().next());
        for (Map<String, String> row : rows) {
            assertOverviewDay(row, days.get(MonthDay.parse(row.get("Date"), ENGLISH_DAY).atYear(2025)));
        }
    }

    @Test
    void theEnglishAndSpanishOverviewsFillAugustToNovemberOnceEach() throws Exception {
        Upload to = newPractice("tt-overview");
        JsonPath english = upload(to, OVERVIEW_EN);
        JsonPath spanish = upload(to, OVERVIEW_ES);
        assertEquals(0, english.getInt("rowsRejected") + spanish.getInt("rowsRejected"));

        Map<LocalDate, Map<String, Object>> days = storedDays(to.practice(), HANDLE);
        // The rows are consecutive days from the first day TikTok names in the zip
        List<Map<String, String>> august = records(Zips.entry(OVERVIEW_EN, "Overview.csv"));
        List<Map<String, String>> september = records(Zips.entry(OVERVIEW_ES, "Overview.csv"));
        assertEquals("17 de septiembre", september.get(0).get("Date"));
        for (int i = 0; i < august.size(); i++) {
            assertOverviewDay(august.get(i), days.get(LocalDate.of(2026, 8, 1).plusDays(i)));
        }
        for (int i = 0; i < september.size(); i++) {
            assertOverviewDay(september.get(i), days.get(LocalDate.of(2026, 9, 17).plusDays(i)));
        }
        assertEquals(LocalDate.of(2026, 11, 15), ((TreeMap<LocalDate, ?>) days).lastKey(), "the day before the export");
        assertEquals(107, days.size(), "1 August to 15 November, the overlapping days once");
    }

    @Test
    void theContentZipStoresEveryVideoWithTheUploadTimeInItsId() throws Exception {
        Upload to = newPractice("tt-content");
        JsonPath run = upload(to, CONTENT);
        List<Map<String, String>> rows = records(Zips.entry(CONTENT, "Content.csv"));
        assertEquals("zip:tiktok-content", run.getString("format"));
        assertEquals(rows.size(), run.getInt("rowsImported"));
        assertEquals(0, run.getInt("rowsRejected"));
        assertEquals(List.of(), run.getList("warnings"));

        LocalDate exported = mostRecent("November 16", LocalDate.now(CHICAGO));
        for (Map<String, String> row : rows) {
            String link = row.get("Video link");
            String id = link.substring(link.lastIndexOf('/') + 1);
            Map<String, Object> stored = storedVideo(to.practice(), id);
            Instant uploaded = Instant.ofEpochSecond(Long.parseLong(id) >>> 32);
            assertEquals(uploaded, stored.get("published_at"), id);
            assertEquals(mostRecent(row.get("Post time"), exported), LocalDate.ofInstant(uploaded, CHICAGO), id);
            assertEquals(HANDLE, stored.get("handle"));
            assertEquals(link, stored.get("permalink"));
            assertEquals("video", stored.get("post_type"));
            assertEquals(exported, ((java.sql.Date) stored.get("as_of")).toLocalDate());
            long likes = Long.parseLong(row.get("Total likes"));
            long comments = Long.parseLong(row.get("Total comments"));
            long shares = Long.parseLong(row.get("Total shares"));
            assertEquals(Long.valueOf(row.get("Total views")), stored.get("video_views"), id);
            assertEquals(likes, stored.get("likes"), id);
            assertEquals(comments, stored.get("comments"), id);
            assertEquals(shares, stored.get("shares"), id);
            assertEquals(likes + comments + shares, stored.get("engagements"), id);
            assertNull(stored.get("impressions"), "TikTok reports views, not impressions");
            assertNull(stored.get("reach"));
        }
        List<Object> titles = StoredRows.of(dataSource, "select text from post where practice_id = ?", to.practice().id)
                .stream().map(r -> r.get("text")).toList();
        assertTrue(titles.contains("When patients ask \"is it just allergies?\" 🤧 #allergyseason"), titles.toString());
        assertTrue(titles.contains("My patients' favorite question: \"do I really need a flu shot every year?\""), titles.toString());
    }

    @Test
    void theFollowersZipStoresTheFollowersOfEachDayAndOnlyWarnsAboutTheActivityFile() throws Exception {
        Upload to = newPractice("tt-followers");
        JsonPath run = upload(to, FOLLOWERS);
        List<Map<String, String>> rows = records(Zips.entry(FOLLOWERS, "FollowerHistory.csv"));
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("zip:tiktok-follower-history", run.getString("format"));
        assertEquals(rows.size(), run.getInt("rowsImported"));
        assertEquals(List.of("zip entry 'FollowerActivity.csv' is not a recognised export; not read"), run.getList("warnings.message"));

        Map<LocalDate, Map<String, Object>> days = storedDays(to.practice(), HANDLE);
        LocalDate today = LocalDate.now(CHICAGO);
        for (Map<String, String> row : rows) {
            Map<String, Object> day = days.get(mostRecent(row.get("Date"), today));
            assertEquals(Long.valueOf(row.get("Followers")), day.get("followers"), row.get("Date"));
            assertEquals(Long.valueOf(row.get("Difference in followers from previous day")), day.get("follower_difference"));
        }
    }

    @Test
    void filesAreRecognisedByTheirContentWhateverTheirName() throws Exception {
        Upload to = newPractice("tt-names");
        assertEquals("tiktok-overview", upload(to, "numbers for the board.csv", Zips.entry(OVERVIEW_EN, "Overview.csv")).getString("format"));
        assertEquals("tiktok-content", upload(to, "Overview.csv", Zips.entry(CONTENT, "Content.csv")).getString("format"));
        assertEquals("tiktok-follower-history", upload(to, "Content.csv", Zips.entry(FOLLOWERS, "FollowerHistory.csv")).getString("format"));
    }

    @Test
    void reimportingTheSameDownloadChangesNothing() throws Exception {
        Upload to = newPractice("tt-again");
        for (Path zip : List.of(OVERVIEW_EN, CONTENT, FOLLOWERS)) {
            assertEquals("IMPORTED", upload(to, zip).getString("status"));
        }
        String before = everythingStored(to.practice());
        for (Path zip : List.of(OVERVIEW_EN, CONTENT, FOLLOWERS)) {
            assertEquals("SKIPPED", upload(to, zip).getString("status"));
            // the same CSV outside its zip: other bytes, read again, same values
            Map.Entry<String, byte[]> csv = Zips.entries(zip).entrySet().iterator().next();
            assertEquals("IMPORTED", upload(to, zip.getFileName().toString().replace(".zip", ".csv"), csv.getValue()).getString("status"));
        }
        assertEquals(before, everythingStored(to.practice()));
    }

    @Test
    void unreadableRowsAreRejectedByLineAndQuotedTitlesAndOldPostsImport() {
        Upload to = newPractice("tt-dirty");
        JsonPath run = TestData.as(to.owner()).multiPart("file", TestData.fixture("tiktok/Content-with-bad-rows.csv").toFile())
                .post("/api/imports?practice=" + to.practice().slug).then().statusCode(200).extract().jsonPath();

        assertEquals("PARTIAL", run.getString("status"));
        assertEquals(2, run.getInt("rowsImported"));
        assertEquals(List.of(3, 4), run.getList("errors.line", Integer.class));
        assertTrue(run.getString("errors[0].message").contains("has no /video/<id>"), run.getString("errors[0].message"));
        assertTrue(run.getString("errors[1].message").contains("'Smarch 7' is not a date"), run.getString("errors[1].message"));

        Map<String, Object> quoted = storedVideo(to.practice(), "7593820522609399416");
        assertEquals("Dr. O's \"3 questions\" to ask your doctor", quoted.get("text"));
        assertEquals(Instant.parse("2026-01-10T19:42:00Z"), quoted.get("published_at"));
        assertEquals(LocalDate.of(2026, 1, 18), ((java.sql.Date) quoted.get("as_of")).toLocalDate(), "Time: 18 января");
        Map<String, Object> old = storedVideo(to.practice(), "7495390179820258663");
        assertEquals(Instant.parse("2025-04-20T13:42:00Z"), old.get("published_at"), "20 апреля before an 18 January export: last year");
        assertNull(old.get("comments"), "undefined");
        assertNull(old.get("engagements"), "no sum without comments");
        assertEquals(7792L, old.get("likes"));
    }

    @Test
    void everyTikTokSampleImportsWithoutRejects() throws Exception {
        try (var files = Files.list(SAMPLES)) {
            for (Path file : files.sorted().toList()) {
                JsonPath run = upload(newPractice("tt-sample"), file);
                assertEquals("IMPORTED", run.getString("status"), file.toString());
                assertEquals(0, run.getInt("rowsRejected"), file.toString());
            }
        }
    }

    private static void assertOverviewDay(Map<String, String> row, Map<String, Object> day) {
        String date = row.get("Date");
        assertTrue(day != null, date + " was not stored");
        long likes = Long.parseLong(row.get("Likes"));
        long comments = Long.parseLong(row.get("Comments"));
        long shares = Long.parseLong(row.get("Shares"));
        assertEquals(Long.valueOf(row.get("Video Views")), day.get("video_views"), date);
        assertEquals(Long.valueOf(row.get("Profile Views")), day.get("profile_visits"), date);
        assertEquals(likes, day.get("likes"), date);
        assertEquals(comments, day.get("comments"), date);
        assertEquals(shares, day.get("shares"), date);
        assertEquals(likes + comments + shares, day.get("engagements"), date);
        assertNull(day.get("impressions"), date);
    }

    private Map<LocalDate, Map<String, Object>> storedDays(Practice practice, String handle) {
        Map<LocalDate, Map<String, Object>> days = new TreeMap<>();
        StoredRows.of(dataSource, """
                select d.day, d.video_views, d.profile_visits, d.engagements, d.impressions, d.followers,
                       (d.extra->>'likes')::bigint as likes, (d.extra->>'comments')::bigint as comments,
                       (d.extra->>'shares')::bigint as shares,
                       (d.extra->>'difference in followers from previous day')::bigint as follower_difference
                from account_daily_metric d join social_account a on a.practice_id = d.practice_id and a.id = d.account_id
                where d.practice_id = ? and a.platform = 'tiktok' and a.handle = ?
                """, practice.id, handle).forEach(r -> days.put(((java.sql.Date) r.get("day")).toLocalDate(), r));
        return days;
    }

    private Map<String, Object> storedVideo(Practice practice, String id) {
        return StoredRows.one(dataSource, """
                select p.published_at, p.text, p.permalink, p.post_type, a.handle, s.as_of, s.video_views, s.impressions,
                       s.reach, s.engagements, s.likes, s.comments, s.shares
                from post p
                join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                join social_account a on a.practice_id = p.practice_id and a.id = p.account_id
                where p.practice_id = ? and p.platform = 'tiktok' and p.external_id = ?
                """, practice.id, id);
    }

    /** Every stored value of the practice except which run wrote it. */
    private String everythingStored(Practice practice) {
        return StoredRows.of(dataSource, """
                select a.handle, p.external_id, p.published_at, p.text, p.permalink, s.as_of, s.engagements, s.likes,
                       s.comments, s.shares, s.video_views, coalesce(s.extra, '{}')::text
                from post p join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                join social_account a on a.practice_id = p.practice_id and a.id = p.account_id
                where p.practice_id = ? order by p.external_id, s.as_of
                """, practice.id).toString()
                + StoredRows.of(dataSource, """
                        select a.handle, d.day, d.video_views, d.profile_visits, d.followers, d.engagements, coalesce(d.extra, '{}')::text
                        from account_daily_metric d join social_account a on a.practice_id = d.practice_id and a.id = d.account_id
                        where d.practice_id = ? order by a.handle, d.day
                        """, practice.id).toString();
    }
}
