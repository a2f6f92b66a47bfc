package org.practicepulse.reputation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
class ReplyCheckResourceTest {

    private static final String PATH = "/api/reviews/reply-check";
    private static final String DISCLOSING = "We're sorry your visit on March 3 took longer than expected.";

    @Inject
    TestData data;

    @Test
    void aReputationManagerGetsTheFindingsOfADisclosingReply() {
        Practice practice = data.practice("reply-check", "America/Chicago");
        String manager = data.user("reply-reputation", Role.REPUTATION, practice);
        TestData.as(manager).contentType(ContentType.JSON)
                .body(Map.of("text", DISCLOSING, "reviewText", "Waited an hour past my appointment time. Terrible."))
                .post(PATH).then().statusCode(200)
                .body("risk", equalTo("high"))
                .body("findings", hasSize(2))
                .body("findings[0].rule", equalTo("patient-relationship"))
                .body("findings[0].excerpt", equalTo("your visit"))
                .body("findings[0].start", equalTo(12))
                .body("findings[0].end", equalTo(22))
                .body("findings[0].explanation", startsWith("Confirms that the reviewer is or was a patient"))
                .body("findings[1].rule", equalTo("visit-date"))
                .body("findings[1].excerpt", equalTo("March 3"))
                .body("findings[1].start", equalTo(26))
                .body("findings[1].end", equalTo(33))
                .body("suggestedReply", startsWith("Thank you for taking the time to share this feedback. We take every concern seriously"));
    }

    @Test
    void anOwnerGetsLowRiskForAGenericReplyAndTheReviewerNameCounts() {
        Practice practice = data.practice("reply-check-owner", "America/Chicago");
        String owner = data.user("reply-owner", Role.OWNER, practice);
        TestData.as(owner).contentType(ContentType.JSON)
                .body(Map.of("text", "Thank you for your feedback. Please call our office so we can talk."))
                .post(PATH).then().statusCode(200)
                .body("risk", equalTo("low")).body("findings", hasSize(0))
                .body("suggestedReply", startsWith("Thank you for taking the time to share your feedback. Privacy rules"));
        TestData.as(owner).contentType(ContentType.JSON)
                .body(Map.of("text", "Thanks so much, Priya!", "reviewerName", "Priya N."))
                .post(PATH).then().statusCode(200)
                .body("risk", equalTo("medium")).body("findings[0].rule", equalTo("reviewer-name"));
    }

    @Test
    void leadershipMayNotCheckReplies() {
        Practice practice = data.practice("reply-check-leader", "America/Chicago");
        String leader = data.user("reply-leadership", Role.LEADERSHIP, practice);
        TestData.as(leader).contentType(ContentType.JSON).body(Map.of("text", DISCLOSING)).post(PATH)
                .then().statusCode(403);
    }

    @Test
    void withoutCredentialsTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(Map.of("text", DISCLOSING)).post(PATH)
                .then().statusCode(401).body("error", equalTo("unauthorized"));
    }

    @Test
    void aMissingOrOversizedTextIsABadRequest() {
        String owner = data.user("reply-owner-400", Role.OWNER, data.practice("reply-check-400", "UTC"));
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("reviewText", "Great clinic")).post(PATH)
                .then().statusCode(400).body("error", equalTo("missing text"));
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("text", "a".repeat(ReplyCheckResource.MAX_TEXT + 1))).post(PATH)
                .then().statusCode(400).body("error", equalTo("text too long"));
    }
}
