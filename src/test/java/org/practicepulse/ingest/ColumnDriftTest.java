package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;
import org.practicepulse.support.Zips;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Issue 3, point 5, for every format: our own sample of the format with one non-key column dropped
 * and one unknown column added is still that format, imports every row, warns naming both columns,
 * and stores exactly what the untouched sample stores except what the dropped column fed (now not
 * reported). The same sample with a key column renamed is not recognised.
 */
@QuarkusTest
class ColumnDriftTest {

    private static final Path DEMO = Path.of("import-samples", "lakeside-family-medicine");
    private static final String ADDED = "Brand New Metric";
    private static final String ADDED_JSON = "brandNewField";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    /** How the sample is stored. */
    enum Kind {
        /** CSV read as records; records outside the table (preambles, other tables) are kept byte for byte. */
        CSV,
        /** Every field quoted, one record per line, quotes in titles not escaped (TikTok): edited line by line. */
        QUOTED_LINES,
        /** A JSON list response, bare array or NDJSON: the field is dropped from every review object. */
        JSON,
        /** A workbook: the column is dropped from one sheet. */
        WORKBOOK
    }

    /**
     * One format's case.
     *
     * @param sample   the sample file (for zipped formats, the zip)
     * @param entry    the zip entry holding the format, or null
     * @param sheet    the workbook sheet, or null
     * @param drop     the non-key column to drop; null for formats whose every column is a key column
     * @param affected what the dropped column feeds (table.column, or table.extra.name): not reported afterwards;
     *                 {@code a=a-b}: a sum of reported parts, afterwards its value less the dropped part b
     * @param key      a key column to rename for the unrecognised case
     */
    record Case(String format, Kind kind, String sample, String entry, String sheet, String drop, List<String> affected, String key) {

        Path path() {
            return DEMO.resolve(sample);
        }

        String expectedFormat() {
            return entry == null ? format : "zip:" + format;
        }

        @Override
        public String toString() {
            return format;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                csv("x-tweet-activity", "x/tweet_activity_metrics_DrMayaOkafor_20260901_20261001_en.csv", "retweets",
                        List.of("post.shares"), "Tweet id"),
                csv("x-tweet-activity-daily", "x/daily_tweet_activity_metrics_DrMayaOkafor_20260801_20260901_en.csv",
                        "user profile clicks", List.of("day.profile_visits"), "Tweets published"),
                csv("x-analytics-content", "x/account_analytics_content_2026-09-01_2026-11-18.csv", "Bookmarks",
                        List.of("post.saves"), "Post id"),
                csv("x-analytics-overview", "x/LakesideFamMed_account_overview_analytics.csv", "Bookmarks",
                        List.of("day.extra.bookmarks"), "Unfollows"),
                csv("x-analytics-video-overview", "x/LakesideFamMed_video_overview_analytics.csv", "Watch Time (ms)",
                        List.of("day.watch_time_seconds"), "Views"),
                csv("facebook-insights-post-level",
                        "facebook/Facebook Insights Data Export (Post Level) - Lakeside Family Medicine - 2026-09-01.csv",
                        "Lifetime Post Total Reach", List.of("post.reach"), "Posted"),
                csv("meta-facebook-posts", "facebook/Sep-01-2026_Sep-30-2026_1184467203958112.csv", "Reach", List.of("post.reach"),
                        "Publish time"),
                csv("meta-instagram-posts", "instagram/Aug-01-2026_Sep-30-2026_1196378420155208.csv", "Saves",
                        List.of("post.saves", "post.engagements=post.engagements-post.saves"), "Publish time"),
                csv("meta-daily-series", "facebook/Views.csv", null, List.of(), "Primary"),
                new Case("linkedin-content", Kind.WORKBOOK, "linkedin/lakeside-family-medicine_content_1794843727318.xls", null,
                        "All posts", "Comments", List.of("post.comments", "post.engagements=post.engagements-post.comments"), "Created date"),
                new Case("linkedin-followers", Kind.WORKBOOK, "linkedin/lakeside-family-medicine_followers_1794843727318.xls", null,
                        "New followers", "Organic followers", List.of("day.extra.organic followers"), "Total followers"),
                new Case("linkedin-visitors", Kind.WORKBOOK, "linkedin/lakeside-family-medicine_visitors_1794843727318.xlsx", null,
                        "Visitor metrics", "Overview page views (total)", List.of("day.extra.overview page views (total)"),
                        "Total page views (total)"),
                zipped("youtube-table-data", "youtube/Content 2026-08-01_2026-09-30 Lakeside Family Medicine.zip", "Table data.csv",
                        Kind.CSV, "Impressions", List.of("post.impressions"), "Video title"),
                zipped("youtube-chart-data", "youtube/Content 2026-08-01_2026-09-30 Lakeside Family Medicine.zip", "Chart data.csv",
                        Kind.CSV, "Duration", List.of(), "Video title"),
                zipped("youtube-totals", "youtube/Content 2026-08-01_2026-09-30 Lakeside Family Medicine.zip", "Totals.csv", Kind.CSV,
                        null, List.of(), "Date"),
                zipped("tiktok-overview", "tiktok/Overview_2026-08-01_1790795527_drmayaokafor.zip", "Overview.csv", Kind.QUOTED_LINES,
                        "Shares", List.of("day.engagements", "day.extra.shares"), "Profile Views"),
                zipped("tiktok-content", "tiktok/Content_drmayaokafor.zip", "Content.csv", Kind.QUOTED_LINES, "Total shares",
                        List.of("post.shares", "post.engagements"), "Video link"),
                zipped("tiktok-follower-history", "tiktok/Followers_drmayaokafor.zip", "FollowerHistory.csv", Kind.QUOTED_LINES,
                        "Difference in followers from previous day", List.of("day.extra.difference in followers from previous day"),
                        "Followers"),
                csv("ga4-traffic", "web/Traffic_acquisition_Session_source_medium.csv", "Key events", List.of("traffic.conversions"),
                        "Sessions"),
                csv("ua-traffic", "web/Analytics All Web Site Data Source Medium 20230601-20230630.csv", "Goal Completions",
                        List.of("traffic.conversions"), "Source / Medium"),
                new Case("google-business-profile-reviews", Kind.JSON, "reviews/reviews.json", null, null, "updateTime",
                        List.of("review.source_updated_at"), "starRating"),
                new Case("yelp-fusion-reviews", Kind.JSON, "reviews/yelp_reviews_lakeside-family-medicine-lakeside.json", null, null,
                        "url", List.of("review.url", "review.location"), "time_created"),
                new Case("yelp-dataset-reviews", Kind.JSON, "reviews/yelp_academic_dataset_review.json", null, null, "text",
                        List.of("review.text"), "business_id"),
                csv("trustpilot-reviews", "reviews/trustpilot-reviews-lakesidefamilymed.com.csv", "Review Title",
                        List.of("review.title"), "Review Stars"),
                csv("generic-posts", "generic/threads-and-doximity-posts.csv", "saves",
                        List.of("post.saves", "post.engagements=post.engagements-post.saves"),
                        "post_id"),
                csv("generic-account-days", "generic/threads-followers.csv", "profile_visits", List.of("day.profile_visits"), "date"),
                csv("generic-traffic", "generic/threads-and-doximity-traffic.csv", "conversions", List.of("traffic.conversions"),
                        "source"),
                csv("generic-reviews", "reviews/healthgrades-zocdoc-vitals-reviews.csv", "title", List.of("review.title"),
                        "review_id"));
    }

    private static Case csv(String format, String sample, String drop, List<String> affected, String key) {
        return new Case(format, Kind.CSV, sample, null, null, drop, affected, key);
    }

    private static Case zipped(String format, String zip, String entry, Kind kind, String drop, List<String> affected, String key) {
        return new Case(format, kind, zip, entry, null, drop, affected, key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMissingAndANewColumnAreNamedAndEverythingElseIsStored(Case c) throws Exception {
        Practice original = data.practice("drift-orig", "America/Chicago");
        Practice drifted = data.practice("drift", "America/Chicago");
        String owner = data.user("drift-owner", Role.OWNER, original, drifted);

        byte[] sample = c.entry == null ? Files.readAllBytes(c.path()) : Zips.entry(c.path(), c.entry);
        byte[] changed = edit(c, sample, c.drop, null);
        JsonPath before = upload(owner, original, c, sample);
        JsonPath after = upload(owner, drifted, c, changed);

        assertEquals(c.expectedFormat(), before.getString("format"), "the untouched sample");
        assertEquals("IMPORTED", before.getString("status"), before.prettify());
        assertEquals(c.expectedFormat(), after.getString("format"), "the same format is detected despite the drift");
        assertEquals("IMPORTED", after.getString("status"), after.prettify());
        assertEquals(0, after.getInt("rowsRejected"));
        assertEquals(before.getInt("rowsImported"), after.getInt("rowsImported"), "every row still imports");
        assertTrue(after.getInt("rowsImported") > 0);

        List<String> warnings = after.getList("warnings.message", String.class);
        String added = c.kind == Kind.JSON ? ADDED_JSON : ADDED;
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith(prefix(c) + "unknown column") && w.endsWith(": " + added)),
                "a warning names the new column: " + warnings);
        if (c.drop != null) {
            assertTrue(warnings.stream().anyMatch(w -> w.contains("missing from this " + c.format + " export: ")
                    && w.toLowerCase(Locale.ROOT).contains(c.drop.toLowerCase(Locale.ROOT))),
                    "a warning names the missing column: " + warnings);
        }
        List<String> earlier = before.getList("warnings.message", String.class);
        assertTrue(earlier.stream().noneMatch(w -> w.contains("unknown column") || w.contains(" missing from this ")),
                "our own sample has no drift: " + earlier);

        assertSameExceptAffected(c, stored(original.id), stored(drifted.id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRenamedKeyColumnIsNotRecognised(Case c) throws Exception {
        Practice practice = data.practice("drift-key", "America/Chicago");
        String owner = data.user("drift-key-owner", Role.OWNER, practice);
        byte[] sample = c.entry == null ? Files.readAllBytes(c.path()) : Zips.entry(c.path(), c.entry);
        byte[] renamed = edit(c, sample, null, c.key);
        // a lone entry, so that the answer is about this file and not about the zip around it
        String name = c.entry == null ? c.path().getFileName().toString() : c.entry;
        JsonPath run = TestData.upload(owner, practice, write(name, renamed));
        assertEquals("FAILED", run.getString("status"), run.prettify());
        assertNull(run.get("format"), "no format claims it");
        if (c.kind == Kind.WORKBOOK) {
            assertTrue(run.getString("message").startsWith("unrecognised format: a "), run.getString("message"));
        } else {
            String firstLine = Encoded.of(renamed).text().lines().filter(l -> !l.isBlank()).findFirst().orElseThrow();
            if (firstLine.length() > 200) { // the run quotes at most 200 characters of it
                firstLine = firstLine.substring(0, 197) + "...";
            }
            assertEquals("unrecognised format; first line: " + firstLine, run.getString("message"));
        }
        assertEquals(List.of(), StoredRows.everythingOf(dataSource, practice.id), "nothing stored");
    }

    // ------------------------------------------------------------------ editing the samples

    /** The sample without column {@code drop} and with the added column, or with key column {@code rename} renamed. */
    private static byte[] edit(Case c, byte[] sample, String drop, String rename) throws IOException {
        return switch (c.kind) {
            case CSV -> editCsv(sample, c.drop != null ? c.drop : c.key, drop, rename);
            case QUOTED_LINES -> editQuotedLines(sample, drop, rename);
            case JSON -> editJson(sample, drop, rename);
            case WORKBOOK -> editWorkbook(sample, c.sheet, drop, rename);
        };
    }

    /** The column a header row is found by; the table is that row and the rows below it up to a blank or '#' line. */
    private static byte[] editCsv(byte[] bytes, String marker, String drop, String rename) throws IOException {
        Encoded text = Encoded.of(bytes);
        String lineBreak = text.text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.text))
                .setFormat(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get()).get()) {
            List<CSVRecord> records = parser.getRecords();
            int dropAt = -1;
            boolean inTable = false;
            boolean done = false;
            for (int r = 0; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                int start = (int) record.getCharacterPosition();
                int end = r + 1 < records.size() ? (int) records.get(r + 1).getCharacterPosition() : text.text.length();
                String original = text.text.substring(start, end);
                List<String> cells = new ArrayList<>(record.toList());
                boolean blankOrComment = cells.size() == 1 && (cells.get(0).isBlank() || cells.get(0).startsWith("#"));
                if (!inTable && !done && cells.stream().anyMatch(cell -> normalise(cell).equals(normalise(marker)))) {
                    inTable = true;
                    if (rename != null) {
                        cells.replaceAll(cell -> normalise(cell).equals(normalise(rename)) ? cell + " (renamed)" : cell);
                    } else {
                        dropAt = drop == null ? -1 : indexOf(cells, drop);
                        if (drop != null && dropAt < 0) {
                            throw new AssertionError("the sample has no column " + drop + ": " + cells);
                        }
                        if (dropAt >= 0) {
                            cells.remove(dropAt);
                        }
                        cells.add(ADDED);
                    }
                    out.append(print(cells)).append(lineBreak);
                    continue;
                }
                if (inTable && blankOrComment) {
                    inTable = false;
                    done = true;
                }
                if (!inTable || rename != null) {
                    out.append(original);
                    continue;
                }
                if (dropAt >= 0) {
                    cells.remove(dropAt);
                }
                cells.add(cells.get(0).isBlank() ? "" : "7"); // rows without a first cell: totals, descriptions
                out.append(print(cells)).append(lineBreak);
            }
        }
        return text.encode(out.toString());
    }

    private static String print(List<String> cells) throws IOException {
        StringWriter line = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(line, CSVFormat.RFC4180.builder().setRecordSeparator("").get())) {
            printer.printRecord(cells);
        }
        return line.toString();
    }

    private static byte[] editQuotedLines(byte[] bytes, String drop, String rename) {
        Encoded text = Encoded.of(bytes);
        List<String> lines = text.text.lines().toList();
        List<String> out = new ArrayList<>();
        int dropAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            List<String> cells = new ArrayList<>(List.of(line.substring(1, line.length() - 1).split("\",\"", -1)));
            if (i == 0) {
                if (rename != null) {
                    cells.replaceAll(cell -> normalise(cell).equals(normalise(rename)) ? cell + " (renamed)" : cell);
                } else {
                    dropAt = drop == null ? -1 : indexOf(cells, drop);
                    if (dropAt >= 0) {
                        cells.remove(dropAt);
                    }
                    cells.add(ADDED);
                }
            } else if (rename == null) {
                if (dropAt >= 0) {
                    cells.remove(dropAt);
                }
                cells.add("7");
            }
            out.add("\"" + String.join("\",\"", cells) + "\"");
        }
        return text.encode(String.join("\n", out));
    }

    private static byte[] editJson(byte[] bytes, String drop, String rename) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String trimmed = text.strip();
        boolean ndjson = trimmed.startsWith("{") && trimmed.lines().filter(l -> !l.isBlank()).count() > 1
                && trimmed.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("{") && l.strip().endsWith("}"));
        if (ndjson) {
            List<String> out = new ArrayList<>();
            for (String line : trimmed.lines().filter(l -> !l.isBlank()).toList()) {
                ObjectNode review = (ObjectNode) JSON.readTree(line);
                editReview(review, drop, rename);
                out.add(JSON.writeValueAsString(review));
            }
            return (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        JsonNode root = JSON.readTree(text);
        ArrayNode reviews = root.isArray() ? (ArrayNode) root : (ArrayNode) root.get("reviews");
        reviews.forEach(review -> editReview((ObjectNode) review, drop, rename));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static void editReview(ObjectNode review, String drop, String rename) {
        if (rename != null) {
            JsonNode value = review.remove(rename);
            if (value != null) {
                review.set(rename + "Renamed", value);
            }
            return;
        }
        if (drop != null) {
            review.remove(drop);
        }
        review.put(ADDED_JSON, 7);
    }

    /** The sheet without the column (cells to its right moved left) and with the added column at the end. */
    private static byte[] editWorkbook(byte[] bytes, String sheetName, String drop, String rename) throws IOException {
        try (InputStream in = new java.io.ByteArrayInputStream(bytes); Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheet(sheetName);
            int headerRow = -1;
            int dropAt = -1;
            String marker = normalise(rename != null ? rename : drop);
            for (int r = 0; r <= sheet.getLastRowNum() && headerRow < 0; r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && normalise(cell.getStringCellValue()).equals(marker)) {
                        headerRow = r;
                        dropAt = cell.getColumnIndex();
                    }
                }
            }
            if (headerRow < 0) {
                throw new AssertionError("sheet " + sheetName + " has no column " + marker);
            }
            if (rename != null) {
                Cell cell = sheet.getRow(headerRow).getCell(dropAt);
                cell.setCellValue(cell.getStringCellValue() + " (renamed)");
            } else {
                int width = sheet.getRow(headerRow).getLastCellNum();
                for (int r = headerRow; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    for (int col = dropAt; col < width - 1; col++) {
                        copy(row, col + 1, col);
                    }
                    Cell last = row.getCell(width - 1) == null ? row.createCell(width - 1) : row.getCell(width - 1);
                    if (r == headerRow) {
                        last.setBlank();
                        last.setCellValue(ADDED);
                    } else {
                        last.setBlank();
                        last.setCellValue(7);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void copy(Row row, int from, int to) {
        Cell source = row.getCell(from);
        Cell target = row.getCell(to) == null ? row.createCell(to) : row.getCell(to);
        target.setBlank();
        if (source == null) {
            return;
        }
        target.setCellStyle(source.getCellStyle());
        switch (source.getCellType()) {
            case STRING -> target.setCellValue(source.getStringCellValue());
            case NUMERIC -> target.setCellValue(source.getNumericCellValue());
            case BOOLEAN -> target.setCellValue(source.getBooleanCellValue());
            default -> {
            }
        }
    }

    private static int indexOf(List<String> cells, String column) {
        for (int i = 0; i < cells.size(); i++) {
            if (normalise(cells.get(i)).equals(normalise(column))) {
                return i;
            }
        }
        return -1;
    }

    private static String normalise(String s) {
        return s.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    /** The text of a file and how to write it back: with its byte-order mark and encoding. */
    private record Encoded(String text, byte[] bom, java.nio.charset.Charset charset) {

        static Encoded of(byte[] bytes) {
            if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
                return new Encoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), new byte[] { (byte) 0xFF, (byte) 0xFE },
                        StandardCharsets.UTF_16LE);
            }
            if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
                return new Encoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8),
                        new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, StandardCharsets.UTF_8);
            }
            return new Encoded(new String(bytes, StandardCharsets.UTF_8), new byte[0], StandardCharsets.UTF_8);
        }

        byte[] encode(String edited) {
            byte[] body = edited.getBytes(charset);
            byte[] all = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, all, 0, bom.length);
            System.arraycopy(body, 0, all, bom.length, body.length);
            return all;
        }
    }

    // ------------------------------------------------------------------ importing and comparing

    private static String prefix(Case c) {
        if (c.entry != null) {
            return c.entry + ": ";
        }
        return c.sheet != null ? "sheet '" + c.sheet + "': " : "";
    }

    /** Uploads the bytes under the sample's own name (for zipped formats: in a zip of the same name with that entry alone). */
    private static JsonPath upload(String owner, Practice practice, Case c, byte[] bytes) throws IOException {
        String name = c.path().getFileName().toString();
        byte[] content = c.entry == null ? bytes : Zips.of(Map.of(c.entry, bytes), 6);
        return TestData.upload(owner, practice, write(name, content));
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        Path file = Files.createTempDirectory("drift").resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** Every stored row of the practice by its natural key, each as field → value (extra flattened to extra.name). */
    private Map<String, Map<String, Object>> stored(long practiceId) throws Exception {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        collect(rows, "post", 5, """
                select p.platform, a.handle, p.external_id, s.as_of, 'post' as kind, p.published_at, p.text, p.permalink, p.post_type,
                       s.impressions, s.reach, s.engagements, s.likes, s.comments, s.shares, s.saves, s.clicks, s.profile_clicks,
                       s.video_views, s.watch_time_seconds, s.follows, s.extra::text as extra
                from post p join social_account a on a.practice_id = p.practice_id and a.id = p.account_id
                join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id where p.practice_id = ?
                """, practiceId);
        collect(rows, "day", 4, """
                select a.platform, a.handle, d.day, 'day' as kind, d.followers, d.follows_gained, d.unfollows, d.profile_visits,
                       d.website_clicks, d.impressions, d.reach, d.engagements, d.video_views, d.watch_time_seconds, d.posts_published,
                       d.extra::text as extra
                from account_daily_metric d join social_account a on a.practice_id = d.practice_id and a.id = d.account_id
                where d.practice_id = ?
                """, practiceId);
        collect(rows, "traffic", 5, """
                select day, source, medium, channel, 'traffic' as kind, platform, sessions, conversions
                from web_traffic_daily where practice_id = ?
                """, practiceId);
        collect(rows, "review", 3, """
                select site, external_id, 'review' as kind, location, provider, rating, title, text, text_translation, author,
                       created_at, source_updated_at, reply_text, replied_at, url
                from review where practice_id = ?
                """, practiceId);
        return rows;
    }

    private void collect(Map<String, Map<String, Object>> rows, String table, int keyColumns, String sql, long practiceId)
            throws Exception {
        for (Map<String, Object> row : StoredRows.query(dataSource, sql, practiceId)) {
            List<String> key = new ArrayList<>();
            Map<String, Object> fields = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (i++ < keyColumns) {
                    key.add(String.valueOf(e.getValue()));
                } else if (e.getKey().equals("extra")) {
                    if (e.getValue() != null) {
                        Map<String, Object> extra = JSON.readValue((String) e.getValue(), new TypeReference<Map<String, Object>>() {
                        });
                        extra.forEach((name, value) -> fields.put(table + ".extra." + name, value));
                    }
                } else if (!e.getKey().equals("kind")) {
                    fields.put(table + "." + e.getKey(), e.getValue());
                }
            }
            rows.put(table + " " + key, fields);
        }
    }

    /** The same rows and values, but what the dropped column fed is null afterwards (and the new column's counts are extra). */
    private static void assertSameExceptAffected(Case c, Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
        assertFalse(before.isEmpty(), "the sample stores rows");
        assertEquals(before.keySet(), after.keySet(), "the same rows are stored");
        Set<String> affected = new HashSet<>();
        Map<String, String[]> sums = new LinkedHashMap<>();
        for (String a : c.affected) {
            if (a.contains("=")) {
                sums.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1).split("-"));
            } else {
                affected.add(a);
            }
        }
        boolean fedSomething = false;
        for (Map.Entry<String, Map<String, Object>> e : before.entrySet()) {
            Map<String, Object> was = e.getValue();
            Map<String, Object> is = after.get(e.getKey());
            Set<String> fields = new HashSet<>(was.keySet());
            fields.addAll(is.keySet());
            for (String field : fields) {
                if (field.toLowerCase(Locale.ROOT).contains("brand new metric")) {
                    continue; // the added column, kept in extra by the formats that keep unknown counts
                }
                if (sums.containsKey(field)) {
                    String[] parts = sums.get(field);
                    Long whole = (Long) was.get(parts[0]);
                    Long dropped = (Long) was.get(parts[1]);
                    Long rest = whole == null ? null : dropped == null ? whole : Long.valueOf(whole - dropped);
                    assertEquals(rest, is.get(field), e.getKey() + " " + field + " without the dropped part");
                } else if (affected.contains(field)) {
                    assertNull(is.get(field), e.getKey() + " " + field + " was fed by the dropped column");
                    fedSomething |= was.get(field) != null;
                } else {
                    assertEquals(was.get(field), is.get(field), e.getKey() + " " + field);
                }
            }
        }
        if (!affected.isEmpty()) {
            assertTrue(fedSomething, "the dropped column fed " + affected + " in the untouched sample");
        }
    }
}
