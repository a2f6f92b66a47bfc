package org.practicepulse.security;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Sessions expire: with a 2-second timeout, a cookie is refused once it has been idle longer. */
@QuarkusTest
@TestProfile(SessionExpiryTest.ShortSessions.class)
class SessionExpiryTest {

    public static class ShortSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.form.timeout", "PT2S", "quarkus.http.auth.form.new-cookie-interval", "PT1S");
        }
    }

    @Inject
    TestData data;

    @Test
    void anIdleSessionExpires() throws Exception {
        String owner = data.user("expiry", Role.OWNER, data.practice("expiry", "UTC"));
        String cookie = given().redirects().follow(false).formParam("j_username", owner).formParam("j_password", TestData.PASSWORD)
                .post("/j_security_check").then().statusCode(302).extract().cookie("quarkus-credential");
        given().cookie("quarkus-credential", cookie).get("/api/me").then().statusCode(200);
        Thread.sleep(3500);
        given().cookie("quarkus-credential", cookie).get("/api/me").then().statusCode(401);
        given().cookie("quarkus-credential", cookie).redirects().follow(false).get("/").then().statusCode(302);
    }
}
