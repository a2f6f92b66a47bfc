package org.practicepulse.report;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;

import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import jakarta.inject.Inject;

/**
 * The scheduled job, driven with explicit "now"s (the schedule is off in tests) on the demo
 * practice's X samples (America/Chicago, CDT = UTC-5 in September): each period goes out once,
 * also after a restart and with two instances at the same moment; empty periods are skipped when
 * asked; the attachment opens and covers the right days; the digest says the API's figures in words.
 */
@QuarkusTest
class ReportDeliveryTest {

    /** Monday 2026-09-14, 06:59 and 07:00 in Chicago. */
    private static final Instant MONDAY_0659 = Instant.parse("2026-09-14T11:59:00Z");
    private static final Instant MONDAY_0700 = Instant.parse("2026-09-14T12:00:00Z");

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;
    @Inject
    MockMailbox mailbox;
    @Inject
    ReportDeliveries deliveries;
    @Inject
    Reports reports;
    @Inject
    ReportDigest digest;
    @Inject
    Mailer mailer;

    private static Practice practice;
    private static String owner;
    private final List<Long> subscriptions = new ArrayList<>();

    @BeforeEach
    void importTheXSamples() throws IOException {
        if (practice != null) {
            return;
        }
        practice = data.practice("delivery", "America/Chicago");
        owner = data.user("delivery-owner", Role.OWNER, practice);
        try (var files = Files.list(Path.of("import-samples", "lakeside-family-medicine", "x"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tweet_activity_metrics_")).sorted().toList()) {
                TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                        .then().statusCode(200).body("status", equalTo("IMPORTED"));
            }
        }
    }

    /** Other tests' subscriptions must not be delivered by this class's "now"s, nor ours by theirs. */
    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> TestData.as(owner).delete("/api/subscriptions/" + id));
        subscriptions.clear();
    }

    private String recipient(String name) {
        return name + "-" + System.nanoTime() + "@example.org";
    }

    /** A subscription as if made at 'madeAt'. */
    private long subscribe(String dashboard, String format, String schedule, boolean skipEmpty, Instant madeAt,
            String... recipients) {
        long id = TestData.as(owner).contentType("application/json").body(Map.of("dashboard", dashboard, "practice",
                practice.slug, "format", format, "schedule", schedule, "recipients", List.of(recipients), "skipEmpty", skipEmpty))
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath().getLong("id");
        subscriptions.add(id);
        StoredRows.of(dataSource, "update report_subscription set created_at = ? where id = ? returning id",
                Timestamp.from(madeAt), id);
        return id;
    }

    private List<ReportDeliveries.Delivery> deliveriesOf(long subscription, List<ReportDeliveries.Delivery> all) {
        return all.stream().filter(d -> d.subscriptionId() == subscription).toList();
    }

    private JsonPath summary(String from, String to) {
        return TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", from).queryParam("to", to)
                .get("/api/metrics/summary").then().statusCode(200).extract().jsonPath();
    }

    private static MailAttachment onlyAttachment(MailMessage mail) {
        assertEquals(1, mail.getAttachment().size());
        return mail.getAttachment().get(0);
    }

    @Test
    void weeklyReportGoesOutOnMondayFromSevenOncePerWeekEvenAfterARestart() throws IOException {
        String alice = recipient("alice");
        String bob = recipient("bob");
        long id = subscribe("weekly-engagement", "pdf", "weekly", false, Instant.parse("2026-09-08T15:00:00Z"), alice, bob);

        assertEquals(List.of(), deliveriesOf(id, deliveries.deliverDue(MONDAY_0659)), "before 07:00 nothing is due");
        assertEquals(0, mailbox.getMailMessagesSentTo(alice).size());

        List<ReportDeliveries.Delivery> first = deliveriesOf(id, deliveries.deliverDue(MONDAY_0700));
        String fileName = practice.slug + "_weekly-engagement_2026-09-07_2026-09-13.pdf";
        assertEquals(List.of(new ReportDeliveries.Delivery(id, java.time.LocalDate.of(2026, 9, 7),
                java.time.LocalDate.of(2026, 9, 13), ReportDeliveries.Status.SENT, fileName)), first);
        assertEquals(List.of(), deliveriesOf(id, deliveries.deliverDue(MONDAY_0700.plusSeconds(60))), "the next minute");
        ReportDeliveries restarted = new ReportDeliveries(dataSource, reports, digest, mailer);
        assertEquals(List.of(), deliveriesOf(id, restarted.deliverDue(Instant.parse("2026-09-18T09:00:00Z"))),
                "a new instance (a restart) later that week");

        List<MailMessage> mails = mailbox.getMailMessagesSentTo(alice);
        assertEquals(1, mails.size());
        assertEquals(1, mailbox.getMailMessagesSentTo(bob).size());
        MailMessage mail = mails.get(0);
        assertEquals(List.of(alice, bob), mail.getTo());
        assertEquals(practice.name + ": weekly engagement, Sep 7, 2026 – Sep 13, 2026", mail.getSubject());
        MailAttachment attachment = onlyAttachment(mail);
        assertEquals(fileName, attachment.getName());
        assertEquals("application/pdf", attachment.getContentType());
        JsonPath week = summary("2026-09-07", "2026-09-13");
        try (PDDocument pdf = Loader.loadPDF(attachment.getData().getBytes())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Period 2026-09-07 to 2026-09-13 (7 days, time zone America/Chicago)"), text);
            assertTrue(text.contains("Impressions\n" + FigureText.count(week.getLong("impressions")) + "\n"), text);
        }
        assertTrue(mail.getText().contains("Here is the week Sep 7, 2026 – Sep 13, 2026 for " + practice.name + "."), mail.getText());
        assertTrue(mail.getText().contains("The full weekly engagement report is attached (" + fileName + ")."), mail.getText());

        assertEquals(List.of(Map.of("status", "SENT", "file_name", fileName)), StoredRows.of(dataSource,
                "select status, file_name from report_delivery where subscription_id = ?", id));

        // The next Monday, the next week, once.
        Instant nextMonday = Instant.parse("2026-09-21T12:00:00Z");
        assertEquals(1, deliveriesOf(id, restarted.deliverDue(nextMonday)).size());
        assertEquals(List.of(), deliveriesOf(id, deliveries.deliverDue(nextMonday)));
        assertEquals(2, mailbox.getMailMessagesSentTo(alice).size());
        assertEquals(practice.slug + "_weekly-engagement_2026-09-14_2026-09-20.pdf",
                onlyAttachment(mailbox.getMailMessagesSentTo(alice).get(1)).getName());
    }

    @Test
    void twoInstancesAtTheSameMomentSendOneMail() throws Exception {
        String carol = recipient("carol");
        long id = subscribe("weekly-engagement", "xlsx", "weekly", false, Instant.parse("2026-09-08T15:00:00Z"), carol);
        ReportDeliveries other = new ReportDeliveries(dataSource, reports, digest, mailer);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<List<ReportDeliveries.Delivery>>> both = List.of(() -> deliveries.deliverDue(MONDAY_0700),
                    () -> other.deliverDue(MONDAY_0700));
            int delivered = 0;
            for (Future<List<ReportDeliveries.Delivery>> result : pool.invokeAll(both)) {
                delivered += deliveriesOf(id, result.get()).size();
            }
            assertEquals(1, delivered);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, mailbox.getMailMessagesSentTo(carol).size());
        assertEquals(List.of(Map.of("n", 1L)), StoredRows.of(dataSource,
                "select count(*) as n from report_delivery where subscription_id = ?", id));
    }

    @Test
    void monthlyXlsxCoversThePreviousCalendarMonthWithTheApisFiguresAndSaysThemInWords() throws IOException {
        String dana = recipient("dana");
        long id = subscribe("weekly-engagement", "xlsx", "monthly", false, Instant.parse("2026-09-15T15:00:00Z"), dana);
        assertEquals(List.of(), deliveriesOf(id, deliveries.deliverDue(Instant.parse("2026-10-01T11:59:00Z"))));
        List<ReportDeliveries.Delivery> sent = deliveriesOf(id, deliveries.deliverDue(Instant.parse("2026-10-01T12:00:00Z")));
        assertEquals(1, sent.size());
        assertEquals("2026-09-01..2026-09-30", sent.get(0).from() + ".." + sent.get(0).to());

        MailMessage mail = mailbox.getMailMessagesSentTo(dana).get(0);
        MailAttachment attachment = onlyAttachment(mail);
        assertEquals(practice.slug + "_weekly-engagement_2026-09-01_2026-09-30.xlsx", attachment.getName());
        assertEquals(XlsxReportWriter.CONTENT_TYPE, attachment.getContentType());
        JsonPath september = summary("2026-09-01", "2026-09-30");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(attachment.getData().getBytes()))) {
            assertEquals("2026-09-01 to 2026-09-30", workbook.getProperties().getCoreProperties().getSubject());
            var figures = workbook.getSheet("Key figures");
            assertEquals("This period (2026-09-01 to 2026-09-30)", figures.getRow(0).getCell(1).getStringCellValue());
            assertEquals("Impressions", figures.getRow(2).getCell(0).getStringCellValue());
            assertEquals(september.getLong("impressions"), (long) figures.getRow(2).getCell(1).getNumericCellValue());
        }

        // The digest: September against the 30 days before it (Aug 2 - 31), figures as the API gives them.
        assertEquals(41573, september.getLong("impressions"));
        assertEquals(32172, september.getLong("previous.impressions"));
        String text = mail.getText();
        assertTrue(text.startsWith("Here is September 2026 for " + practice.name + ".\n"), text);
        assertTrue(text.contains("\nEngagement last month\n"), text);
        assertTrue(text.contains("- Posts rose 14% to 24.\n"), text);
        assertTrue(text.contains("- Impressions rose 29% to 41,573.\n"), text);
        assertTrue(text.contains("- Engagements rose 37% to 1,636.\n"), text);
        assertTrue(text.contains("- Engagement rate (by impressions) rose from 3.70% to 3.94%.\n"), text);
        assertTrue(text.contains("- Link clicks rose 27% to 225.\n"), text);
        assertTrue(!text.contains("Reach") && !text.contains("Social sessions"), "figures nobody reports are left out:\n" + text);
        assertTrue(text.contains("\nBest post\n- “@PetraLindholm Great question!"), text);
        assertTrue(text.indexOf("Engagement last month") < text.indexOf("Best post"), text);
        assertTrue(mail.getHtml().contains("<li>Impressions rose 29% to 41,573.</li>"), mail.getHtml());
    }

    @Test
    void emptyPeriodsAreSkippedWhenAskedAndSentWithZerosOtherwise() throws IOException {
        String erin = recipient("erin");
        String frank = recipient("frank");
        Instant madeAt = Instant.parse("2026-07-01T15:00:00Z");
        long skipping = subscribe("leadership", "csv", "weekly", true, madeAt, erin);
        long sending = subscribe("leadership", "csv", "weekly", false, madeAt, frank);
        // Monday 2026-07-13, 07:00 CDT: the week of July 6-12 has no posts in the samples (they start in August).
        Instant monday = Instant.parse("2026-07-13T12:00:00Z");
        Map<Long, ReportDeliveries.Status> done = new HashMap<>();
        deliveries.deliverDue(monday).forEach(d -> done.put(d.subscriptionId(), d.status()));
        assertEquals(ReportDeliveries.Status.SKIPPED_EMPTY, done.get(skipping));
        assertEquals(ReportDeliveries.Status.SENT, done.get(sending));
        assertEquals(0, mailbox.getMailMessagesSentTo(erin).size());
        assertEquals(List.of(), deliveriesOf(skipping, deliveries.deliverDue(monday.plusSeconds(600))),
                "a skipped period is recorded and not looked at again");
        assertEquals(List.of(Map.of("status", "SKIPPED_EMPTY")), StoredRows.of(dataSource,
                "select status from report_delivery where subscription_id = ?", skipping));

        MailAttachment zip = onlyAttachment(mailbox.getMailMessagesSentTo(frank).get(0));
        assertEquals(practice.slug + "_leadership_2026-07-06_2026-07-12.zip", zip.getName());
        Map<String, byte[]> entries = ReportExportTest.unzip(zip.getData().getBytes());
        assertEquals(List.of("01-period-comparison.csv", "02-accounts.csv", "03-risky-posts-by-category.csv",
                "04-riskiest-posts.csv", "05-top-posts.csv", "06-reputation-summary.csv"), new ArrayList<>(entries.keySet()));
        var comparison = ReportExportTest.csv(entries.get("01-period-comparison.csv"));
        assertEquals("This period (2026-07-06 to 2026-07-12)", comparison.get(0).get(1));
        assertEquals(List.of("Posts", "0"), comparison.get(1).toList().subList(0, 2));
        assertEquals(1, ReportExportTest.csv(entries.get("05-top-posts.csv")).size(), "only the header");
    }

    @Test
    void aCronScheduleCoversTheDaysSinceItsPreviousSending() {
        String gina = recipient("gina");
        // Every Wednesday and Saturday at 18:30 Chicago time.
        long id = subscribe("weekly-engagement", "pdf", "0 30 18 ? * WED,SAT", false, Instant.parse("2026-09-01T00:00:00Z"), gina);
        // Saturday 2026-09-12, 18:30 CDT = 23:30Z: covers Wednesday 9th to Friday 11th.
        List<ReportDeliveries.Delivery> sent = deliveriesOf(id, deliveries.deliverDue(Instant.parse("2026-09-12T23:31:00Z")));
        assertEquals(1, sent.size());
        assertEquals("2026-09-09..2026-09-11", sent.get(0).from() + ".." + sent.get(0).to());
        assertEquals(practice.slug + "_weekly-engagement_2026-09-09_2026-09-11.pdf",
                onlyAttachment(mailbox.getMailMessagesSentTo(gina).get(0)).getName());
    }
}
