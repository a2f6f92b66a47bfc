package org.practicepulse.risk;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/** The risk of a draft over HTTP, the risk of every imported sample post, and rescoring after a rules change. */
@QuarkusTest
class RiskApiTest {

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;
    @Inject
    PostRiskScoring scoring;
    @Inject
    RiskRules rules;

    @Test
    void aDraftGetsItsScoreLevelAndExplainedFindings() {
        Practice p = data.practice("risk-draft", "America/Chicago");
        String reputation = data.user("risk-draft-rep", Role.REPUTATION, p);
        String draft = "My 45-year-old patient in bed 4 this morning finally got her diagnosis. DM me if you want the details.";
        JsonPath risk = check(reputation, draft, "x");
        assertEquals("high", risk.getString("level"));
        assertTrue(risk.getInt("score") >= 60, "score " + risk.getInt("score"));
        assertEquals(rules.scorer(null).score("x", null).rulesVersion(), risk.getString("rulesVersion"));
        List<Map<String, Object>> findings = risk.getList("findings");
        assertEquals(List.of("boundary", "privacy"), categories(risk).stream().sorted().toList());
        for (Map<String, Object> f : findings) {
            // Every finding points at its words in the draft and says why and what the guidance is.
            assertEquals(draft.substring((Integer) f.get("start"), (Integer) f.get("end")), f.get("excerpt"));
            assertTrue(((String) f.get("explanation")).length() > 20, f.toString());
            assertTrue(((String) f.get("guidance")).length() > 10, f.toString());
            assertTrue(List.of("low", "medium", "high").contains(f.get("severity")), f.toString());
        }
        // A patient's number is an identifier (libphonenumber finds it in any notation); the practice's own is not.
        String patientPhone = "Mr. Whitaker's daughter asked us to post this: reach her at 312.555.0199 about his results.";
        assertTrue(check(reputation, patientPhone, null).getList("findings.excerpt").contains("312.555.0199"),
                check(reputation, patientPhone, null).prettify());
        assertEquals(0, check(reputation, "Call our front desk at (312) 555-0142 to book your flu shot.", null).getInt("score"));
    }

    @Test
    void negationsAndGeneralEducationDoNotTrigger() {
        Practice p = data.practice("risk-context", "America/Chicago");
        String owner = data.user("risk-context-owner", Role.OWNER, p);
        for (String clean : List.of(
                "We never share patient photos or stories without written consent.",
                "Ask your doctor before changing your dose of any blood pressure medicine.",
                "Flu shots are available Monday to Friday, 8 to 11, no appointment needed.",
                "Colorectal cancer screening starts at 45 for people at average risk (USPSTF 2021: https://www.uspreventiveservicestaskforce.org).")) {
            JsonPath risk = check(owner, clean, null);
            assertEquals(0, risk.getInt("score"), clean + " → " + risk.prettify());
            assertEquals("low", risk.getString("level"));
        }
        assertTrue(categories(check(owner, "@sam_k Stop taking your metformin and double your lisinopril to 40 mg tonight.", "x"))
                .contains("medical_advice"));
    }

    @Test
    void disclosureLowersAnEndorsementAndTwoMediumFindingsRankAboveOne() {
        Practice p = data.practice("risk-rank", "America/Chicago");
        String owner = data.user("risk-rank-owner", Role.OWNER, p);
        String promotion = "Loving this VitaBoost collagen powder, use code DRMAYA20 for 20% off at the link in my bio!";
        int undisclosed = check(owner, promotion, "instagram").getInt("score");
        int inadequate = check(owner, promotion + " #sp", "instagram").getInt("score");
        int disclosed = check(owner, promotion + " #ad", "instagram").getInt("score");
        assertTrue(disclosed < undisclosed, "disclosed " + disclosed + " < undisclosed " + undisclosed);
        assertTrue(inadequate >= undisclosed, "#sp is not an adequate disclosure: " + inadequate + " >= " + undisclosed);

        String one = "DM me your symptoms and I'll take a look.";
        String two = one + " Honestly the urgent care down the street is full of clowns.";
        JsonPath single = check(owner, one, "x");
        JsonPath both = check(owner, two, "x");
        assertEquals(List.of("boundary"), categories(single));
        assertEquals(List.of("boundary", "tone"), categories(both).stream().sorted().toList());
        assertTrue(both.getInt("score") > single.getInt("score"), both.getInt("score") + " > " + single.getInt("score"));
    }

    @Test
    void badDraftsAreRefusedWithAReason() {
        Practice p = data.practice("risk-bad", "America/Chicago");
        String owner = data.user("risk-bad-owner", Role.OWNER, p);
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("text", " ")).post("/api/risk/check").then()
                .statusCode(400).body("error", equalTo("missing text"));
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("text", "hello", "platform", "myspace"))
                .post("/api/risk/check").then().statusCode(400).body("error", equalTo("unknown platform"));
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("text", "x".repeat(RiskCheckResource.MAX_TEXT + 1)))
                .post("/api/risk/check").then().statusCode(400).body("error", equalTo("text too long"));
        Practice other = data.practice("risk-bad-other", "America/Chicago");
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("text", "hello")).post("/api/risk/check?practice=" + other.slug)
                .then().statusCode(404);
    }

    @Test
    void theImportSamplesHoldRiskyPostsOfEveryCategory() throws Exception {
        Practice p = data.practice("risk-samples", "America/Chicago");
        String owner = data.user("risk-samples-owner", Role.OWNER, p);
        Path demo = Path.of("import-samples", "lakeside-family-medicine");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("practice.json"))
                    .filter(f -> !f.startsWith(demo.resolve("reviews")) && !f.startsWith(demo.resolve("web"))).sorted().toList()) {
                TestData.upload(owner, p, file);
            }
        }
        List<String> missing = new java.util.ArrayList<>();
        for (String category : RiskCategory.ALL) {
            List<String> flagged = TestData.as(owner).queryParam("practice", p.slug).queryParam("from", "2026-01-01")
                    .queryParam("to", "2026-11-22").queryParam("category", category).queryParam("limit", 100).get("/api/posts")
                    .then().statusCode(200).extract().jsonPath().getList("risk.categories.flatten()", String.class);
            if (!flagged.contains(category)) {
                missing.add(category);
            }
        }
        assertEquals(List.of(), missing, "categories without a risky sample post");
        TestData.as(owner).queryParam("practice", p.slug).queryParam("from", "2026-01-01").queryParam("to", "2026-11-22")
                .queryParam("minRisk", 60).queryParam("limit", 100).get("/api/posts").then().statusCode(200)
                .body("risk.level", not(hasItem("low"))).body("risk.level", not(hasItem("medium")))
                .body("risk.level", hasItem("high"));
    }

    @Test
    void postsScoredWithOtherRulesAreRescored() throws Exception {
        Practice p = data.practice("risk-rescore", "America/Chicago");
        String owner = data.user("risk-rescore-owner", Role.OWNER, p);
        Path file = Files.createTempFile("rescore", ".csv");
        Files.writeString(file, """
                platform,post_id,published_at,text,impressions
                Threads,r-1,2026-09-02T09:00:00-05:00,DM me your symptoms and I'll tell you what to take.,100
                Threads,r-2,2026-09-03T09:00:00-05:00,Flu shots are available Monday to Friday.,100
                """);
        TestData.upload(owner, p, file);
        String current = rules.scorer(p.slug).score("x", null).rulesVersion();
        String scored = "select count(*) as n from post where practice_id = ? and risk_rules_version = ?";
        assertEquals(2L, ((Number) StoredRows.one(dataSource, scored, p.id, current).get("n")).longValue());
        String stored = "select count(*) as n from post_risk where practice_id = ?";
        assertEquals(1L, ((Number) StoredRows.one(dataSource, stored, p.id).get("n")).longValue(),
                "only the post with findings has a post_risk row");
        String riskyScore = "select r.score from post_risk r join post on post.id = r.post_id and post.practice_id = r.practice_id"
                + " where post.external_id = 'r-1' and r.practice_id = ?";
        int scoredOnImport = ((Number) StoredRows.one(dataSource, riskyScore, p.id).get("score")).intValue();
        assertTrue(scoredOnImport > 0);
        // As if the rules had changed since: both posts carry an older version, the risky one a stale
        // score, and the clean one a finding that the current rules no longer make.
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement(
                    "update post set risk_rules_version = '2020.01-1' where practice_id = ?")) {
                st.setLong(1, p.id);
                assertEquals(2, st.executeUpdate());
            }
            try (PreparedStatement st = c.prepareStatement(
                    "update post_risk set rules_version = '2020.01-1', score = 0, findings = '[]' where practice_id = ?")) {
                st.setLong(1, p.id);
                assertEquals(1, st.executeUpdate());
            }
            try (PreparedStatement st = c.prepareStatement("""
                    insert into post_risk (practice_id, post_id, rules_version, score, level, categories, findings, scored_at)
                    select practice_id, id, '2020.01-1', 40, 'medium', '{tone}', '[{"category":"tone"}]', now()
                    from post where practice_id = ? and external_id = 'r-2'
                    """)) {
                st.setLong(1, p.id);
                assertEquals(1, st.executeUpdate());
            }
        }
        TestData.as(owner).queryParam("practice", p.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .queryParam("minRisk", 1).get("/api/posts").then().statusCode(200).body("externalId", hasItem("r-2"));

        assertTrue(scoring.rescoreAll() >= 2);
        assertEquals(2L, ((Number) StoredRows.one(dataSource, scored, p.id, current).get("n")).longValue());
        assertEquals(1L, ((Number) StoredRows.one(dataSource, stored, p.id).get("n")).longValue(),
                "the clean post's stale finding is gone");
        assertEquals(scoredOnImport, ((Number) StoredRows.one(dataSource, riskyScore, p.id).get("score")).intValue(),
                "the risky post has its score back");
        TestData.as(owner).queryParam("practice", p.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .queryParam("sort", "risk").get("/api/posts").then().statusCode(200)
                .body("externalId", contains("r-1", "r-2"))
                .body("risk.score[0]", equalTo(scoredOnImport))
                .body("risk.score[1]", equalTo(0)).body("risk.level[1]", equalTo("low"))
                .body("risk.findings[1]", empty()).body("risk.categories[1]", empty());
        assertEquals(0, scoring.rescoreAll(), "nothing is left to rescore");
    }

    private static JsonPath check(String user, String text, String platform) {
        Map<String, String> body = platform == null ? Map.of("text", text) : Map.of("text", text, "platform", platform);
        return TestData.as(user).contentType(ContentType.JSON).body(body).post("/api/risk/check").then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<String> categories(JsonPath risk) {
        return risk.getList("findings.findAll { it.severity != 'low' }.category", String.class).stream().distinct().toList();
    }
}
