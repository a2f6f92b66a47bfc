package org.practicepulse.reputation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;
import org.practicepulse.support.WebhookReceiver;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Issue 4: each new negative review raises one alert, delivered by e-mail (MockMailbox) and to a real
 * local webhook receiver, after the import and never by it; safety mentions go to their own
 * recipients; digest practices get one mail a day; alerts are acknowledged by owners and reputation
 * managers only. Reviews are dated relative to now: older ones are history and raise nothing.
 */
@QuarkusTest
@WithTestResource(WebhookReceiver.class)
class ReviewAlertsTest {

    private static final String HEADER = "source,review_id,created_at,rating,text,reviewer,reply_text,reply_at\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;
    @Inject
    MockMailbox mailbox;
    @Inject
    AlertDeliveryJob job;

    private static String daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private JsonPath importCsv(String owner, Practice practice, String rows) throws Exception {
        Path file = Files.createTempFile("alert-reviews", ".csv");
        Files.writeString(file, HEADER + rows);
        JsonPath run = TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                .then().statusCode(200).extract().jsonPath();
        Files.delete(file);
        assertEquals(0, run.getInt("rowsRejected"), run.prettify());
        return run;
    }

    private List<Mail> mailsAbout(String to, Practice practice) {
        return mailbox.getMailsSentTo(to).stream().filter(m -> m.getSubject().contains(practice.name)).toList();
    }

    private List<Map<String, Object>> deliveries(Practice practice) {
        return StoredRows.of(dataSource, """
                select channel, target, kind, status, attempts, last_error, next_attempt_at, sent_at
                from alert_delivery where practice_id = ? order by channel, id""", practice.id);
    }

    private long alerts(Practice practice, String kind) {
        return ((Number) StoredRows.one(dataSource, "select count(*) as n from alert where practice_id = ? and kind = ?",
                practice.id, kind).get("n")).longValue();
    }

    @Test
    void aNewNegativeReviewAlertsOnceByMailAndWebhookRetriedAfterA500() throws Exception {
        Practice practice = data.practice("alert-negative", "America/Chicago");
        String owner = data.user("alert-negative-owner", Role.OWNER, practice);
        WebhookReceiver.answerNext(500);
        importCsv(owner, practice,
                "RateMDs,neg-1," + daysAgo(2) + ",1,\"Rude front desk. <script>alert(1)</script> Never again.\",Rita,,\n"
                        + "RateMDs,pos-1," + daysAgo(3) + ",5,Wonderful doctor.,Sam,,\n"
                        + "RateMDs,old-neg," + daysAgo(60) + ",1,Awful.,Old,,\n");

        // Stored and listed at once; nothing was sent by the import itself.
        assertEquals(1, alerts(practice, "negative"), "the 60-day-old review is history: no alert");
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("status", "open").get("/api/alerts").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].kind", equalTo("negative")).body("[0].status", equalTo("open"))
                .body("[0].review.text", equalTo("Rude front desk. <script>alert(1)</script> Never again."))
                .body("[0].review.rating", equalTo(1)).body("[0].review.site", equalTo("ratemds"));
        assertEquals(List.of("email/pending/0", "webhook/pending/0"), deliveries(practice).stream()
                .map(d -> d.get("channel") + "/" + d.get("status") + "/" + d.get("attempts")).toList());
        assertEquals(0, mailsAbout(WebhookReceiver.EMAIL_TO, practice).size());
        assertEquals(0, WebhookReceiver.mentioning(practice.slug).size());

        // First run of the job: the mail goes out, the webhook answers 500 and is scheduled again after the back-off.
        job.deliverDue();
        List<Mail> mails = mailsAbout(WebhookReceiver.EMAIL_TO, practice);
        assertEquals(1, mails.size());
        Mail mail = mails.get(0);
        assertEquals("Negative review on ratemds for " + practice.name + ": ★☆☆☆☆", mail.getSubject());
        assertTrue(mail.getHtml().contains("Rude front desk. &lt;script&gt;alert(1)&lt;/script&gt; Never again."), mail.getHtml());
        assertFalse(mail.getHtml().contains("<script>"), "review text is escaped in the HTML");
        assertTrue(mail.getText().contains("Rude front desk. <script>alert(1)</script> Never again."), mail.getText());
        Map<String, Object> webhook = deliveries(practice).get(1);
        assertEquals("pending", webhook.get("status"));
        assertEquals(1, ((Number) webhook.get("attempts")).intValue());
        assertEquals("java.io.IOException: the webhook answered HTTP 500", webhook.get("last_error"));
        Duration wait = Duration.between(Instant.now(), (Instant) webhook.get("next_attempt_at"));
        assertTrue(wait.toMillis() > WebhookReceiver.INITIAL_DELAY_MILLIS - 1500 && wait.toMillis() <= WebhookReceiver.INITIAL_DELAY_MILLIS,
                "retried after the initial delay, not at once: " + wait);
        job.deliverDue();
        assertEquals(1, WebhookReceiver.mentioning(practice.slug).size(), "not due yet");

        // After the back-off the retry succeeds.
        long deadline = System.currentTimeMillis() + 15_000;
        while (WebhookReceiver.mentioning(practice.slug).size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            job.deliverDue();
        }
        List<WebhookReceiver.Received> received = WebhookReceiver.mentioning(practice.slug);
        assertEquals(List.of(500, 200), received.stream().map(WebhookReceiver.Received::answeredWith).toList());
        assertEquals(received.get(0).deliveryId(), received.get(1).deliveryId(), "a retry carries the same delivery id");
        assertEquals("application/json", received.get(1).contentType());
        JsonNode body = JSON.readTree(received.get(1).body());
        assertEquals("review.alert", body.get("event").asText());
        assertEquals("negative", body.get("kind").asText());
        assertEquals(practice.slug, body.get("practice").get("slug").asText());
        assertEquals(1, body.get("alerts").size());
        JsonNode alert = body.get("alerts").get(0);
        assertEquals("ratemds", alert.get("site").asText());
        assertEquals(1, alert.get("rating").asInt());
        assertEquals("Rude front desk. <script>alert(1)</script> Never again.", alert.get("text").asText());
        assertEquals("Rita", alert.get("author").asText());
        assertEquals("negative", alert.get("sentiment").get("label").asText());
        assertEquals(List.of("email/sent/1", "webhook/sent/2"), deliveries(practice).stream()
                .map(d -> d.get("channel") + "/" + d.get("status") + "/" + d.get("attempts")).toList());

        // A newer file with the same review, edited and answered: no second alert, nothing sent again.
        importCsv(owner, practice, "RateMDs,neg-1," + daysAgo(2) + ",1,\"Rude front desk. Never again, really.\",Rita,"
                + "Please call our office manager so we can help.," + daysAgo(1) + "\n");
        assertEquals(1, alerts(practice, "negative"));
        assertEquals(0, job.deliverDue());
        assertEquals(1, mailsAbout(WebhookReceiver.EMAIL_TO, practice).size());
        assertEquals(2, WebhookReceiver.mentioning(practice.slug).size());
        assertEquals(2, deliveries(practice).size());
    }

    @Test
    void safetyMentionsEscalateToTheirOwnRecipientsEvenForDigestPractices() throws Exception {
        Practice practice = data.practice("alert-safety", "America/Chicago");
        String owner = data.user("alert-safety-owner", Role.OWNER, practice);
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("dailyDigest", true)).queryParam("practice", practice.slug)
                .put("/api/alerts/settings").then().statusCode(200).body("dailyDigest", equalTo(true));
        importCsv(owner, practice, "Vitals,safe-1," + daysAgo(1)
                + ",4,\"Dr. Reyes is great, but the pharmacy filled the wrong dose and my mother ended up in the ER.\",Lou,,\n");
        assertEquals(1, alerts(practice, "safety"));
        assertEquals(0, alerts(practice, "negative"), "four stars: not negative, but a safety mention");
        job.deliverDue();
        List<Mail> mails = mailsAbout(WebhookReceiver.SAFETY_EMAIL_TO, practice);
        assertEquals(1, mails.size(), "safety alerts are never held for the digest");
        assertEquals("[Safety] A review on vitals for " + practice.name + " mentions emergency, adverse-event", mails.get(0).getSubject());
        assertEquals(0, mailsAbout(WebhookReceiver.EMAIL_TO, practice).size(), "the safety recipients are their own");
        List<WebhookReceiver.Received> hooks = WebhookReceiver.mentioning(practice.slug);
        assertEquals(1, hooks.size(), "without safety webhooks of their own, the general webhooks get safety alerts");
        assertEquals("safety", JSON.readTree(hooks.get(0).body()).get("kind").asText());
        TestData.as(owner).queryParam("practice", practice.slug).get("/api/alerts").then().statusCode(200)
                .body("kind", contains("safety")).body("[0].review.safetyReasons", contains("emergency", "adverse-event"));
    }

    @Test
    void aDigestPracticeGetsOneMailForAllItsNegativeReviews() throws Exception {
        Practice practice = data.practice("alert-digest", "America/Chicago");
        String owner = data.user("alert-digest-owner", Role.OWNER, practice);
        String manager = data.user("alert-digest-manager", Role.REPUTATION, practice);
        TestData.as(manager).contentType(ContentType.JSON).body(Map.of("dailyDigest", true)).queryParam("practice", practice.slug)
                .put("/api/alerts/settings").then().statusCode(403);
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("dailyDigest", true)).queryParam("practice", practice.slug)
                .put("/api/alerts/settings").then().statusCode(200);
        TestData.as(manager).queryParam("practice", practice.slug).get("/api/alerts/settings").then().statusCode(200)
                .body("dailyDigest", equalTo(true));
        importCsv(owner, practice, "Zocdoc,d-1," + daysAgo(2) + ",2,Long wait and a rude nurse.,Al,,\n"
                + "Zocdoc,d-2," + daysAgo(1) + ",1,Terrible.,Bea,,\n");
        assertEquals(2, alerts(practice, "negative"));
        assertEquals(0, deliveries(practice).size(), "held for the digest");
        job.deliverDue();
        assertEquals(0, mailsAbout(WebhookReceiver.EMAIL_TO, practice).size());

        assertTrue(job.deliverDigests() >= 1);
        List<Mail> mails = mailsAbout(WebhookReceiver.EMAIL_TO, practice);
        assertEquals(1, mails.size());
        assertEquals("2 new negative reviews for " + practice.name + " (daily digest)", mails.get(0).getSubject());
        assertTrue(mails.get(0).getHtml().contains("Long wait and a rude nurse.") && mails.get(0).getHtml().contains("Terrible."));
        JsonNode hook = JSON.readTree(WebhookReceiver.mentioning(practice.slug).get(0).body());
        assertEquals("review.digest", hook.get("event").asText());
        assertEquals(2, hook.get("alerts").size());
        job.deliverDigests();
        assertEquals(1, mailsAbout(WebhookReceiver.EMAIL_TO, practice).size(), "each alert is in one digest only");
    }

    @Test
    void twoInstancesSendingAtOnceSendEachDeliveryOnce() throws Exception {
        Practice practice = data.practice("alert-race", "UTC");
        String owner = data.user("alert-race-owner", Role.OWNER, practice);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            rows.append("RateMDs,race-").append(i).append(',').append(daysAgo(1)).append(",1,Bad visit number ").append(i)
                    .append(".,R,,\n");
        }
        importCsv(owner, practice, rows.toString());
        assertEquals(24, deliveries(practice).size());
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> senders = List.of(job::deliverDue, job::deliverDue);
            int sent = 0;
            for (Future<Integer> f : instances.invokeAll(senders)) {
                sent += f.get();
            }
            assertTrue(sent >= 24, "every delivery of this practice was sent: " + sent);
        } finally {
            instances.shutdown();
        }
        assertEquals(12, mailsAbout(WebhookReceiver.EMAIL_TO, practice).size());
        List<WebhookReceiver.Received> hooks = WebhookReceiver.mentioning(practice.slug);
        assertEquals(12, hooks.size());
        assertEquals(12, hooks.stream().map(WebhookReceiver.Received::deliveryId).distinct().count());
        assertTrue(deliveries(practice).stream().allMatch(d -> "sent".equals(d.get("status")) && ((Number) d.get("attempts")).intValue() == 1));
    }

    @Test
    void ownersAndReputationManagersAcknowledgeAlertsOfTheirPracticeOnly() throws Exception {
        Practice practice = data.practice("alert-ack", "America/Chicago");
        String owner = data.user("alert-ack-owner", Role.OWNER, practice);
        String manager = data.user("alert-ack-manager", Role.REPUTATION, practice);
        String leader = data.user("alert-ack-leader", Role.LEADERSHIP, practice);
        importCsv(owner, practice, "Healthgrades,a-1," + daysAgo(3) + ",2,Dismissive.,Kim,,\n"
                + "Healthgrades,a-2," + daysAgo(2) + ",1,Never called back.,Lee,,\n");
        List<Long> ids = new ArrayList<>(TestData.as(manager).queryParam("practice", practice.slug).get("/api/alerts").then()
                .statusCode(200).body("review.text", contains("Never called back.", "Dismissive.")).extract().jsonPath()
                .getList("id", Long.class));

        TestData.as(manager).post("/api/alerts/" + ids.get(0) + "/ack").then().statusCode(200)
                .body("status", equalTo("acknowledged")).body("acknowledgedBy", equalTo(manager));
        TestData.as(owner).post("/api/alerts/" + ids.get(0) + "/ack").then().statusCode(200)
                .body("acknowledgedBy", equalTo(manager)); // the first acknowledgement stays
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("status", "open").get("/api/alerts").then()
                .statusCode(200).body("id", contains(ids.get(1).intValue()));
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("status", "acknowledged").get("/api/alerts").then()
                .statusCode(200).body("id", contains(ids.get(0).intValue()));
        assertEquals(1, StoredRows.of(dataSource, "select * from audit_event where practice_id = ? and action = 'ALERT_ACKNOWLEDGED'",
                practice.id).size());

        TestData.as(leader).queryParam("practice", practice.slug).get("/api/alerts").then().statusCode(403);
        TestData.as(leader).post("/api/alerts/" + ids.get(1) + "/ack").then().statusCode(403);
        Practice other = data.practice("alert-ack-other", "UTC");
        String stranger = data.user("alert-ack-stranger", Role.OWNER, other);
        TestData.as(stranger).post("/api/alerts/" + ids.get(1) + "/ack").then().statusCode(404).body("error", equalTo("unknown alert"));
        TestData.as(stranger).queryParam("practice", practice.slug).get("/api/alerts").then().statusCode(404);
        TestData.as(owner).post("/api/alerts/999999999/ack").then().statusCode(404);
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("status", "closed").get("/api/alerts").then()
                .statusCode(400).body("error", equalTo("bad status"));
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("status", "open").get("/api/alerts").then()
                .body("$", hasSize(1)); // the stranger changed nothing
    }
}
