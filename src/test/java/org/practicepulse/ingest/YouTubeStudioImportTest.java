package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;
import org.practicepulse.support.Zips;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** YouTube Studio exports: every counter as the file has it, the totals row skipped, the zip as one run. */
@QuarkusTest
class YouTubeStudioImportTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Path SAMPLES = Path.of("import-samples", "lakeside-family-medicine", "youtube");
    private static final Path DEMO_ZIP = SAMPLES.resolve("Content 2026-08-01_2026-11-15 Lakeside Family Medicine.zip");
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
    private static final String CHANNEL = "Lakeside Family Medicine";

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

    private static List<CSVRecord> records(byte[] csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
    }

    @Test
    void theRealTableDataImportsEveryVideoWithTheFilesCountersAndSkipsTheTotalsRow() throws Exception {
        Path file = TestData.realExport("youtube-studio-table-data.csv");
        Upload to = newPractice("yt-real");
        JsonPath run = upload(to, file.getFileName().toString(), Files.readAllBytes(file));
        List<CSVRecord> rows = records(Files.readAllBytes(file));
        assertEquals("Total", rows.get(0).get("Content"), "row 2 is the totals row");

        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("youtube-table-data", run.getString("format"));
        assertEquals(rows.size(), run.getInt("rowsRead"));
        assertEquals(rows.size() - 1, run.getInt("rowsImported"));
        assertEquals(1, run.getInt("rowsSkipped"), "the Total row is skipped, not rejected");
        assertEquals(0, run.getInt("rowsRejected"));
        assertTrue(run.getString("warnings.message").contains("4 videos have no publish time"), run.getString("warnings"));

        LocalDate today = LocalDate.now(CHICAGO);
        for (CSVRecord row : rows.subList(1, rows.size())) {
            String id = row.get("Content").strip();
            Map<String, Object> stored = storedVideo(to.practice(), id);
            String published = row.get("Video publish time");
            assertEquals(published.isEmpty() ? Instant.EPOCH : LocalDate.parse(published, PUBLISHED).atStartOfDay(CHICAGO).toInstant(),
                    stored.get("published_at"), id);
            assertEquals(row.get("Video title"), stored.get("text"));
            assertEquals("https://www.youtube.com/watch?v=" + id, stored.get("permalink"));
            assertEquals(today, ((java.sql.Date) stored.get("as_of")).toLocalDate());
            assertEquals(Long.valueOf(row.get("Views")), stored.get("video_views"), id);
            assertEquals(Long.valueOf(row.get("Impressions")), stored.get("impressions"), id);
            assertEquals(hoursAsSeconds(row.get("Watch time (hours)")), stored.get("watch_time_seconds"), id);
            assertEquals(Long.valueOf(row.get("Subscribers")), stored.get("follows"), id + ": net subscribers, negative allowed");
            assertEquals(Long.valueOf(row.get("Subscribers")), stored.get("subscribers"), id);
            assertEquals(Long.valueOf(row.get("Engaged views")), stored.get("engaged_views"), id);
            assertEquals(Long.valueOf(row.get("Duration")), stored.get("duration"), id);
            assertEquals(durationSeconds(row.get("Average view duration")), stored.get("average_view_duration"), id);
            for (String notReported : List.of("reach", "engagements", "likes", "comments", "shares", "clicks", "unique_viewers")) {
                assertNull(stored.get(notReported), id + ": " + notReported);
            }
            assertEquals("unknown", stored.get("handle"), "the lone file does not name the channel");
        }
        assertEquals(-2L, storedVideo(to.practice(), "S4CACnFQUxs").get("follows"));
        assertEquals(Instant.EPOCH, storedVideo(to.practice(), "-2B7awALB8c").get("published_at"));
        assertEquals(82L, storedVideo(to.practice(), "-HHGH-TTqYM").get("video_views"), "the id lost its leading space");
    }

    @Test
    void theZipYouTubeDeliversImportsAllThreeFilesAsOneRun() throws Exception {
        Upload to = newPractice("yt-zip");
        JsonPath run = upload(to, DEMO_ZIP.getFileName().toString(), Files.readAllBytes(DEMO_ZIP));
        List<CSVRecord> table = records(Zips.entry(DEMO_ZIP, "Table data.csv"));
        List<CSVRecord> totals = records(Zips.entry(DEMO_ZIP, "Totals.csv"));
        List<CSVRecord> chart = records(Zips.entry(DEMO_ZIP, "Chart data.csv"));
        Map<LocalDate, Long> chartedViews = new TreeMap<>();
        chart.forEach(r -> chartedViews.merge(LocalDate.parse(r.get("Date")), Long.valueOf(r.get("Views")), Long::sum));

        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("zip:youtube-table-data+youtube-chart-data+youtube-totals", run.getString("format"));
        assertEquals(table.size() - 1 + chartedViews.size() + totals.size(), run.getInt("rowsImported"),
                "videos, charted days and days of totals");
        assertEquals(1, run.getInt("rowsSkipped"));
        assertEquals(0, run.getInt("rowsRejected"));
        List<String> warnings = run.getList("warnings.message");
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Table data.csv: 1 video has no publish time (private or unlisted): Vr6Kt0yNd2U")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("published before the exported range starts (2026-08-01): kq3VZ8d1pLw")), warnings.toString());

        for (CSVRecord row : table.subList(1, table.size())) {
            String id = row.get("Content").strip();
            Map<String, Object> stored = storedVideo(to.practice(), id);
            assertEquals(CHANNEL, stored.get("handle"), "the channel comes from the zip's name");
            assertEquals(LocalDate.of(2026, 11, 15), ((java.sql.Date) stored.get("as_of")).toLocalDate(), "the range's end");
            assertEquals(Long.valueOf(row.get("Views")), stored.get("video_views"), id);
            assertEquals(Long.valueOf(row.get("Impressions")), stored.get("impressions"), id);
            assertEquals(hoursAsSeconds(row.get("Watch time (hours)")), stored.get("watch_time_seconds"), id);
            assertEquals(Long.valueOf(row.get("Likes")), stored.get("likes"), id);
            assertEquals(Long.valueOf(row.get("Comments added")), stored.get("comments"), id);
            assertEquals(Long.valueOf(row.get("Shares")), stored.get("shares"), id);
            assertEquals(Long.valueOf(row.get("Likes")) + Long.valueOf(row.get("Comments added")) + Long.valueOf(row.get("Shares")),
                    stored.get("engagements"), id);
            assertEquals(Long.valueOf(row.get("Subscribers")), stored.get("follows"), id);
            assertEquals(durationSeconds(row.get("Average view duration")), stored.get("average_view_duration"), id);
        }
        Map<LocalDate, Map<String, Object>> days = storedDays(to.practice(), CHANNEL);
        assertEquals(totals.size(), days.size());
        for (CSVRecord row : totals) {
            Map<String, Object> day = days.get(LocalDate.parse(row.get("Date")));
            assertEquals(Long.valueOf(row.get("Views")), day.get("video_views"), row.get("Date"));
            assertEquals(chartedViews.get(LocalDate.parse(row.get("Date"))), day.get("charted_views"), row.get("Date"));
            assertNull(day.get("followers"));
        }
    }

    @Test
    void reimportingTheSameExportChangesNothing() throws Exception {
        Upload to = newPractice("yt-again");
        byte[] zip = Files.readAllBytes(DEMO_ZIP);
        assertEquals("IMPORTED", upload(to, DEMO_ZIP.getFileName().toString(), zip).getString("status"));
        String before = everythingStored(to.practice());

        assertEquals("SKIPPED", upload(to, DEMO_ZIP.getFileName().toString(), zip).getString("status"));
        assertEquals(before, everythingStored(to.practice()));

        // The same export zipped again (other bytes): read again, and nothing changes or doubles
        byte[] rezipped = Zips.of(Zips.entries(DEMO_ZIP), 0);
        JsonPath again = upload(to, DEMO_ZIP.getFileName().toString(), rezipped);
        assertEquals("IMPORTED", again.getString("status"));
        assertEquals(0, again.getInt("rowsRejected"));
        assertEquals(before, everythingStored(to.practice()));
    }

    @Test
    void filesAreRecognisedByTheirContentWhateverTheirName() throws Exception {
        Upload to = newPractice("yt-names");
        assertEquals("youtube-table-data", upload(to, "lakeside videos.csv", Zips.entry(DEMO_ZIP, "Table data.csv")).getString("format"));
        assertEquals("youtube-chart-data", upload(to, "Totals.csv", Zips.entry(DEMO_ZIP, "Chart data.csv")).getString("format"));
        assertEquals("youtube-totals", upload(to, "Table data.csv", Zips.entry(DEMO_ZIP, "Totals.csv")).getString("format"));
    }

    @Test
    void anUnexpectedEntryInTheZipIsNamedInAWarningAndNotRead() throws Exception {
        Upload to = newPractice("yt-extra");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Table data.csv", Zips.entry(DEMO_ZIP, "Table data.csv"));
        entries.put("Thumbnail.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 });
        entries.put("Totals.csv", Zips.entry(DEMO_ZIP, "Totals.csv"));
        entries.put("notes.txt", "exported for the October report".getBytes(StandardCharsets.UTF_8));
        JsonPath run = upload(to, DEMO_ZIP.getFileName().toString(), Zips.of(entries, 9));

        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("zip:youtube-table-data+youtube-totals", run.getString("format"));
        List<String> warnings = run.getList("warnings.message");
        assertTrue(warnings.contains("zip entry 'Thumbnail.png' is not a recognised export; not read"), warnings.toString());
        assertTrue(warnings.contains("zip entry 'notes.txt' is not a recognised export; not read"), warnings.toString());
        assertEquals(records(entries.get("Table data.csv")).size() - 1 + records(entries.get("Totals.csv")).size(),
                run.getInt("rowsImported"));
    }

    @Test
    void unreadableRowsAreRejectedByLineAndTheOthersImport() {
        Upload to = newPractice("yt-dirty");
        JsonPath run = TestData.as(to.owner()).multiPart("file", TestData.fixture("youtube/table-data-with-bad-rows.csv").toFile())
                .post("/api/imports?practice=" + to.practice().slug).then().statusCode(200).extract().jsonPath();

        assertEquals("PARTIAL", run.getString("status"));
        assertEquals(2, run.getInt("rowsImported"));
        assertEquals(1, run.getInt("rowsSkipped"));
        assertEquals(List.of(5, 6, 7), run.getList("errors.line", Integer.class));
        assertTrue(run.getString("errors[0].message").contains("views: 'many' is not a number"), run.getString("errors[0].message"));
        assertTrue(run.getString("errors[1].message").contains("'Total watch' is not a YouTube video id"), run.getString("errors[1].message"));
        assertTrue(run.getString("errors[2].message").contains("'Sept 31, 2026' is not a real date"), run.getString("errors[2].message"));
        Map<String, Object> sports = storedVideo(to.practice(), "-fN4wq8ZsHc");
        assertEquals(-2L, sports.get("follows"));
        assertEquals(18000L, sports.get("watch_time_seconds"));
        assertEquals(LocalDate.of(2026, 8, 11).atStartOfDay(CHICAGO).toInstant(), sports.get("published_at"));
        assertEquals(55800L, storedVideo(to.practice(), "Xb7tR2mQe0A").get("watch_time_seconds"));
    }

    @Test
    void aTotalsFileOfARateStoresNothingAndSaysWhy() {
        Upload to = newPractice("yt-rate");
        byte[] totals = "Date,Stayed to watch (%)\n2026-10-01,71.07\n2026-10-02,\n2026-10-03,68.5\n".getBytes(StandardCharsets.UTF_8);
        JsonPath run = upload(to, "Totals.csv", totals);

        assertEquals("youtube-totals", run.getString("format"));
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals(0, run.getInt("rowsImported"));
        assertEquals(3, run.getInt("rowsSkipped"));
        assertTrue(run.getList("warnings.message").contains("'stayed to watch (%)' is a rate or an average, not a count; it was not stored"),
                run.getString("warnings"));
        assertEquals(List.of(), StoredRows.of(dataSource, "select * from account_daily_metric where practice_id = ?", to.practice().id));
    }

    @Test
    void everyYouTubeSampleImportsWithoutRejects() throws Exception {
        try (var files = Files.list(SAMPLES)) {
            for (Path file : files.sorted().toList()) {
                JsonPath run = upload(newPractice("yt-sample"), file.getFileName().toString(), Files.readAllBytes(file));
                assertEquals("IMPORTED", run.getString("status"), file.toString());
                assertEquals(0, run.getInt("rowsRejected"), file.toString());
            }
        }
    }

    private static Long hoursAsSeconds(String hours) {
        return new BigDecimal(hours).multiply(BigDecimal.valueOf(3600)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static Long durationSeconds(String hms) {
        String[] parts = hms.split(":");
        return Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 + Long.parseLong(parts[2]);
    }

    private Map<String, Object> storedVideo(Practice practice, String id) {
        return StoredRows.one(dataSource, """
                select p.published_at, p.text, p.permalink, a.handle, s.as_of, s.video_views, s.impressions, s.watch_time_seconds,
                       s.follows, s.reach, s.engagements, s.likes, s.comments, s.shares, s.clicks,
                       (s.extra->>'subscribers')::bigint as subscribers,
                       (s.extra->>'engaged views')::bigint as engaged_views,
                       (s.extra->>'duration')::bigint as duration,
                       (s.extra->>'average view duration (seconds)')::bigint as average_view_duration,
                       (s.extra->>'unique viewers')::bigint as unique_viewers
                from post p
                join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                join social_account a on a.practice_id = p.practice_id and a.id = p.account_id
                where p.practice_id = ? and p.platform = 'youtube' and p.external_id = ?
                """, practice.id, id);
    }

    private Map<LocalDate, Map<String, Object>> storedDays(Practice practice, String handle) {
        Map<LocalDate, Map<String, Object>> days = new TreeMap<>();
        StoredRows.of(dataSource, """
                select d.day, d.video_views, d.followers, (d.extra->>'charted videos: views')::bigint as charted_views
                from account_daily_metric d join social_account a on a.practice_id = d.practice_id and a.id = d.account_id
                where d.practice_id = ? and a.platform = 'youtube' and a.handle = ?
                """, practice.id, handle).forEach(r -> days.put(((java.sql.Date) r.get("day")).toLocalDate(), r));
        return days;
    }

    /** Every stored value of the practice except which run wrote it. */
    private String everythingStored(Practice practice) {
        return StoredRows.of(dataSource, """
                select p.external_id, p.published_at, p.text, p.permalink, p.post_type, s.as_of, s.impressions, s.reach,
                       s.engagements, s.likes, s.comments, s.shares, s.video_views, s.watch_time_seconds, s.follows, coalesce(s.extra, '{}')::text
                from post p join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                where p.practice_id = ? order by p.external_id, s.as_of
                """, practice.id).toString()
                + StoredRows.of(dataSource, """
                        select a.handle, d.day, d.video_views, d.impressions, d.watch_time_seconds, coalesce(d.extra, '{}')::text
                        from account_daily_metric d join social_account a on a.practice_id = d.practice_id and a.id = d.account_id
                        where d.practice_id = ? order by a.handle, d.day
                        """, practice.id).toString();
    }
}
