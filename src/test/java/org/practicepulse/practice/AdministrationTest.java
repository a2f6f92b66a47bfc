package org.practicepulse.practice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Issue 10: practices, users and the audit trail, over real HTTP. */
@QuarkusTest
class AdministrationTest {

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    @Test
    void adminsCreatePracticesOwnersEditTheirs() {
        String admin = data.admin("adm");
        String slug = "new-clinic-" + System.nanoTime();
        TestData.as(admin).contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "New Clinic", "timeZone", "Europe/London"))
                .post("/api/practices").then().statusCode(201).header("Location", containsString("/api/practices/" + slug))
                .body("timeZone", equalTo("Europe/London"));
        TestData.as(admin).contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Again", "timeZone", "UTC"))
                .post("/api/practices").then().statusCode(409);
        TestData.as(admin).contentType(ContentType.JSON).body(Map.of("slug", "Bad Slug!", "name", "X", "timeZone", "UTC"))
                .post("/api/practices").then().statusCode(400).body("error", equalTo("bad slug"));
        TestData.as(admin).contentType(ContentType.JSON).body(Map.of("slug", slug + "-2", "name", "X", "timeZone", "Mars/Olympus"))
                .post("/api/practices").then().statusCode(400).body("error", equalTo("bad time zone"));

        Practice mine = data.practice("adm-mine", "UTC");
        String owner = data.user("adm-owner", Role.OWNER, mine);
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("slug", "owner-made", "name", "X", "timeZone", "UTC"))
                .post("/api/practices").then().statusCode(403);
        TestData.as(owner).get("/api/practices").then().statusCode(200).body("slug", equalTo(List.of(mine.slug)));
        TestData.as(owner).contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed", "locations", List.of("Main St", "Lakeview"),
                        "clinicians", List.of(Map.of("name", "Dr. Maya Okafor", "accounts", List.of("x:DrMayaOkafor")))))
                .put("/api/practices/" + mine.slug).then().statusCode(200).body("name", equalTo("Renamed"))
                .body("locations", equalTo(List.of("Main St", "Lakeview"))).body("clinicians[0].accounts[0]", equalTo("x:DrMayaOkafor"));
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("name", "Theirs"))
                .put("/api/practices/" + slug).then().statusCode(404);
        String leader = data.user("adm-leader", Role.LEADERSHIP, mine);
        TestData.as(leader).contentType(ContentType.JSON).body(Map.of("name", "Nope")).put("/api/practices/" + mine.slug)
                .then().statusCode(403);
    }

    @Test
    void aNewTimeZoneRebucketsTheWeeks() {
        Practice practice = data.practice("adm-tz", "UTC");
        String owner = data.user("adm-tz-owner", Role.OWNER, practice);
        Path file = Path.of("import-samples", "lakeside-family-medicine", "x", "tweet_activity_metrics_DrMayaOkafor_20260801_20260901_en.csv");
        TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug).then().statusCode(200);
        // 2091702227477086217: Monday 2026-08-24 01:40 UTC, which is Sunday evening in Chicago.
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-08-24").queryParam("to", "2026-08-24")
                .get("/api/metrics/summary").then().body("posts", equalTo(1));
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("timeZone", "America/Chicago"))
                .put("/api/practices/" + practice.slug).then().statusCode(200);
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-08-24").queryParam("to", "2026-08-24")
                .get("/api/metrics/summary").then().body("posts", equalTo(0));
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-08-23").queryParam("to", "2026-08-23")
                .get("/api/metrics/summary").then().body("posts", equalTo(1)).body("impressions", equalTo(1555));
    }

    @Test
    void ownersManageTheUsersOfTheirPractices() {
        Practice mine = data.practice("usr-mine", "UTC");
        Practice other = data.practice("usr-other", "UTC");
        String owner = data.user("usr-owner", Role.OWNER, mine);
        String stranger = data.user("usr-stranger", Role.REPUTATION, other);
        String name = "rep-" + System.nanoTime();

        String created = TestData.as(owner).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "Kestrel-Harbor-42", "roles", List.of("reputation"), "practices", List.of(mine.slug)))
                .post("/api/users").then().statusCode(201).header("Location", containsString("/api/users/" + name))
                .body("roles", equalTo(List.of("reputation"))).body("practices", equalTo(List.of(mine.slug)))
                .extract().asString();
        assertTrue(!created.contains("Kestrel") && !created.contains("$2a$"), "neither the password nor its hash is returned");
        given().auth().preemptive().basic(name, "Kestrel-Harbor-42").get("/api/me").then().statusCode(200);

        TestData.as(owner).get("/api/users").then().statusCode(200).body("username", hasItem(name))
                .body("username", not(hasItem(stranger)));
        // An owner cannot grant a practice they do not own, nor an admin role.
        TestData.as(owner).contentType(ContentType.JSON)
                .body(Map.of("username", name + "x", "password", "Kestrel-Harbor-42", "roles", List.of("owner"), "practices", List.of(other.slug)))
                .post("/api/users").then().statusCode(404);
        TestData.as(owner).contentType(ContentType.JSON)
                .body(Map.of("username", name + "y", "password", "Kestrel-Harbor-42", "roles", List.of("admin"), "practices", List.of(mine.slug)))
                .post("/api/users").then().statusCode(400).body("error", equalTo("bad role"));
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("roles", List.of("owner"), "practices", List.of(other.slug)))
                .patch("/api/users/" + name).then().statusCode(404);
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("disabled", true)).patch("/api/users/" + stranger)
                .then().statusCode(404);

        // Password rules
        for (String weak : List.of("short1!", "password123!", "Summer2026", "aaaaaaaaaaaaaaaa", name + "w-longer-pass")) {
            TestData.as(owner).contentType(ContentType.JSON)
                    .body(Map.of("username", name + "w", "password", weak, "roles", List.of("leadership"), "practices", List.of(mine.slug)))
                    .post("/api/users").then().statusCode(400).body("error", equalTo("weak password"));
        }

        // Password reset, then disabling refuses the user at once, then delete.
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("password", "Osprey-Meadow-77")).patch("/api/users/" + name)
                .then().statusCode(200);
        given().auth().preemptive().basic(name, "Kestrel-Harbor-42").get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic(name, "Osprey-Meadow-77").get("/api/me").then().statusCode(200);
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("disabled", true)).patch("/api/users/" + name)
                .then().statusCode(200).body("disabled", equalTo(true));
        given().auth().preemptive().basic(name, "Osprey-Meadow-77").get("/api/me").then().statusCode(401);
        TestData.as(owner).delete("/api/users/" + name).then().statusCode(204);
        TestData.as(owner).delete("/api/users/" + name).then().statusCode(404);

        // Non-owners manage nobody.
        TestData.as(stranger).get("/api/users").then().statusCode(403);
    }

    @Test
    void everyChangeAndSignInIsAuditedAndTheTrailCannotBeChanged() throws Exception {
        Practice practice = data.practice("aud", "UTC");
        String owner = data.user("aud-owner", Role.OWNER, practice);
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("name", "Audited Clinic")).put("/api/practices/" + practice.slug)
                .then().statusCode(200);
        given().auth().preemptive().basic(owner, "wrong-password-here").get("/api/me").then().statusCode(401);
        given().redirects().follow(false).formParam("j_username", owner).formParam("j_password", TestData.PASSWORD)
                .post("/j_security_check").then().statusCode(302);
        Path file = Path.of("import-samples", "lakeside-family-medicine", "x", "tweet_activity_metrics_DrDanReyesMD_20261101_20261116_en.csv");
        TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug).then().statusCode(200);

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", today).queryParam("to", tomorrow)
                .get("/api/audit").then().statusCode(200)
                .body("action", equalTo(List.of("IMPORT_UPLOADED", "LOGIN_SUCCEEDED", "LOGIN_FAILED", "PRACTICE_UPDATED")))
                .body("[0].target", equalTo(file.getFileName().toString()))
                .body("[2].detail", equalTo("wrong password"))
                .body("[3].actor", equalTo(owner))
                .body("[3].remote", equalTo("127.0.0.1"))
                .body("detail", not(hasItem(containsString(TestData.PASSWORD))));
        TestData.as(owner).delete("/api/audit").then().statusCode(405);
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            assertThrows(java.sql.SQLException.class, () -> st.executeUpdate("delete from audit_event"));
        }
        String leader = data.user("aud-leader", Role.LEADERSHIP, practice);
        TestData.as(leader).queryParam("practice", practice.slug).queryParam("from", today).queryParam("to", tomorrow)
                .get("/api/audit").then().statusCode(403);
    }

    @Test
    void repeatedFailedSignInsLockTheUsernameForAWhile() {
        String owner = data.user("lock", Role.OWNER, data.practice("lock", "UTC"));
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(owner, "not-it-" + i).get("/api/me").then().statusCode(401);
        }
        given().auth().preemptive().basic(owner, TestData.PASSWORD).get("/api/me").then().statusCode(401);
        assertEquals(401, given().auth().preemptive().basic(owner, TestData.PASSWORD).get("/api/me").statusCode());
    }
}
