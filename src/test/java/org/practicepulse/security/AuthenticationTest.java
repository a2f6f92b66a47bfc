package org.practicepulse.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class AuthenticationTest {

    @Inject
    TestData data;
    @Inject
    UserAccounts accounts;

    @Test
    void everyApiEndpointRequiresAuthentication() {
        for (String path : new String[] { "/api/me", "/api/imports", "/api/metrics/summary?practice=x&from=2026-01-01&to=2026-01-31",
                "/api/metrics/weekly?practice=x&from=2026-01-01&to=2026-01-31", "/api/metrics/definitions" }) {
            given().get(path).then().statusCode(401).header("WWW-Authenticate", containsString("Basic"))
                    .body("error", equalTo("unauthorized"));
        }
        given().post("/api/imports/scan").then().statusCode(401);
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefused() {
        Practice practice = data.practice("auth", "UTC");
        String user = data.user("auth-owner", Role.OWNER, practice);
        given().auth().preemptive().basic(user, "not-the-password").get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic("nobody-" + user, TestData.PASSWORD).get("/api/me").then().statusCode(401);
        TestData.as(user).get("/api/me").then().statusCode(200).body("username", equalTo(user))
                .body("roles", hasItem("owner")).body("practices.slug", hasItem(practice.slug));
    }

    @Test
    void aDisabledUserIsRefusedAtOnce() {
        String user = data.user("auth-disabled", Role.OWNER, data.practice("auth-disabled", "UTC"));
        TestData.as(user).get("/api/me").then().statusCode(200);
        accounts.setDisabled(user, true);
        TestData.as(user).get("/api/me").then().statusCode(401);
    }

    @Test
    void pagesRedirectToTheLoginPageAndTheFormLoginOpensTheApi() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", containsString("/login.html"));
        given().get("/login.html").then().statusCode(200).body(containsString("j_security_check"));

        Practice practice = data.practice("form", "UTC");
        String user = data.user("form-owner", Role.OWNER, practice);
        given().redirects().follow(false).formParam("j_username", user).formParam("j_password", "wrong")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("error"));
        Response login = given().redirects().follow(false).formParam("j_username", user).formParam("j_password", TestData.PASSWORD)
                .post("/j_security_check");
        login.then().statusCode(302).header("Location", not(containsString("error")));
        String cookie = login.getCookie("quarkus-credential");
        given().cookie("quarkus-credential", cookie).get("/api/me").then().statusCode(200).body("username", equalTo(user));
        given().cookie("quarkus-credential", cookie).redirects().follow(false).get("/").then().statusCode(200)
                .body(containsString("Practice Pulse"));
    }

    @Test
    void healthIsPublicAndOpenApiDocumentsTheApi() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        String user = data.user("openapi", Role.OWNER, data.practice("openapi", "UTC"));
        TestData.as(user).accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/metrics/summary")).body(containsString("/api/imports"));
    }
}
