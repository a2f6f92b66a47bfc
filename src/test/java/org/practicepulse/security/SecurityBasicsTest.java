package org.practicepulse.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Issue 9, point 6: security headers, CSRF, and no secret in the logs. */
@QuarkusTest
class SecurityBasicsTest {

    @Inject
    TestData data;

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/login.html", "/api/me", "/q/health")) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
    }

    @Test
    void cookieSignedChangesNeedTheXRequestedWithHeader() {
        Practice practice = data.practice("csrf", "UTC");
        String owner = data.user("csrf-owner", Role.OWNER, practice);
        String cookie = given().redirects().follow(false).formParam("j_username", owner).formParam("j_password", TestData.PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookie("quarkus-credential");
        // A cross-site form would send the cookie but cannot add the header.
        given().cookie("quarkus-credential", cookie).contentType(ContentType.JSON).body(Map.of("name", "Hijacked"))
                .put("/api/practices/" + practice.slug).then().statusCode(403).body("error", equalTo("csrf"));
        given().cookie("quarkus-credential", cookie).header("X-Requested-With", "XMLHttpRequest").contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed by the page")).put("/api/practices/" + practice.slug).then().statusCode(200);
        // Reads need nothing; Basic-auth clients need nothing.
        given().cookie("quarkus-credential", cookie).get("/api/me").then().statusCode(200);
        TestData.as(owner).contentType(ContentType.JSON).body(Map.of("name", "Renamed by a script"))
                .put("/api/practices/" + practice.slug).then().statusCode(200);
    }

    @Test
    void passwordsNeverReachTheLog() throws Exception {
        Practice practice = data.practice("secrets", "UTC");
        String owner = data.user("secrets-owner", Role.OWNER, practice);
        String secret = "Zebra-Lantern-Quartz-" + System.nanoTime();
        TestData.as(owner).contentType(ContentType.JSON)
                .body(Map.of("username", "secret-user-" + System.nanoTime(), "password", secret, "roles", List.of("leadership"),
                        "practices", List.of(practice.slug)))
                .post("/api/users").then().statusCode(201);
        given().auth().preemptive().basic(owner, secret).get("/api/me").then().statusCode(401);
        given().redirects().follow(false).formParam("j_username", owner).formParam("j_password", secret).post("/j_security_check");
        Path log = Path.of("target", "test-quarkus.log");
        String text = Files.readString(log);
        assertFalse(text.contains(secret), "a password reached " + log);
        assertFalse(text.contains(TestData.PASSWORD), "a password reached " + log);
    }
}
