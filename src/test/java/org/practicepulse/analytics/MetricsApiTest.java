package org.practicepulse.analytics;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Figures of the demo practice's X samples (America/Chicago), computed by hand from the files
 * with a spreadsheet-independent script and written here as constants.
 */
@QuarkusTest
class MetricsApiTest {

    @Inject
    TestData data;

    // Imported once for the class: every test here only reads.
    private static Practice practice;
    private static String owner;

    @BeforeEach
    void importTheSamples() throws Exception {
        if (practice != null) {
            return;
        }
        practice = data.practice("metrics", "America/Chicago");
        owner = data.user("metrics-owner", Role.OWNER, practice);
        try (var files = Files.list(Path.of("import-samples", "lakeside-family-medicine", "x"))) {
            // The figures below are those of the per-tweet samples; the x.com content sample would add newer snapshots.
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tweet_activity_metrics_")).sorted().toList()) {
                TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                        .then().statusCode(200).body("status", equalTo("IMPORTED"));
            }
        }
    }

    private RequestSpecification api() {
        return TestData.as(owner).queryParam("practice", practice.slug);
    }

    @Test
    void summaryOfAugust() {
        api().queryParam("from", "2026-08-01").queryParam("to", "2026-08-31").get("/api/metrics/summary").then()
                .statusCode(200)
                .body("posts", equalTo(21))
                .body("impressions", equalTo(32172))
                .body("engagements", equalTo(1190))
                .body("clicks", equalTo(177))
                .body("reach", nullValue())
                .body("engagementRate.numerator", equalTo(1190))
                .body("engagementRate.denominator", equalTo(32172))
                .body("engagementRate.value", closeTo(1190.0 / 32172, 1e-12));
    }

    @Test
    void summaryOfEverythingAndOfOneAccountsPlatform() {
        api().queryParam("from", "2026-07-01").queryParam("to", "2026-11-30").get("/api/metrics/summary").then()
                .statusCode(200).body("posts", equalTo(78)).body("impressions", equalTo(128067))
                .body("engagements", equalTo(4684)).body("clicks", equalTo(653));
        api().queryParam("from", "2026-07-01").queryParam("to", "2026-11-30").queryParam("platform", "X")
                .get("/api/metrics/summary").then().statusCode(200).body("posts", equalTo(78)).body("platform", equalTo("x"));
        api().queryParam("from", "2026-07-01").queryParam("to", "2026-11-30").queryParam("platform", "facebook")
                .get("/api/metrics/summary").then().statusCode(200).body("posts", equalTo(0)).body("impressions", equalTo(0));
    }

    @Test
    void aTweetAtMondayOneFortyUtcIsSundayInChicago() {
        // 2091702227477086217 was posted 2026-08-24 01:40 UTC = 2026-08-23 20:40 CDT.
        api().queryParam("from", "2026-08-23").queryParam("to", "2026-08-23").get("/api/metrics/summary").then()
                .statusCode(200).body("posts", equalTo(1)).body("impressions", equalTo(1555)).body("engagements", equalTo(54));
        api().queryParam("from", "2026-08-24").queryParam("to", "2026-08-24").get("/api/metrics/summary").then()
                .statusCode(200).body("posts", equalTo(0)).body("impressions", equalTo(0));
    }

    @Test
    void weeksRunMondayToSundayInThePracticeZoneAndEmptyWeeksAreZeros() {
        api().queryParam("from", "2026-08-17").queryParam("to", "2026-10-18").get("/api/metrics/weekly").then()
                .statusCode(200)
                .body("timeZone", equalTo("America/Chicago"))
                .body("weeks.size()", equalTo(9))
                .body("weeks[0].week", equalTo("2026-W34"))
                .body("weeks[0].weekStart", equalTo("2026-08-17"))
                .body("weeks[0].weekEnd", equalTo("2026-08-23"))
                .body("weeks[0].posts", equalTo(5))
                .body("weeks[0].impressions", equalTo(5363))
                .body("weeks[0].engagements", equalTo(168))
                .body("weeks[0].byPlatform.x.posts", equalTo(5))
                .body("weeks[1].posts", equalTo(5))
                .body("weeks[1].impressions", equalTo(5059))
                .body("weeks[7].weekStart", equalTo("2026-10-05"))
                .body("weeks[7].impressions", equalTo(11444))
                .body("weeks[8].weekStart", equalTo("2026-10-12"))
                .body("weeks[8].posts", equalTo(0))
                .body("weeks[8].impressions", equalTo(0))
                .body("weeks[8].engagementRate.value", nullValue());
    }

    @Test
    void aPartialFirstWeekIsCutToThePeriod() {
        api().queryParam("from", "2026-08-19").queryParam("to", "2026-08-23").get("/api/metrics/weekly").then()
                .statusCode(200).body("weeks.size()", equalTo(1))
                .body("weeks[0].weekStart", equalTo("2026-08-19")).body("weeks[0].weekEnd", equalTo("2026-08-23"));
    }

    @Test
    void badParametersAre400WithAReason() {
        api().queryParam("from", "2026-09-01").queryParam("to", "2026-08-01").get("/api/metrics/summary").then()
                .statusCode(400).body("error", equalTo("bad period")).body("detail", containsString("after"));
        api().queryParam("from", "yesterday").queryParam("to", "2026-08-01").get("/api/metrics/summary").then()
                .statusCode(400).body("error", equalTo("bad date"));
        api().queryParam("to", "2026-08-01").get("/api/metrics/weekly").then()
                .statusCode(400).body("error", equalTo("missing parameter"));
        api().queryParam("from", "2015-01-01").queryParam("to", "2026-08-01").get("/api/metrics/weekly").then()
                .statusCode(400).body("detail", containsString("5 years"));
        api().queryParam("from", "2026-08-01").queryParam("to", "2026-08-31").queryParam("platform", "myspace")
                .get("/api/metrics/summary").then().statusCode(400).body("error", equalTo("unknown platform"));
        TestData.as(owner).queryParam("from", "2026-08-01").queryParam("to", "2026-08-31").get("/api/metrics/summary")
                .then().statusCode(400).body("error", equalTo("missing parameter"));
    }

    @Test
    void anotherPracticesFiguresAre404() {
        Practice other = data.practice("metrics-other", "UTC");
        String stranger = data.user("metrics-stranger", Role.OWNER, other);
        TestData.as(stranger).queryParam("practice", practice.slug).queryParam("from", "2026-08-01").queryParam("to", "2026-08-31")
                .get("/api/metrics/summary").then().statusCode(404).body("error", equalTo("unknown practice"));
        TestData.as(stranger).queryParam("practice", practice.slug).queryParam("from", "2026-08-01").queryParam("to", "2026-08-31")
                .get("/api/metrics/weekly").then().statusCode(404);
    }

    @Test
    void definitionsNameEveryFormula() {
        TestData.as(owner).get("/api/metrics/definitions").then().statusCode(200)
                .body("metrics.key", hasItem("engagementRate"))
                .body("metrics.find { it.key == 'engagementRate' }.formula", containsString("Σ engagements / Σ impressions"))
                .body("engagementsByPlatform.x", containsString("engagements"));
    }
}
