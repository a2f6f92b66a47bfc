package org.practicepulse.ingest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** One file = one transaction: imported once, entirely or not at all, with rejects reported by line. */
@QuarkusTest
class ImportRunTest {

    private static final Path SAMPLE = Path.of("import-samples", "lakeside-family-medicine", "x",
            "tweet_activity_metrics_LakesideFamMed_20260901_20261001_en.csv");

    @Inject
    TestData data;

    private JsonPath upload(String user, Practice practice, Path file) {
        return TestData.upload(user, practice, file);
    }

    private JsonPath summary(String user, Practice practice) {
        return TestData.as(user).get("/api/metrics/summary?practice=" + practice.slug + "&from=2026-01-01&to=2026-12-31")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        Practice practice = data.practice("idem", "America/Chicago");
        String owner = data.user("idem-owner", Role.OWNER, practice);

        JsonPath first = upload(owner, practice, SAMPLE);
        assertEquals("IMPORTED", first.getString("status"));
        String before = summary(owner, practice).prettify();

        JsonPath second = upload(owner, practice, SAMPLE);
        assertEquals("SKIPPED", second.getString("status"));
        assertTrue(second.getString("message").contains("already imported as run " + first.getLong("id")), second.getString("message"));
        assertEquals(before, summary(owner, practice).prettify());
        assertEquals(10, summary(owner, practice).getInt("posts"));
    }

    @Test
    void theUploadedOriginalIsKeptByteForByte() throws Exception {
        Practice practice = data.practice("keep", "UTC");
        String owner = data.user("keep-owner", Role.OWNER, practice);
        JsonPath run = upload(owner, practice, SAMPLE);
        Path kept;
        try (var files = Files.walk(Path.of("target", "test-uploads", practice.slug))) {
            kept = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        assertArrayEquals(Files.readAllBytes(SAMPLE), Files.readAllBytes(kept));
        assertEquals(SAMPLE.getFileName().toString(), run.getString("file"));
    }

    @Test
    void unreadableRowsAreRejectedWithTheirLineAndTheRestImports() {
        Practice practice = data.practice("partial", "UTC");
        String owner = data.user("partial-owner", Role.OWNER, practice);
        JsonPath run = upload(owner, practice, TestData.fixture("x/x-with-bad-rows.csv"));
        assertEquals("PARTIAL", run.getString("status"));
        assertEquals(5, run.getInt("rowsRead"));
        assertEquals(2, run.getInt("rowsImported"));
        assertEquals(3, run.getInt("rowsRejected"));
        assertEquals(java.util.List.of(3, 4, 7), run.getList("errors.line", Integer.class));
        assertTrue(run.getString("errors[0].message").contains("impressions: 'abc' is not a number"));
        assertTrue(run.getString("errors[1].message").contains("time '2026-09-31 14:00 +0000'"));
        assertTrue(run.getString("errors[2].message").contains("likes: -4 is negative"));

        JsonPath totals = summary(owner, practice);
        assertEquals(2, totals.getInt("posts"));
        assertEquals(300, totals.getInt("impressions"));
        assertEquals(13, totals.getInt("engagements"));
    }

    @Test
    void aFileOfUnknownFormatFailsAndWritesNothing() {
        Practice practice = data.practice("failed", "UTC");
        String owner = data.user("failed-owner", Role.OWNER, practice);
        JsonPath run = upload(owner, practice, TestData.fixture("x/not-an-export.csv"));
        assertEquals("FAILED", run.getString("status"));
        assertEquals("unrecognised format; first line: patient_id,visit,notes", run.getString("message"));
        assertEquals(0, run.getInt("rowsImported"));
        assertEquals(0, summary(owner, practice).getInt("posts"));

        TestData.as(owner).get("/api/imports?practice=" + practice.slug).then().statusCode(200)
                .body("status", contains("FAILED")).body("[0].format", nullValue());
    }

    @Test
    void emptyAndBinaryFilesFailWithAReason() throws Exception {
        Practice practice = data.practice("empty", "UTC");
        String owner = data.user("empty-owner", Role.OWNER, practice);
        Path empty = Files.createTempFile("empty", ".csv");
        Path binary = Files.createTempFile("image", ".csv");
        Files.write(binary, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R' });
        assertEquals("the file is empty", upload(owner, practice, empty).getString("message"));
        assertTrue(upload(owner, practice, binary).getString("message").startsWith("the file is binary"));
    }

    @Test
    void anUnknownWorkbookAndATruncatedZipFailWithAReason() throws Exception {
        Practice practice = data.practice("binary", "UTC");
        String owner = data.user("binary-owner", Role.OWNER, practice);
        Path workbook = Files.createTempFile("budget", ".xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = Files.newOutputStream(workbook)) {
            wb.createSheet("Budget").createRow(0).createCell(0).setCellValue("Rent");
            wb.write(out);
        }
        JsonPath run = upload(owner, practice, workbook);
        assertEquals("FAILED", run.getString("status"));
        assertEquals("unrecognised format: a XLSX file whose content no importer recognises", run.getString("message"));

        Path zip = Files.createTempFile("export", ".zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("Table data.csv"));
            out.write(Files.readAllBytes(SAMPLE));
            out.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(zip);
        Files.write(zip, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        JsonPath truncated = upload(owner, practice, zip);
        assertEquals("FAILED", truncated.getString("status"));
        assertTrue(truncated.getString("message").startsWith("the zip is damaged or truncated"), truncated.getString("message"));
    }

    @Test
    void aHeaderOnlyFileImportsNothingAndSaysSo() throws Exception {
        Practice practice = data.practice("header", "UTC");
        String owner = data.user("header-owner", Role.OWNER, practice);
        Path headerOnly = Files.createTempFile("tweet_activity_metrics_x_20260101_20260201_en", ".csv");
        Files.writeString(headerOnly, Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).get(0) + "\n");
        JsonPath run = upload(owner, practice, headerOnly);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals(0, run.getInt("rowsRead"));
        assertEquals("the file has a header but no data rows", run.getString("message"));
    }

    @Test
    void anImportListShowsOnlyTheCallersPractices() {
        Practice mine = data.practice("list-mine", "UTC");
        Practice other = data.practice("list-other", "UTC");
        String me = data.user("list-me", Role.OWNER, mine);
        String them = data.user("list-them", Role.OWNER, other);
        upload(them, other, SAMPLE);

        TestData.as(me).get("/api/imports").then().statusCode(200).body("practice", not(org.hamcrest.Matchers.hasItem(other.slug)));
        TestData.as(me).get("/api/imports?practice=" + other.slug).then().statusCode(404).body("error", equalTo("unknown practice"));
        TestData.as(me).multiPart("file", SAMPLE.toFile()).post("/api/imports?practice=" + other.slug).then().statusCode(404);
        TestData.as(them).get("/api/imports?practice=" + other.slug).then().statusCode(200).body("$", hasSize(1))
                .body("[0].errors", empty());
    }

    @Test
    void onlyOwnersUpload() {
        Practice practice = data.practice("roles", "UTC");
        String leader = data.user("roles-leader", Role.LEADERSHIP, practice);
        TestData.as(leader).multiPart("file", SAMPLE.toFile()).post("/api/imports?practice=" + practice.slug)
                .then().statusCode(403);
        TestData.as(leader).get("/api/imports?practice=" + practice.slug).then().statusCode(200);
    }

    @Test
    void aMissingFileFieldIsAClearError() {
        Practice practice = data.practice("nofile", "UTC");
        String owner = data.user("nofile-owner", Role.OWNER, practice);
        TestData.as(owner).multiPart("other", "x").post("/api/imports?practice=" + practice.slug)
                .then().statusCode(400).body("detail", containsString("'file'"));
    }
}
