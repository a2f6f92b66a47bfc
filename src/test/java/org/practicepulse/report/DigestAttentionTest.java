package org.practicepulse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;

import io.quarkus.mailer.MockMailbox;
import io.vertx.ext.mail.MailMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Issue 8 point 4: the digest opens with the period's negative reviews and risky posts, then the figures. */
@QuarkusTest
class DigestAttentionTest {

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;
    @Inject
    MockMailbox mailbox;
    @Inject
    ReportDeliveries deliveries;

    @Test
    void negativeReviewsAndRiskyPostsComeFirst() throws Exception {
        Practice practice = data.practice("digest-attention", "America/Chicago");
        String owner = data.user("digest-attention-owner", Role.OWNER, practice);
        Path dir = Files.createDirectories(Path.of("target", "digest-test"));
        Path reviews = Files.writeString(dir.resolve(System.nanoTime() + "-reviews.csv"),
                "source,location,provider,review_id,created_at,rating,title,text,reviewer,reply_text,reply_at,url\n"
                        + "Healthgrades,Lakeside,Dr. Reyes,d-1,2026-09-20,1,,\"Rude staff and a two hour wait.\",Pat,,,\n"
                        + "Healthgrades,Lakeside,Dr. Reyes,d-2,2026-09-21,5,,\"Wonderful care, thank you!\",Sam,,,\n"
                        + "Healthgrades,Lakeside,Dr. Reyes,d-3,2026-10-02,1,,\"Terrible, in October.\",Lee,,,\n");
        assertEquals("IMPORTED", TestData.upload(owner, practice, reviews).getString("status"));
        Path posts = Files.writeString(dir.resolve(System.nanoTime() + "-posts.csv"),
                "platform,account,post_id,published_at,text,impressions,likes,comments,as_of\n"
                        + "threads,lakeside,p-1,2026-09-10T15:00:00Z,\"DM me your symptoms and I'll tell you which antibiotic to take\",900,12,3,2026-10-01\n"
                        + "threads,lakeside,p-2,2026-09-11T15:00:00Z,Flu shots are in at our Lakeshore office,800,20,1,2026-10-01\n");
        assertEquals("IMPORTED", TestData.upload(owner, practice, posts).getString("status"));

        String dana = "dana-" + System.nanoTime() + "@example.org";
        long id = TestData.as(owner).contentType("application/json").body(Map.of("dashboard", "weekly-engagement", "practice",
                practice.slug, "format", "pdf", "schedule", "monthly", "recipients", List.of(dana), "skipEmpty", false))
                .post("/api/subscriptions").then().statusCode(201).extract().jsonPath().getLong("id");
        StoredRows.of(dataSource, "update report_subscription set created_at = ? where id = ? returning id",
                Timestamp.from(Instant.parse("2026-09-15T15:00:00Z")), id);
        deliveries.deliverDue(Instant.parse("2026-10-01T12:00:00Z"));

        MailMessage mail = mailbox.getMailMessagesSentTo(dana).get(0);
        String text = mail.getText();
        int attention = text.indexOf("\nNeeds your attention\n");
        assertTrue(attention > 0, text);
        assertTrue(text.contains("- Negative review on healthgrades, 1★ (not answered yet): “Rude staff and a two hour wait.” by Pat\n"), text);
        assertTrue(!text.contains("Terrible, in October") && !text.contains("Wonderful care"), "only September's negative reviews:\n" + text);
        int riskyLine = text.indexOf("-risk post on threads by @lakeside (score ");
        assertTrue(riskyLine > attention, text);
        assertTrue(text.contains("medical advice") || text.contains("boundary"), text);
        assertTrue(text.contains("“DM me your symptoms"), text);
        String attentionPart = text.substring(attention, text.indexOf("\nEngagement last month\n"));
        assertTrue(!attentionPart.contains("Flu shots"), "the clean post is not an attention item:\n" + text);
        assertEquals(3, attentionPart.split("\n- ").length, "one review and one post:\n" + attentionPart);
        assertTrue(text.indexOf("Rude staff") < riskyLine, "reviews first, then risky posts:\n" + text);
        assertTrue(riskyLine < text.indexOf("\nEngagement last month\n"), "attention items come before the figures:\n" + text);
        assertTrue(mail.getHtml().contains("Rude staff and a two hour wait."), mail.getHtml());
    }
}
