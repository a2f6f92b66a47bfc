package org.practicepulse.reputation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * The review inbox and the reputation summary, on fixtures/reviews/cohort-reviews.csv (practice in
 * America/Chicago). The figures below are worked out by hand from that file.
 */
@QuarkusTest
class ReviewsApiTest {

    @Inject
    TestData data;

    private Practice practice;
    private String owner;

    private Practice importCohort(String prefix) {
        practice = data.practice(prefix, "America/Chicago");
        owner = data.user(prefix + "-owner", Role.OWNER, practice);
        TestData.as(owner).multiPart("file", TestData.fixture("reviews/cohort-reviews.csv").toFile())
                .post("/api/imports?practice=" + practice.slug).then().statusCode(200).body("rowsImported", equalTo(7));
        return practice;
    }

    private RequestSpecification reviews(String user) {
        return TestData.as(user).queryParam("practice", practice.slug);
    }

    @Test
    void reviewsComeNewestFirstWithTheirAssessment() {
        importCohort("reviews-list");
        reviews(owner).get("/api/reviews").then().statusCode(200)
                .body("text", contains("Long wait.", "Good doctor.", "Okay visit.", "Terrible billing experience.",
                        "Rude and dismissive staff.", "Wonderful care, thank you!", "Great."))
                .body("[4].site", equalTo("healthgrades"))
                .body("[4].rating", equalTo(1))
                .body("[4].author", equalTo("Bob"))
                .body("[4].createdAt", equalTo("2026-01-10T16:00:00Z"))
                .body("[4].replied", equalTo(true))
                .body("[4].replyText", equalTo("We are sorry to hear this. Please call our office manager so we can help."))
                .body("[4].repliedAt", equalTo("2026-02-03T16:00:00Z"))
                .body("[4].sentiment.score", closeTo(-0.4588, 1e-9))
                .body("[4].sentiment.label", equalTo("negative"))
                .body("[4].negative", equalTo(true))
                .body("[4].safety", equalTo(false))
                .body("[4].replyRisk", equalTo("low"))
                .body("[2].replied", equalTo(false))
                .body("[2].replyText", nullValue())
                .body("[2].replyRisk", nullValue())
                .body("[2].negative", equalTo(false));
    }

    @Test
    void filtersNarrowTheList() {
        importCohort("reviews-filters");
        // January in Chicago: 23:30 on the 31st is in, 00:30 on February 1st is out
        reviews(owner).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").get("/api/reviews").then().statusCode(200)
                .body("text", contains("Good doctor.", "Okay visit.", "Terrible billing experience.", "Rude and dismissive staff.",
                        "Wonderful care, thank you!"));
        reviews(owner).queryParam("site", "Zocdoc").get("/api/reviews").then().statusCode(200)
                .body("text", contains("Good doctor.", "Okay visit."));
        reviews(owner).queryParam("maxRating", "2").get("/api/reviews").then().statusCode(200)
                .body("text", contains("Long wait.", "Terrible billing experience.", "Rude and dismissive staff."));
        reviews(owner).queryParam("sentiment", "negative").get("/api/reviews").then().statusCode(200)
                .body("text", contains("Terrible billing experience.", "Rude and dismissive staff."));
        reviews(owner).queryParam("sentiment", "neutral").get("/api/reviews").then().statusCode(200)
                .body("text", contains("Long wait."));
        reviews(owner).queryParam("unanswered", "true").get("/api/reviews").then().statusCode(200)
                .body("text", contains("Long wait.", "Okay visit."));
        reviews(owner).queryParam("unanswered", "true").queryParam("maxRating", "2").queryParam("from", "2026-02-01")
                .queryParam("to", "2026-02-28").get("/api/reviews").then().statusCode(200).body("text", contains("Long wait."));
        reviews(owner).queryParam("site", "yelp").get("/api/reviews").then().statusCode(200).body("$", hasSize(0));
        reviews(owner).queryParam("limit", "2").get("/api/reviews").then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void badParametersAre400AndOtherPracticesAre404() {
        importCohort("reviews-bad");
        for (String[] bad : new String[][] { { "maxRating", "6" }, { "maxRating", "two" }, { "sentiment", "angry" },
                { "unanswered", "maybe" }, { "from", "2026-01-01" }, { "limit", "0" } }) {
            reviews(owner).queryParam(bad[0], bad[1]).get("/api/reviews").then().statusCode(400)
                    .body("error", equalTo("from".equals(bad[0]) ? "missing parameter" : "bad " + bad[0]));
        }
        reviews(owner).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/api/reputation/summary")
                .then().statusCode(400).body("error", equalTo("bad period"));
        reviews(owner).get("/api/reputation/summary").then().statusCode(400).body("error", equalTo("missing parameter"));
        TestData.as(owner).get("/api/reviews").then().statusCode(400).body("error", equalTo("missing parameter"));

        Practice other = data.practice("reviews-other", "UTC");
        String stranger = data.user("reviews-stranger", Role.OWNER, other);
        reviews(stranger).get("/api/reviews").then().statusCode(404).body("error", equalTo("unknown practice"));
        reviews(stranger).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").get("/api/reputation/summary")
                .then().statusCode(404);
        given().queryParam("practice", practice.slug).get("/api/reviews").then().statusCode(401);
    }

    @Test
    void reputationAndLeadershipReadReviewsAndTheSummary() {
        importCohort("reviews-roles");
        String manager = data.user("reviews-manager", Role.REPUTATION, practice);
        String leader = data.user("reviews-leader", Role.LEADERSHIP, practice);
        for (String user : List.of(manager, leader)) {
            reviews(user).get("/api/reviews").then().statusCode(200).body("$", hasSize(7));
            reviews(user).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").get("/api/reputation/summary")
                    .then().statusCode(200).body("reviews", equalTo(5));
        }
    }

    @Test
    void summaryCountsTheCreationCohortAndTheMedianTimeToFirstReply() {
        importCohort("reviews-summary");
        // January: r1 (5★, replied after 6 h), r2 (1★, replied on February 3rd: 576 h, still January's), r3 (3★, unanswered,
        // positive words), r4 (4★, 23:30 on Jan 31 in Chicago, replied after 12 h), r7 (2★, replied, time unknown).
        reviews(owner).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").get("/api/reputation/summary")
                .then().statusCode(200)
                .body("reviews", equalTo(5))
                .body("averageRating", closeTo((5 + 1 + 3 + 4 + 2) / 5.0, 1e-9))
                .body("ratingDistribution.1", equalTo(1)).body("ratingDistribution.2", equalTo(1))
                .body("ratingDistribution.3", equalTo(1)).body("ratingDistribution.4", equalTo(1))
                .body("ratingDistribution.5", equalTo(1))
                .body("negative", equalTo(2))
                .body("safety", equalTo(0))
                .body("responseRate.value", closeTo(0.8, 1e-9))
                .body("responseRate.numerator", equalTo(4))
                .body("responseRate.denominator", equalTo(5))
                .body("medianResponseHours", closeTo(12.0, 1e-9)) // median of 6, 12 and 576 h; r7's time is unknown
                .body("netSentiment", closeTo((3 - 2) / 5.0, 1e-9)) // positive r1 r3 r4, negative r2 r7
                .body("bySite.site", contains("healthgrades", "zocdoc"))
                .body("bySite[0].reviews", equalTo(3))
                .body("bySite[0].averageRating", closeTo((5 + 1 + 2) / 3.0, 1e-9))
                .body("bySite[0].negative", equalTo(2))
                .body("bySite[0].responseRate.value", closeTo(1.0, 1e-9))
                .body("bySite[0].medianResponseHours", closeTo((6 + 576) / 2.0, 1e-9))
                .body("bySite[0].netSentiment", closeTo((1 - 2) / 3.0, 1e-9))
                .body("bySite[1].reviews", equalTo(2))
                .body("bySite[1].responseRate.numerator", equalTo(1))
                .body("bySite[1].medianResponseHours", closeTo(12.0, 1e-9));
        // February: only r5, unanswered. r2's reply in February does not count for February.
        reviews(owner).queryParam("from", "2026-02-01").queryParam("to", "2026-02-28").get("/api/reputation/summary")
                .then().statusCode(200)
                .body("reviews", equalTo(1))
                .body("responseRate.value", closeTo(0.0, 1e-9))
                .body("responseRate.numerator", equalTo(0))
                .body("medianResponseHours", nullValue())
                .body("netSentiment", closeTo(0.0, 1e-9));
        // A period without reviews: counts are zero, averages unknown.
        reviews(owner).queryParam("from", "2025-06-01").queryParam("to", "2025-06-30").get("/api/reputation/summary")
                .then().statusCode(200)
                .body("reviews", equalTo(0)).body("averageRating", nullValue()).body("ratingDistribution.5", equalTo(0))
                .body("responseRate.value", nullValue()).body("responseRate.denominator", equalTo(0))
                .body("medianResponseHours", nullValue()).body("netSentiment", nullValue()).body("bySite", hasSize(0));
        assertEquals(7, reviews(owner).get("/api/reviews").then().extract().jsonPath().getList("$").size());
    }
}
