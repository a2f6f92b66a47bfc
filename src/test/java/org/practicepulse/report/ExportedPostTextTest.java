package org.practicepulse.report;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.ext.mail.MailMessage;
import jakarta.inject.Inject;

/**
 * Post texts imported from a generic CSV (a formula, an @-call, HTML) leave the service harmless:
 * as text in CSV and XLSX downloads, escaped in the digest e-mail's HTML.
 */
@QuarkusTest
class ExportedPostTextTest {

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;
    @Inject
    MockMailbox mailbox;
    @Inject
    ReportDeliveries deliveries;

    private static Practice practice;
    private static String owner;

    @BeforeEach
    void importThePosts() {
        if (practice != null) {
            return;
        }
        practice = data.practice("formula", "America/Chicago");
        owner = data.user("formula-owner", Role.OWNER, practice);
        TestData.as(owner).multiPart("file", TestData.fixture("generic/posts-with-formula-text.csv").toFile())
                .post("/api/imports?practice=" + practice.slug).then().statusCode(200).body("status", equalTo("IMPORTED"))
                .body("rowsImported", equalTo(6));
    }

    private RequestSpecification api() {
        return TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-09-07")
                .queryParam("to", "2026-09-13");
    }

    @Test
    void csvAndXlsxDownloadsKeepFormulaLikePostTextAsText() throws IOException {
        List<String> texts = api().get("/api/posts").then().statusCode(200).extract().jsonPath().getList("text");
        assertEquals(6, texts.size());
        assertTrue(texts.contains("=HYPERLINK(\"http://evil\",\"x\")"), texts.toString());
        assertTrue(texts.contains("@SUM(1+1)"), texts.toString());

        byte[] zip = api().queryParam("format", "csv").get("/api/reports/weekly-engagement").then().statusCode(200).extract()
                .asByteArray();
        List<CSVRecord> csv = ReportExportTest.csv(ReportExportTest.unzip(zip).get("03-top-posts.csv"));
        Map<String, String> csvByOriginal = new HashMap<>();
        for (int i = 1; i < csv.size(); i++) {
            csvByOriginal.put(texts.get(i - 1), csv.get(i).get(4));
        }
        assertEquals("'=HYPERLINK(\"http://evil\",\"x\")", csvByOriginal.get("=HYPERLINK(\"http://evil\",\"x\")"));
        assertEquals("'@SUM(1+1)", csvByOriginal.get("@SUM(1+1)"));
        assertEquals("'+1+1", csvByOriginal.get("+1+1"));
        assertEquals("'-2+3 cups of water a day", csvByOriginal.get("-2+3 cups of water a day"));
        assertEquals("Plain words about sleep", csvByOriginal.get("Plain words about sleep"));

        byte[] xlsx = api().queryParam("format", "xlsx").get("/api/reports/weekly-engagement").then().statusCode(200).extract()
                .asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    row.forEach(cell -> assertFalse(cell.getCellType() == CellType.FORMULA, sheet.getSheetName() + " " + cell.getAddress()));
                }
            }
            Sheet posts = workbook.getSheet("Top posts");
            for (int r = 1; r <= posts.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Cell cell = posts.getRow(r).getCell(4);
                assertEquals(CellType.STRING, cell.getCellType());
                assertEquals(texts.get(r - 1), cell.getStringCellValue());
                assertEquals(FormulaInjection.looksLikeFormula(texts.get(r - 1)), cell.getCellStyle().getQuotePrefixed(),
                        cell.getStringCellValue());
            }
        }
    }

    @Test
    void theDigestEscapesPostTextAndPracticeNameInItsHtml() throws IOException {
        StoredRows.of(dataSource, "update practice set name = ? where id = ? returning id", "Lakeside <Family> & \"Co\"",
                practice.id);
        String recipient = "escape-" + System.nanoTime() + "@example.org";
        long id = TestData.as(owner).contentType("application/json").body(Map.of("dashboard", "weekly-engagement", "practice",
                practice.slug, "format", "pdf", "schedule", "weekly", "recipients", List.of(recipient)))
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath().getLong("id");
        StoredRows.of(dataSource, "update report_subscription set created_at = ? where id = ? returning id",
                java.sql.Timestamp.from(Instant.parse("2026-09-08T00:00:00Z")), id);
        try {
            deliveries.deliverDue(Instant.parse("2026-09-14T12:00:00Z"));
            List<MailMessage> mails = mailbox.getMailMessagesSentTo(recipient);
            assertEquals(1, mails.size());
            MailMessage mail = mails.get(0);
            assertEquals("Lakeside <Family> & \"Co\": weekly engagement, Sep 7, 2026 – Sep 13, 2026", mail.getSubject());
            String html = mail.getHtml();
            assertTrue(html.contains("Lakeside &lt;Family&gt; &amp; &quot;Co&quot;"), html);
            assertTrue(html.contains("“&lt;b&gt;Flu shots&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; today” on threads"), html);
            assertFalse(html.contains("<script>"), html);
            assertFalse(html.contains("<b>"), html);
            assertTrue(html.contains("<li>Posts: 6 (none the week before).</li>"), html);
            assertTrue(mail.getText().contains("“<b>Flu shots</b> & <script>alert(1)</script> today” on threads"), mail.getText());
        } finally {
            TestData.as(owner).delete("/api/subscriptions/" + id).then().statusCode(204);
        }
    }
}
