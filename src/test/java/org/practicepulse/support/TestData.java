package org.practicepulse.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.UserAccounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import static io.restassured.RestAssured.given;

/** Practices and users for tests. Every test makes its own practice, so tests never see each other's data. */
@ApplicationScoped
public class TestData {

    public static final String PASSWORD = "correct-horse-battery-staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Read JSON decimals as doubles (REST Assured's default, float, loses digits of rates). */
    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    @Inject
    UserAccounts accounts;

    /** A new practice with a unique slug starting with the prefix. */
    public Practice practice(String prefix, String timeZone) {
        String slug = prefix + "-" + System.currentTimeMillis() % 100000 + "-" + SEQUENCE.incrementAndGet();
        return QuarkusTransaction.requiringNew().call(() -> {
            Practice p = new Practice();
            p.slug = slug;
            p.name = "Test practice " + slug;
            p.timeZone = timeZone;
            p.persist();
            return p;
        });
    }

    /** A user with this role on these practices; the name is made unique. */
    public String user(String prefix, String role, Practice... practices) {
        String username = prefix + "-" + SEQUENCE.incrementAndGet();
        accounts.ensure(username, PASSWORD, Set.of(role), List.of(practices), false);
        return username;
    }

    public String admin(String prefix) {
        String username = prefix + "-" + SEQUENCE.incrementAndGet();
        accounts.ensure(username, PASSWORD, Set.of("owner"), List.of(), true);
        return username;
    }

    /** A request signed in with HTTP Basic as this user. */
    public static RequestSpecification as(String username) {
        return given().config(DOUBLES).auth().preemptive().basic(username, PASSWORD);
    }

    /** Uploads a file as this user into the practice; the answer is the import run (status 200 checked). */
    public static JsonPath upload(String username, Practice practice, Path file) {
        return as(username).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Like {@link #upload(String, Practice, Path)}, but sending the file under this name (any characters). */
    public static JsonPath upload(String username, Practice practice, Path file, String fileName) {
        return as(username).multiPart(new io.restassured.builder.MultiPartSpecBuilder(file.toFile()).controlName("file")
                .fileName(fileName).mimeType("application/octet-stream").build())
                .post("/api/imports?practice=" + practice.slug).then().statusCode(200).extract().jsonPath();
    }

    /** A file of ../shared/real-exports; the test is skipped, saying why, where the folder is absent. */
    public static Path realExport(String name) {
        Path file = Path.of("..", "shared", "real-exports", name);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "skipped: " + file.toAbsolutePath().normalize() + " is absent (the shared real exports sit beside the project only in the team's workspace)");
        return file;
    }

    public static Path fixture(String relative) {
        return Path.of("src", "test", "resources", "fixtures").resolve(relative);
    }
}
