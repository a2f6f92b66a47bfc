package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * LinkedIn Page analytics workbooks (content, followers, visitors): every stored value checked
 * against the workbook as POI reads it here, independently of the importer.
 */
@QuarkusTest
class LinkedInImportTest {

    private static final Path CONTENT = LinkedInSampleWriter.SAMPLES.resolve(LinkedInSampleWriter.fileName("content", "xls"));
    private static final Path FOLLOWERS = LinkedInSampleWriter.SAMPLES.resolve(LinkedInSampleWriter.fileName("followers", "xls"));
    private static final Path VISITORS = LinkedInSampleWriter.SAMPLES.resolve(LinkedInSampleWriter.fileName("visitors", "xlsx"));
    private static final String PAGE = "lakeside-family-medicine";
    /** 2026-11-16T15:42Z, the timestamp in the samples' names, is that day in Chicago. */
    private static final LocalDate EXPORT_DAY = LocalDate.of(2026, 11, 16);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final Pattern URN = Pattern.compile("urn:li:(activity|ugcPost):\\d{19}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;
    @Inject
    @Any
    Instance<ExportFormat> formats;
    @TempDir
    Path temp;

    @Test
    void theContentExportStoresEveryPostAndEveryDayExactly() throws Exception {
        Practice practice = data.practice("li-content", "America/Chicago");
        String owner = data.user("li-owner", Role.OWNER, practice);
        List<Map<String, Object>> posts = sheet(CONTENT, "All posts", 1);
        List<Map<String, Object>> days = sheet(CONTENT, "Metrics", 1);
        assertEquals(24, posts.size());
        assertEquals(107, days.size()); // 08/01 to 11/15

        JsonPath run = upload(owner, practice, CONTENT);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("linkedin-content", run.getString("format"));
        assertEquals(posts.size() + days.size(), run.getInt("rowsImported"));
        assertEquals(2, run.getInt("rowsSkipped"), "the description row above each header");
        assertEquals(0, run.getInt("rowsRejected"));
        assertEquals(List.of(), run.getList("warnings"));

        for (Map<String, Object> row : posts) {
            String link = (String) row.get("Post link");
            Matcher urn = URN.matcher(link);
            assertTrue(urn.find(), link);
            Map<String, Object> stored = storedPost(practice.id, urn.group());
            assertEquals(date(row.get("Created date")).atStartOfDay(CHICAGO).toInstant(), stored.get("published_at"), link);
            assertEquals(row.get("Post title"), stored.get("text"));
            assertEquals(link, stored.get("permalink"));
            assertEquals(row.get("Content Type"), stored.get("post_type"));
            assertEquals(PAGE, stored.get("handle"));
            assertEquals(EXPORT_DAY, stored.get("as_of"));
            Long impressions = count(row.get("Impressions"));
            Long clicks = count(row.get("Clicks"));
            Long likes = count(row.get("Likes"));
            Long comments = count(row.get("Comments"));
            Long reposts = count(row.get("Reposts"));
            Long follows = count(row.get("Follows"));
            assertEquals(impressions, stored.get("impressions"));
            assertEquals(clicks, stored.get("clicks"));
            assertEquals(likes, stored.get("likes"));
            assertEquals(comments, stored.get("comments"));
            assertEquals(reposts, stored.get("shares"));
            assertEquals(follows, stored.get("follows"));
            assertEquals(count(row.get("Views")), stored.get("video_views"));
            long interactions = clicks + likes + comments + reposts + follows;
            assertEquals(interactions, stored.get("engagements"));
            // the stored engagements are exactly what LinkedIn's own engagement rate counts
            assertEquals((Double) row.get("Engagement rate"), (double) interactions / impressions, 1e-9);
            assertNull(stored.get("reach"), "the post export has no unique impressions");
            Long offsite = count(row.get("Offsite Views"));
            assertEquals(offsite == null ? Map.of() : Map.of("offsite views", offsite), stored.get("extra"), "no rate is stored");
        }
        assertEquals(posts.size(), countRows("select count(*) from post where practice_id = ?", practice.id));

        for (Map<String, Object> row : days) {
            LocalDate day = date(row.get("Date"));
            Map<String, Object> stored = storedDay(practice.id, PAGE, day);
            assertEquals(count(row.get("Impressions (total)")), stored.get("impressions"), day.toString());
            assertEquals(count(row.get("Clicks (total)")) + count(row.get("Reactions (total)")) + count(row.get("Comments (total)"))
                    + count(row.get("Reposts (total)")), stored.get("engagements"));
            Map<String, Object> extra = extraOf(stored);
            assertEquals(count(row.get("Impressions (organic)")), extra.get("impressions (organic)"));
            assertEquals(count(row.get("Impressions (sponsored)")), extra.get("impressions (sponsored)"));
            assertEquals(count(row.get("Unique impressions (organic)")), extra.get("unique impressions (organic)"));
            assertEquals(count(row.get("Reactions (sponsored)")), extra.get("reactions (sponsored)"));
            assertEquals(count(row.get("Reposts (organic)")), extra.get("reposts (organic)"));
            assertEquals(15, extra.size(), "every count but the mapped total impressions; no rates: " + extra.keySet());
            assertNull(stored.get("reach"));
            assertNull(stored.get("follows_gained"));
            assertNull(stored.get("profile_visits"));
        }
        assertEquals(days.size(), countRows("select count(*) from account_daily_metric where practice_id = ?", practice.id));
    }

    @Test
    void theFollowersExportStoresTheFollowersGainedEachDay() throws Exception {
        Practice practice = data.practice("li-followers", "America/Chicago");
        String owner = data.user("li-owner", Role.OWNER, practice);
        List<Map<String, Object>> days = sheet(FOLLOWERS, "New followers", 0);
        assertTrue(days.get(0).get("Date") instanceof String, "the .xls sample has its dates as text, as LinkedIn writes them");

        JsonPath run = upload(owner, practice, FOLLOWERS);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("linkedin-followers", run.getString("format"));
        assertEquals(107, run.getInt("rowsImported"));
        assertEquals(0, run.getInt("rowsSkipped") + run.getInt("rowsRejected"));

        long gained = 0;
        for (Map<String, Object> row : days) {
            Map<String, Object> stored = storedDay(practice.id, PAGE, date(row.get("Date")));
            assertEquals(count(row.get("Total followers")), stored.get("follows_gained"));
            assertNull(stored.get("followers"), "the export has no running total");
            assertEquals(Map.of("sponsored followers", count(row.get("Sponsored followers")), "organic followers",
                    count(row.get("Organic followers")), "auto-invited followers", count(row.get("Auto-invited followers"))),
                    extraOf(stored));
            gained += (Long) stored.get("follows_gained");
        }
        assertTrue(gained > 100, "a realistic sample: " + gained + " new followers");
    }

    @Test
    void theVisitorsExportStoresPageViewsAndUniqueVisitorsEachDay() throws Exception {
        Practice practice = data.practice("li-visitors", "America/Chicago");
        String owner = data.user("li-owner", Role.OWNER, practice);
        List<Map<String, Object>> days = sheet(VISITORS, "Visitor metrics", 0);
        assertTrue(days.get(0).get("Date") instanceof LocalDate, "the .xlsx sample has date cells");
        assertEquals(25, days.get(0).size());

        JsonPath run = upload(owner, practice, VISITORS);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("linkedin-visitors", run.getString("format"));
        assertEquals(107, run.getInt("rowsImported"));

        for (Map<String, Object> row : days) {
            Map<String, Object> stored = storedDay(practice.id, PAGE, date(row.get("Date")));
            assertEquals(count(row.get("Total page views (total)")), stored.get("profile_visits"));
            Map<String, Object> extra = extraOf(stored);
            assertEquals(23, extra.size());
            for (String column : LinkedInSampleWriter.VISITOR_COLUMNS) {
                if (!column.equals("Date") && !column.equals("Total page views (total)")) {
                    assertEquals(count(row.get(column)), extra.get(column.toLowerCase()), column);
                }
            }
        }
    }

    @Test
    void theThreeExportsOfOnePageMeetInOneRowPerDay() throws Exception {
        Practice practice = data.practice("li-all", "America/Chicago");
        String owner = data.user("li-owner", Role.OWNER, practice);
        for (Path file : List.of(CONTENT, FOLLOWERS, VISITORS)) {
            assertEquals("IMPORTED", upload(owner, practice, file).getString("status"));
        }
        assertEquals(107, countRows("select count(*) from account_daily_metric where practice_id = ?", practice.id));
        assertEquals(1, countRows("select count(*) from social_account where practice_id = ?", practice.id));
        Map<String, Object> day = storedDay(practice.id, PAGE, LocalDate.of(2026, 8, 4));
        assertNotNull(day.get("impressions"));
        assertNotNull(day.get("follows_gained"));
        assertNotNull(day.get("profile_visits"));
        assertTrue(extraOf(day).containsKey("organic followers") && extraOf(day).containsKey("impressions (organic)")
                && extraOf(day).containsKey("total unique visitors (total)"), "the extras of the three files are merged");
    }

    @Test
    void eachExportIsRecognisedByItsContentWhateverItsName() throws Exception {
        Map<Path, String> formats = Map.of(CONTENT, "linkedin-content", FOLLOWERS, "linkedin-followers", VISITORS, "linkedin-visitors");
        for (Map.Entry<Path, String> export : formats.entrySet()) {
            Practice practice = data.practice("li-renamed", "America/Chicago");
            String owner = data.user("li-owner", Role.OWNER, practice);
            JsonPath run = upload(owner, practice, "download (3).bin", Files.readAllBytes(export.getKey()));
            assertEquals("IMPORTED", run.getString("status"), export.getValue());
            assertEquals(export.getValue(), run.getString("format"));
            assertEquals(0, run.getInt("rowsRejected"));
            assertEquals(1, run.getList("warnings").size());
            assertTrue(run.getString("warnings[0].message").contains("so the rows go to the page 'unknown'"),
                    run.getString("warnings[0].message"));
            assertEquals(1, countRows("select count(*) from social_account where practice_id = ? and platform = 'linkedin' and handle = 'unknown'",
                    practice.id));
        }
    }

    @Test
    void eachLinkedInExportIsClaimedByOneFormatOnlyAndOtherWorkbooksByNone() throws Exception {
        Map<Path, List<String>> expected = new LinkedHashMap<>();
        expected.put(CONTENT, List.of("linkedin-content"));
        expected.put(FOLLOWERS, List.of("linkedin-followers"));
        expected.put(VISITORS, List.of("linkedin-visitors"));
        expected.put(otherWorkbook("All posts", "Title", "Date", "Impressions"), List.of()); // the right sheet, another table
        expected.put(otherWorkbook("New followers", "Date", "Followers"), List.of());
        expected.put(otherWorkbook("Visitor metrics", "Date", "Page views"), List.of());
        for (Map.Entry<Path, List<String>> file : expected.entrySet()) {
            ExportFile export = new ExportFile(file.getKey(), "download.bin", CHICAGO, EXPORT_DAY);
            assertEquals(file.getValue(), formats.stream().filter(f -> f.detect(export)).map(ExportFormat::id).toList(),
                    file.getKey().toString());
        }
    }

    private Path otherWorkbook(String sheet, String... header) throws Exception {
        Path file = temp.resolve(sheet.replace(' ', '-') + ".xlsx");
        try (Workbook book = new XSSFWorkbook()) {
            Row row = book.createSheet(sheet).createRow(0);
            for (int c = 0; c < header.length; c++) {
                row.createCell(c).setCellValue(header[c]);
            }
            try (var out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        return file;
    }

    @Test
    void anXlsxWithDateCellsStoresTheSameValuesAsTheXlsWithTextDates() throws Exception {
        Path xlsx = temp.resolve(LinkedInSampleWriter.fileName("content", "xlsx"));
        LinkedInSampleWriter.writeContent(xlsx, true, LinkedInSampleWriter.Dates.DATE_CELLS);
        assertTrue(sheet(xlsx, "All posts", 1).get(0).get("Created date") instanceof LocalDate);

        Practice fromXls = data.practice("li-xls", "America/Chicago");
        Practice fromXlsx = data.practice("li-xlsx", "America/Chicago");
        String owner = data.user("li-owner", Role.OWNER, fromXls, fromXlsx);
        assertEquals("IMPORTED", upload(owner, fromXls, CONTENT).getString("status"));
        JsonPath run = upload(owner, fromXlsx, xlsx);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("linkedin-content", run.getString("format"));
        assertEquals(24 + 107, run.getInt("rowsImported"));
        assertEquals(2, run.getInt("rowsSkipped"));
        assertEquals(dump(fromXls.id), dump(fromXlsx.id));
    }

    @Test
    void reimportingAnExportChangesNothing() throws Exception {
        Practice practice = data.practice("li-again", "America/Chicago");
        String owner = data.user("li-owner", Role.OWNER, practice);
        JsonPath first = upload(owner, practice, CONTENT);
        assertEquals("IMPORTED", first.getString("status"));
        String before = dump(practice.id);

        JsonPath same = upload(owner, practice, CONTENT);
        assertEquals("SKIPPED", same.getString("status"));
        assertEquals(before, dump(practice.id));

        // the same export saved again as .xlsx: other bytes, so it is read again, and overwrites nothing with anything new
        Path xlsx = temp.resolve(LinkedInSampleWriter.fileName("content", "xlsx"));
        LinkedInSampleWriter.writeContent(xlsx, true, LinkedInSampleWriter.Dates.DATE_CELLS);
        assertEquals("IMPORTED", upload(owner, practice, xlsx).getString("status"));
        assertEquals(before, dump(practice.id));
    }

    @Test
    void aTruncatedWorkbookFailsWithAClearReasonAndWritesNothing() throws Exception {
        for (Path file : List.of(VISITORS, CONTENT)) {
            Practice practice = data.practice("li-cut", "America/Chicago");
            String owner = data.user("li-owner", Role.OWNER, practice);
            byte[] bytes = Files.readAllBytes(file);
            JsonPath run = upload(owner, practice, file.getFileName().toString(), Arrays.copyOf(bytes, bytes.length / 2));
            assertEquals("FAILED", run.getString("status"), file.toString());
            assertTrue(run.getString("message").startsWith("the workbook is damaged or truncated and cannot be read ("),
                    run.getString("message"));
            assertEquals(0, run.getInt("rowsImported"));
            assertEquals(0, countRows("select count(*) from account_daily_metric where practice_id = ?", practice.id));
        }
    }

    @Test
    void aPasswordProtectedWorkbookFailsSayingSo() throws Exception {
        Practice practice = data.practice("li-locked", "America/Chicago");
        String owner = data.user("li-owner", Role.OWNER, practice);
        Path locked = temp.resolve("locked.xlsx");
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("lakeside");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OPCPackage pkg = OPCPackage.open(Files.newInputStream(VISITORS)); var out = encryptor.getDataStream(fs)) {
                pkg.save(out);
            }
            try (var out = Files.newOutputStream(locked)) {
                fs.writeFilesystem(out);
            }
        }
        JsonPath run = upload(owner, practice, locked);
        assertEquals("FAILED", run.getString("status"));
        assertEquals("the workbook is password-protected; save it without a password and import it again", run.getString("message"));
    }

    @Test
    void aWorkbookAboveTheSizeLimitIsRefusedSayingWhy() throws Exception {
        Practice practice = data.practice("li-big", "America/Chicago");
        String owner = data.user("li-owner", Role.OWNER, practice);
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.write(Files.readAllBytes(FOLLOWERS));
        big.write(new byte[51 * 1024 * 1024]); // an OLE2 file keeps its sheet list at the start: still a followers export
        JsonPath run = upload(owner, practice, FOLLOWERS.getFileName().toString(), big.toByteArray());
        assertEquals("FAILED", run.getString("status"));
        assertEquals("linkedin-followers", run.getString("format"));
        assertEquals("the workbook is 51.0 MB; .xls workbooks above 50 MB are not read, since a workbook is loaded whole into"
                + " memory: export a shorter period", run.getString("message"));
    }

    @Test
    void unreadableRowsAreRejectedWithTheirRowNumberAndTheRestImports() throws Exception {
        Practice practice = data.practice("li-bad", "America/Chicago");
        String owner = data.user("li-owner", Role.OWNER, practice);
        JsonPath run = upload(owner, practice, TestData.fixture("linkedin/linkedin-content-with-bad-rows.xls"));
        assertEquals("PARTIAL", run.getString("status"));
        assertEquals("linkedin-content", run.getString("format"));
        assertEquals(3, run.getInt("rowsImported"));
        assertEquals(5, run.getInt("rowsRejected"));
        assertEquals(4, run.getInt("rowsSkipped"), "two description rows, a day of NA only, a totals row");
        assertEquals(List.of(4, 5, 6, 7, 10), run.getList("errors.line", Integer.class));
        assertEquals(List.of("All posts: Impressions: 'abc' is not a number",
                "All posts: Created date: '13/45/2026' is not a date like 08/31/2026",
                "All posts: Post link is empty",
                "All posts: post urn:li:activity:7382000000000000001 is already on row 3; this row was not imported",
                "All posts: Clicks: -3 is negative"), run.getList("errors.message", String.class));

        Map<String, Object> text = storedPost(practice.id, "urn:li:activity:7382000000000000001");
        assertEquals(1204L, text.get("impressions"), "'1,204' typed as text");
        assertNull(text.get("likes"), "NA");
        assertNull(text.get("video_views"), "NA");
        assertEquals(34L, text.get("engagements"), "clicks 31 + comments 2 + reposts 0 + follows 1; likes not reported");
        assertNull(text.get("post_type"), "blank Content Type");
        assertEquals("unknown", text.get("handle"));
        assertEquals(LocalDate.now(CHICAGO), text.get("as_of"), "no timestamp in the name: the upload day");
        assertEquals(LocalDate.of(2026, 10, 2).atStartOfDay(CHICAGO).toInstant(), text.get("published_at"));

        Map<String, Object> serial = storedPost(practice.id, "urn:li:activity:7382000000000000006");
        assertEquals(LocalDate.of(2026, 10, 18).atStartOfDay(CHICAGO).toInstant(), serial.get("published_at"), "Excel serial 46313");
        assertEquals(2210L, serial.get("impressions"));
        assertEquals(960L, serial.get("video_views"));
        assertNull(serial.get("follows"), "'-'");
        assertEquals(55L + 61 + 7 + 3, serial.get("engagements"));
        assertEquals("Video", serial.get("post_type"));

        Map<String, Object> day = storedDay(practice.id, "unknown", LocalDate.of(2026, 10, 2));
        assertEquals(410L, day.get("impressions"));
        assertEquals(12L + 9 + 1 + 0, day.get("engagements"));
        assertEquals(1, countRows("select count(*) from account_daily_metric where practice_id = ?", practice.id));
    }

    // ---------------------------------------------------------------- helpers

    private JsonPath upload(String owner, Practice practice, Path file) throws Exception {
        return upload(owner, practice, file.getFileName().toString(), Files.readAllBytes(file));
    }

    private JsonPath upload(String owner, Practice practice, String name, byte[] bytes) {
        return TestData.as(owner).multiPart("file", name, bytes).post("/api/imports?practice=" + practice.slug)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The rows below the header, each by header name, with cells as POI gives them: String, Double, LocalDate or null. */
    private static List<Map<String, Object>> sheet(Path file, String sheetName, int headerIndex) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = book.getSheet(sheetName);
            Row header = sheet.getRow(headerIndex);
            for (int r = headerIndex + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, Object> values = new LinkedHashMap<>();
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    values.put(header.getCell(c).getStringCellValue(), value(row.getCell(c)));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate() : cell.getNumericCellValue();
        }
        return cell.getStringCellValue();
    }

    private static Long count(Object cell) {
        if (cell == null || Set.of("NA", "-", "").contains(cell)) {
            return null;
        }
        if (cell instanceof Double d) {
            assertEquals(Math.rint(d), d, "a whole count");
            return d.longValue();
        }
        return Long.parseLong(((String) cell).replace(",", ""));
    }

    private static LocalDate date(Object cell) {
        return cell instanceof LocalDate d ? d : LocalDate.parse((String) cell, US_DATE);
    }

    private Map<String, Object> storedPost(long practiceId, String externalId) throws Exception {
        List<Map<String, Object>> rows = query("""
                select p.published_at, p.text, p.permalink, p.post_type, a.handle, s.as_of, s.impressions, s.reach, s.engagements,
                       s.likes, s.comments, s.shares, s.saves, s.clicks, s.profile_clicks, s.video_views, s.follows, s.extra::text as extra
                from post p join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                join social_account a on a.practice_id = p.practice_id and a.id = p.account_id
                where p.practice_id = ? and p.platform = 'linkedin' and p.external_id = ?
                """, practiceId, externalId);
        assertEquals(1, rows.size(), "one post with one snapshot: " + externalId);
        Map<String, Object> row = rows.get(0);
        row.put("extra", extraOf(row));
        return row;
    }

    private Map<String, Object> storedDay(long practiceId, String handle, LocalDate day) throws Exception {
        List<Map<String, Object>> rows = query("""
                select d.*, d.extra::text as extra from account_daily_metric d
                join social_account a on a.practice_id = d.practice_id and a.id = d.account_id
                where d.practice_id = ? and a.platform = 'linkedin' and a.handle = ? and d.day = ?
                """, practiceId, handle, day);
        assertEquals(1, rows.size(), handle + " " + day);
        return rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extraOf(Map<String, Object> stored) throws Exception {
        Object extra = stored.get("extra");
        if (extra == null) {
            return Map.of();
        }
        if (extra instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> values = new HashMap<>();
        JSON.readValue((String) extra, new TypeReference<Map<String, Long>>() {
        }).forEach(values::put);
        return values;
    }

    /**
     * Everything stored for the practice, as text, without ids and run ids: equal dumps mean equal
     * data. No extra and an empty extra are the same (the writer's merge turns one into the other).
     */
    private String dump(long practiceId) throws Exception {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> row : query("""
                select a.handle, p.external_id, p.published_at, p.text, p.permalink, p.post_type, s.as_of, s.impressions, s.reach,
                       s.engagements, s.likes, s.comments, s.shares, s.saves, s.clicks, s.profile_clicks, s.video_views,
                       s.watch_time_seconds, s.follows, coalesce(s.extra, '{}')::text as extra
                from post p join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                join social_account a on a.practice_id = p.practice_id and a.id = p.account_id
                where p.practice_id = ? order by p.external_id, s.as_of
                """, practiceId)) {
            out.append(new TreeMap<>(row)).append('\n');
        }
        for (Map<String, Object> row : query("""
                select a.handle, d.day, d.followers, d.follows_gained, d.unfollows, d.profile_visits, d.website_clicks, d.impressions,
                       d.reach, d.engagements, d.video_views, d.watch_time_seconds, d.posts_published, coalesce(d.extra, '{}')::text as extra
                from account_daily_metric d join social_account a on a.practice_id = d.practice_id and a.id = d.account_id
                where d.practice_id = ? order by a.handle, d.day
                """, practiceId)) {
            out.append(new TreeMap<>(row)).append('\n');
        }
        return out.toString();
    }

    private long countRows(String sql, Object... args) throws Exception {
        return ((Number) query(sql, args).get(0).values().iterator().next()).longValue();
    }

    private List<Map<String, Object>> query(String sql, Object... args) throws Exception {
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof java.sql.Timestamp t) {
                            value = t.toInstant();
                        } else if (value instanceof java.sql.Date d) {
                            value = d.toLocalDate();
                        } else if (value instanceof Integer n && !meta.getColumnName(i).equals("posts_published")) {
                            value = n.longValue();
                        }
                        row.put(meta.getColumnName(i), value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
