package org.practicepulse.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** POST/GET/DELETE /api/subscriptions: owners only, every field checked, other practices invisible. */
@QuarkusTest
class ReportSubscriptionTest {

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    private static Map<String, Object> request(Practice practice) {
        Map<String, Object> body = new HashMap<>();
        body.put("dashboard", "weekly-engagement");
        body.put("practice", practice.slug);
        body.put("format", "pdf");
        body.put("schedule", "weekly");
        body.put("recipients", List.of("owner@lakeside.example", "maya.okafor+reports@lakeside.example"));
        body.put("skipEmpty", true);
        return body;
    }

    private static ValidatableResponse post(String user, Map<String, Object> body) {
        return TestData.as(user).contentType("application/json").body(body).post("/api/subscriptions").then();
    }

    @Test
    void anOwnerSubscribesListsAndUnsubscribes() {
        Practice practice = data.practice("subscribe", "America/Chicago");
        String owner = data.user("subscribe-owner", Role.OWNER, practice);
        Map<String, Object> body = request(practice);
        body.put("recipients", List.of(" owner@lakeside.example ", "maya.okafor+reports@lakeside.example", "OWNER@lakeside.example"));
        ValidatableResponse created = post(owner, body).statusCode(201);
        long id = created.extract().jsonPath().getLong("id");
        created.header("Location", endsWith("/api/subscriptions/" + id));
        post(owner, request(practice)).statusCode(201); // a second one: the list shows both, deleting one keeps the other
        TestData.as(owner).queryParam("practice", practice.slug).get("/api/subscriptions").then().statusCode(200)
                .body("", hasSize(2))
                .body("find { it.id == " + id + " }.practice", equalTo(practice.slug))
                .body("find { it.id == " + id + " }.dashboard", equalTo("weekly-engagement"))
                .body("find { it.id == " + id + " }.format", equalTo("pdf"))
                .body("find { it.id == " + id + " }.schedule", equalTo("weekly"))
                .body("find { it.id == " + id + " }.cron", equalTo("0 0 7 ? * MON"))
                .body("find { it.id == " + id + " }.recipients", equalTo(List.of("owner@lakeside.example",
                        "maya.okafor+reports@lakeside.example")))
                .body("find { it.id == " + id + " }.skipEmpty", equalTo(true))
                .body("find { it.id == " + id + " }.createdBy", equalTo(owner))
                .body("find { it.id == " + id + " }.nextSending", containsString("T07:00:00-0"))
                .body("find { it.id == " + id + " }.lastDelivery", nullValue());
        String next = TestData.as(owner).queryParam("practice", practice.slug).get("/api/subscriptions").then().extract()
                .jsonPath().getString("find { it.id == " + id + " }.nextSending");
        OffsetDateTime nextSending = OffsetDateTime.parse(next);
        assertEquals(DayOfWeek.MONDAY, nextSending.getDayOfWeek());
        assertEquals(ZoneId.of("America/Chicago").getRules().getOffset(nextSending.toInstant()), nextSending.getOffset());
        assertTrue(nextSending.isAfter(OffsetDateTime.now()) && nextSending.isBefore(OffsetDateTime.now().plusDays(8)), next);
        assertEquals(List.of(Map.of("action", "SUBSCRIPTION_CREATED")), StoredRows.of(dataSource,
                "select action from audit_event where practice_id = ? and target = ?", practice.id, "subscription " + id));

        TestData.as(owner).delete("/api/subscriptions/" + id).then().statusCode(204);
        TestData.as(owner).delete("/api/subscriptions/" + id).then().statusCode(404).body("error", equalTo("unknown subscription"));
        long remaining = TestData.as(owner).queryParam("practice", practice.slug).get("/api/subscriptions").then()
                .statusCode(200).body("", hasSize(1)).extract().jsonPath().getLong("[0].id");
        assertEquals(List.of(Map.of("action", "SUBSCRIPTION_DELETED")), StoredRows.of(dataSource,
                "select action from audit_event where practice_id = ? and target = ? and action <> 'SUBSCRIPTION_CREATED'",
                practice.id, "subscription " + id));
        TestData.as(owner).delete("/api/subscriptions/" + remaining).then().statusCode(204);
    }

    @Test
    void everyFieldIsCheckedWithAReason() {
        Practice practice = data.practice("subscribe-bad", "America/Chicago");
        String owner = data.user("subscribe-bad-owner", Role.OWNER, practice);
        Map<String, List<Object>> bad = new HashMap<>();
        bad.put("recipients", new ArrayList<>(List.of(List.of(), List.of("not-an-address"), List.of("a@b"),
                List.of("owner@lakeside.example\r\nBcc: everyone@example.org"), List.of("<owner@lakeside.example>"),
                List.of("Owner <owner@lakeside.example>"), List.of("owner@lakeside..example"), List.of("owner @lakeside.example"))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("person" + i + "@lakeside.example");
        }
        bad.get("recipients").add(many);
        bad.put("schedule", List.of("", "daily-ish", "0 0 7 * * MON", "* * * * * ?", "0 */30 * * * ?", "0 0 7 1 1 ? 2020",
                "0 0 25 * * ?"));
        bad.put("format", List.of("docx", ""));
        bad.put("dashboard", List.of("reputation-deluxe", ""));
        Map<String, String> errors = Map.of("recipients", "bad recipients", "schedule", "bad schedule", "format", "bad format",
                "dashboard", "unknown dashboard");
        bad.forEach((field, values) -> {
            for (Object value : values) {
                Map<String, Object> body = request(practice);
                body.put(field, value);
                post(owner, body).statusCode(400).body("error", equalTo(errors.get(field))).body("detail", notNullValue());
            }
        });
        Map<String, Object> noRecipients = request(practice);
        noRecipients.remove("recipients");
        post(owner, noRecipients).statusCode(400).body("error", equalTo("bad recipients"));
        post(owner, Map.of("dashboard", "weekly-engagement")).statusCode(400).body("error", equalTo("missing parameter"));
        TestData.as(owner).queryParam("practice", practice.slug).get("/api/subscriptions").then().body("", hasSize(0));

        for (String schedule : List.of("monthly", "WEEKLY", "0 30 6 * * ?", "0 0 8 ? * MON-FRI", "0 0 7 1 */3 ?")) {
            Map<String, Object> body = request(practice);
            body.put("schedule", schedule);
            post(owner, body).statusCode(201);
        }
        TestData.as(owner).queryParam("practice", practice.slug).get("/api/subscriptions").then()
                .body("schedule", equalTo(List.of("monthly", "weekly", "0 30 6 * * ?", "0 0 8 ? * MON-FRI", "0 0 7 1 */3 ?")))
                .body("cron[0]", equalTo("0 0 7 1 * ?"));
        post(owner, request(practice)).statusCode(201);
        TestData.as(owner).queryParam("practice", practice.slug).get("/api/subscriptions").then().body("", hasSize(6));
        // cleanup, so that no test's job run delivers these
        List<Integer> ids = TestData.as(owner).queryParam("practice", practice.slug).get("/api/subscriptions").then()
                .extract().jsonPath().getList("id");
        ids.forEach(id -> TestData.as(owner).delete("/api/subscriptions/" + id).then().statusCode(204));
    }

    @Test
    void onlyOwnersOfThePracticeMaySubscribe() {
        Practice practice = data.practice("subscribe-roles", "America/Chicago");
        String owner = data.user("subscribe-roles-owner", Role.OWNER, practice);
        String leadership = data.user("subscribe-roles-leadership", Role.LEADERSHIP, practice);
        String reputation = data.user("subscribe-roles-reputation", Role.REPUTATION, practice);
        post(leadership, request(practice)).statusCode(403);
        post(reputation, request(practice)).statusCode(403);
        TestData.as(leadership).queryParam("practice", practice.slug).get("/api/subscriptions").then().statusCode(403);

        Practice other = data.practice("subscribe-roles-other", "UTC");
        String stranger = data.user("subscribe-roles-stranger", Role.OWNER, other);
        post(stranger, request(practice)).statusCode(404).body("error", equalTo("unknown practice"));
        TestData.as(stranger).queryParam("practice", practice.slug).get("/api/subscriptions").then().statusCode(404);
        long id = post(owner, request(practice)).statusCode(201).extract().jsonPath().getLong("id");
        TestData.as(stranger).delete("/api/subscriptions/" + id).then().statusCode(404).body("error", equalTo("unknown subscription"));
        TestData.as(owner).delete("/api/subscriptions/" + id).then().statusCode(204);
    }
}
