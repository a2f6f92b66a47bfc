package org.practicepulse.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Issue 4: review sources, detected from content, stored with their replies; re-imports update, never duplicate. */
@QuarkusTest
class ReviewImportTest {

    private static final Path SAMPLES = Path.of("import-samples", "lakeside-family-medicine", "reviews");
    private static final String REVIEW = """
            select site, external_id, location, provider, rating, title, text, text_translation, author, created_at,
                   source_updated_at, reply_text, replied_at, first_replied_at, url, sentiment_label, negative, safety,
                   array_to_string(safety_reasons, ',') as safety_reasons, reply_risk
            from review where practice_id = ? and site = ? and external_id = ?""";

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;
    @Inject
    @Any
    Instance<ExportFormat> formats;

    private JsonPath upload(String user, Practice practice, Path file) {
        return TestData.as(user).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                .then().statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> review(Practice practice, String site, String id) {
        return StoredRows.one(dataSource, REVIEW, practice.id, site, id);
    }

    private long count(String sql, Object... parameters) {
        return ((Number) StoredRows.one(dataSource, sql, parameters).values().iterator().next()).longValue();
    }

    private List<String> formatsClaiming(Path file) throws Exception {
        ExportFile export = new ExportFile(file, file.getFileName().toString(), ZoneId.of("America/Chicago"), LocalDate.of(2026, 11, 20));
        return formats.stream().filter(f -> f.detect(export)).map(ExportFormat::id).sorted().toList();
    }

    @Test
    void theRealGoogleExportImportsEveryReviewWithExactValues() throws Exception {
        Path file = TestData.realExport("google-business-profile-reviews.json");
        assertEquals(List.of("google-business-profile-reviews"), formatsClaiming(file));
        Practice practice = data.practice("gbp-real", "Europe/Oslo");
        String owner = data.user("gbp-real-owner", Role.OWNER, practice);
        JsonPath run = upload(owner, practice, file);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals("google-business-profile-reviews", run.getString("format"));
        assertEquals(118, run.getInt("rowsRead"));
        assertEquals(118, run.getInt("rowsImported"));
        assertEquals(0, run.getInt("rowsRejected"));
        assertEquals(List.of("108 texts were double-encoded UTF-8 (\"pÃ¥\" for \"på\", a re-saved file) and were repaired"),
                run.getList("warnings.message"));

        // The file has no reviewId: the id is the last segment of name; translations are split from the original.
        Map<String, Object> first = review(practice, "google", "Ci9DQUlRQUNvZENodHljRjlvT2pCbFdqUllWRXd6Y3paelVVTlJabFl3TTFaM2NXYxAB");
        assertEquals("locations/11717195200126145618", first.get("location"));
        assertEquals(5, ((Number) first.get("rating")).intValue());
        assertEquals("Essaaa", first.get("text"));
        assertEquals("Yessssss", first.get("text_translation"));
        assertEquals("Faisal Ali", first.get("author"));
        assertEquals(Instant.parse("2025-12-04T22:12:39.709635Z"), first.get("created_at"));
        assertEquals("✨🧡", first.get("reply_text"), "the double-encoded reply is repaired");
        assertEquals(Instant.parse("2025-12-05T00:48:11.618929Z"), first.get("replied_at"));
        assertEquals(Instant.parse("2025-12-05T00:48:11.618929Z"), first.get("first_replied_at"));

        Map<String, Object> ratingOnly = review(practice, "google", "ChdDSUhNMG9nS0VJU3R1cnJZcDVHTjF3RRAB");
        assertEquals("Knut Bredahl", ratingOnly.get("author"));
        assertNull(ratingOnly.get("text"), "a rating-only review has no text, not an empty one");
        assertEquals("Tusen takk for den bra tilbakemeldingen! <3", ratingOnly.get("reply_text"));
        assertEquals("neutral", ratingOnly.get("sentiment_label"));

        Map<String, Object> oneStar = review(practice, "google", "ChdDSUhNMG9nS0VJQ0FnSUN2XzhIMXFRRRAB");
        assertEquals("Vidar Sandvik", oneStar.get("author"));
        assertEquals(1, ((Number) oneStar.get("rating")).intValue());
        assertTrue(((String) oneStar.get("text")).startsWith("We var tre personer der. To med ribbe og en med pinnekjøtt. Maten"));
        assertTrue(((String) oneStar.get("text_translation")).startsWith("We were three people there. Two with ribs and one with pork knuckle."));
        assertEquals(true, oneStar.get("negative"));
        assertNull(oneStar.get("reply_text"));

        // A text with a genuine '‹' beside double-encoded letters: the letters are repaired, the '‹' kept.
        String mixed = (String) review(practice, "google", "ChdDSUhNMG9nS0VJQ0FnSUNMMnNxd29BRRAB").get("text_translation");
        assertTrue(mixed.contains("Tortilla Español was quite ok") && mixed.contains("Fried chorizo \"‹\"‹sausage"), mixed);

        assertEquals(118, count("select count(*) from review where practice_id = ?", practice.id));
        assertEquals(List.of(6L, 4L, 8L, 16L, 84L), StoredRows.of(dataSource,
                "select count(*) as n from review where practice_id = ? group by rating order by rating", practice.id)
                .stream().map(r -> ((Number) r.get("n")).longValue()).toList());
        assertEquals(35, count("select count(*) from review where practice_id = ? and reply_text is not null", practice.id));
        assertEquals(84, count("select count(*) from review where practice_id = ? and text_translation is not null", practice.id));
        assertEquals(18, count("select count(*) from review where practice_id = ? and text is null", practice.id));
        assertEquals(0, count("select count(*) from review where practice_id = ? and (text like '%Ã%' or reply_text like '%Ã%')", practice.id));
        assertEquals(0, count("select count(*) from alert where practice_id = ?", practice.id),
                "reviews from 2022-2025 are history: no alert");
    }

    @Test
    void googleSampleKeepsOriginalsTranslationsRepliesAndFlags() {
        Practice practice = data.practice("gbp-sample", "America/Chicago");
        String owner = data.user("gbp-sample-owner", Role.OWNER, practice);
        JsonPath run = upload(owner, practice, SAMPLES.resolve("reviews.json"));
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals(9, run.getInt("rowsImported"));

        Map<String, Object> translated = review(practice, "google", "AbFvOqs9Wd3KyU");
        assertEquals("El doctor fue amable, pero la espera fue muy larga y nadie explicó el retraso. Decepcionante.", translated.get("text"));
        assertEquals("The doctor was kind, but the wait was very long and nobody explained the delay. Disappointing.",
                translated.get("text_translation"));
        assertEquals("Tomás Herrera", translated.get("author"));
        assertEquals("negative", translated.get("sentiment_label"), "sentiment reads the English translation");
        assertEquals(true, translated.get("negative"), "3 stars with negative sentiment");

        Map<String, Object> anonymous = review(practice, "google", "AbFvOqr5Hs0NcE");
        assertNull(anonymous.get("author"));
        assertNull(anonymous.get("text"));
        assertEquals(5, ((Number) anonymous.get("rating")).intValue());
        assertEquals("locations/5519283746601128834", anonymous.get("location"));

        Map<String, Object> disclosing = review(practice, "google", "AbFvOqp2Lm7VxB");
        assertEquals("high", disclosing.get("reply_risk"), "the reply names the visit, the treatment and the insurer");
        assertEquals(Instant.parse("2026-09-03T15:02:11Z"), disclosing.get("replied_at"));
        assertEquals("low", review(practice, "google", "AbFvOqm3Xk1PzQ").get("reply_risk"));

        Map<String, Object> script = review(practice, "google", "AbFvOqt1Gp6JeR");
        assertEquals("Waited 50 minutes past my appointment time. <script>alert('pwned')</script> When I asked, the staff just shrugged.",
                script.get("text"), "stored as the reviewer wrote it; escaping is the job of whatever shows it");

        Map<String, Object> safety = review(practice, "google", "AbFvOqw7Cq2MdY");
        assertEquals(true, safety.get("safety"));
        assertEquals("emergency,adverse-event", safety.get("safety_reasons"));
        assertEquals(true, safety.get("negative"));
        assertNull(safety.get("reply_risk"));

        Map<String, Object> edited = review(practice, "google", "AbFvOqx0Ej5QbH");
        assertEquals(Instant.parse("2026-11-14T17:26:08.302Z"), edited.get("created_at"));
        assertEquals(Instant.parse("2026-11-15T09:12:44.519Z"), edited.get("source_updated_at"));
        assertEquals(false, edited.get("negative"));
    }

    @Test
    void yelpFusionAndOpenDatasetReviewsImport() {
        Practice practice = data.practice("yelp", "America/Chicago");
        String owner = data.user("yelp-owner", Role.OWNER, practice);
        JsonPath fusion = upload(owner, practice, SAMPLES.resolve("yelp_reviews_lakeside-family-medicine-lakeside.json"));
        assertEquals("yelp-fusion-reviews", fusion.getString("format"));
        assertEquals(3, fusion.getInt("rowsImported"));
        assertEquals(List.of("the Yelp Fusion API gives review excerpts (about 160 characters) and no owner replies; the full texts are on Yelp"),
                fusion.getList("warnings.message"));
        Map<String, Object> lostPaperwork = review(practice, "yelp", "xQ4nV0aB2Lz8kR1tYw3eHg");
        assertEquals(2, ((Number) lostPaperwork.get("rating")).intValue());
        assertEquals("Rob S.", lostPaperwork.get("author"));
        assertEquals("lakeside-family-medicine-lakeside", lostPaperwork.get("location"));
        assertEquals(Instant.parse("2026-10-30T23:22:05Z"), lostPaperwork.get("created_at"), "18:22:05 in Chicago (CDT)");
        assertTrue(((String) lostPaperwork.get("text")).contains("<img src=x onerror=alert(1)>"));
        assertTrue(((String) lostPaperwork.get("url")).startsWith("https://www.yelp.com/biz/lakeside-family-medicine-lakeside?"));

        JsonPath dataset = upload(owner, practice, TestData.fixture("reviews/yelp_academic_dataset_review.json"));
        assertEquals("yelp-dataset-reviews", dataset.getString("format"));
        assertEquals("PARTIAL", dataset.getString("status"));
        assertEquals(3, dataset.getInt("rowsImported"));
        assertEquals(List.of(3), dataset.getList("errors.line", Integer.class));
        assertEquals("stars '6.0' is not a whole number of stars from 1 to 5", dataset.getString("errors[0].message"));
        Map<String, Object> wait = review(practice, "yelp", "KU_O5udG6zpxOg-VcAEodg");
        assertEquals("lakeside-fm-Xk9PqT2", wait.get("location"));
        assertEquals(3, ((Number) wait.get("rating")).intValue());
        assertEquals("Nice enough office, but the wait was awful and the front desk was rude.\n\nDisappointed.", wait.get("text"));
        assertEquals(Instant.parse("2026-08-18T00:21:16Z"), wait.get("created_at"));
        assertEquals(true, wait.get("negative"), "3 stars with negative sentiment");
        assertNull(wait.get("author"));
        assertEquals(6, count("select count(*) from review where practice_id = ? and site = 'yelp'", practice.id));
    }

    @Test
    void trustpilotExportImportsWithTitlesRepliesAndLinks() {
        Practice practice = data.practice("trustpilot", "America/Chicago");
        String owner = data.user("trustpilot-owner", Role.OWNER, practice);
        JsonPath run = upload(owner, practice, SAMPLES.resolve("trustpilot-reviews-lakesidefamilymed.com.csv"));
        assertEquals("trustpilot-reviews", run.getString("format"));
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals(4, run.getInt("rowsImported"));
        Map<String, Object> billing = review(practice, "trustpilot", "66db5c2af1a2b3c4d5e6f702");
        assertEquals("Doctor fine, billing a nightmare", billing.get("title"));
        assertEquals(3, ((Number) billing.get("rating")).intValue());
        assertEquals("negative", billing.get("sentiment_label"));
        assertEquals(true, billing.get("negative"));
        assertEquals(Instant.parse("2026-09-06T19:48:02Z"), billing.get("created_at"), "Trustpilot times are UTC");
        assertEquals("Lakeside Family Medicine", billing.get("location"));
        assertNull(billing.get("reply_text"));
        Map<String, Object> answered = review(practice, "trustpilot", "66b8c9e5f1a2b3c4d5e6f701");
        assertEquals("Thank you, Helen! We're glad online booking made things easy.", answered.get("reply_text"));
        assertEquals(Instant.parse("2026-08-12T15:05:00Z"), answered.get("replied_at"));
        assertEquals("Helen M.", answered.get("author"));
        assertEquals("https://www.trustpilot.com/reviews/66b8c9e5f1a2b3c4d5e6f701", answered.get("url"));
        assertEquals(false, answered.get("negative"));
    }

    @Test
    void genericReviewCsvCoversSitesWithoutAnExport() {
        Practice practice = data.practice("generic-reviews", "America/Chicago");
        String owner = data.user("generic-reviews-owner", Role.OWNER, practice);
        String template = TestData.as(owner).get("/api/imports/templates/reviews.csv").then().statusCode(200)
                .header("Content-Disposition", containsString("practice-pulse-reviews.csv")).extract().asString();
        assertEquals("source,location,provider,review_id,created_at,rating,title,text,reviewer,reply_text,reply_at,url\r\n", template);
        TestData.as(owner).get("/api/imports/templates/nope.csv").then().statusCode(404)
                .body("detail", containsString("reviews.csv"));

        JsonPath run = upload(owner, practice, SAMPLES.resolve("healthgrades-zocdoc-vitals-reviews.csv"));
        assertEquals("generic-reviews", run.getString("format"));
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals(6, run.getInt("rowsImported"));
        assertEquals(List.of("healthgrades", "vitals", "zocdoc"), StoredRows.of(dataSource,
                "select distinct site from review where practice_id = ? order by site", practice.id).stream()
                .map(r -> (String) r.get("site")).toList());
        Map<String, Object> dismissed = review(practice, "healthgrades", "hg-reyes-20260920-01");
        assertEquals("Dr. Daniel Reyes", dismissed.get("provider"));
        assertEquals(Instant.parse("2026-09-20T05:00:00Z"), dismissed.get("created_at"), "a bare day starts at midnight in Chicago");
        assertEquals(Instant.parse("2026-09-23T15:15:00Z"), dismissed.get("replied_at"));
        assertEquals("low", dismissed.get("reply_risk"));
        assertEquals(true, dismissed.get("negative"));
        Map<String, Object> ratingOnly = review(practice, "zocdoc", "zd-5523410");
        assertNull(ratingOnly.get("text"));
        assertEquals(4, ((Number) ratingOnly.get("rating")).intValue());
        assertEquals(Instant.parse("2026-10-30T19:00:00Z"), review(practice, "vitals", "vt-88213077").get("replied_at"));

        JsonPath bad = upload(owner, practice, TestData.fixture("reviews/reviews-with-problems.csv"));
        assertEquals("PARTIAL", bad.getString("status"));
        assertEquals(1, bad.getInt("rowsImported"));
        assertEquals(List.of(3, 4, 5, 6), bad.getList("errors.line", Integer.class));
        assertEquals(List.of("source is empty", "created_at '2026-13-45' is not a date (YYYY-MM-DD or MM/DD/YYYY)",
                "rating '4.5' is not a whole number of stars from 1 to 5", "review_id is empty"), bad.getList("errors.message"));
        assertEquals("unknown column ignored: mood", bad.getString("warnings[0].message"));
    }

    @Test
    void reimportUpdatesEditedReviewsAndNewRepliesWithoutDuplicates() {
        Practice practice = data.practice("review-reimport", "UTC");
        String owner = data.user("review-reimport-owner", Role.OWNER, practice);
        assertEquals(4, upload(owner, practice, TestData.fixture("reviews/gbp-reviews-2026-10-01.json")).getInt("rowsImported"));
        assertEquals(false, review(practice, "google", "rv-edited").get("negative"));
        JsonPath second = upload(owner, practice, TestData.fixture("reviews/gbp-reviews-2026-11-01.json"));
        assertEquals("IMPORTED", second.getString("status"));
        assertEquals(5, count("select count(*) from review where practice_id = ?", practice.id), "one new review, no duplicates");

        Map<String, Object> edited = review(practice, "google", "rv-edited");
        assertEquals(2, ((Number) edited.get("rating")).intValue());
        assertEquals("Changed my mind: the bill was wrong twice and nobody fixed it.", edited.get("text"));
        assertEquals(true, edited.get("negative"), "the assessment follows the edit");

        Map<String, Object> newReply = review(practice, "google", "rv-new-reply");
        assertEquals("We are sorry to hear this. Please call our office manager so we can help.", newReply.get("reply_text"));
        assertEquals(Instant.parse("2026-10-02T16:00:00Z"), newReply.get("first_replied_at"));
        assertEquals("low", newReply.get("reply_risk"));

        Map<String, Object> kept = review(practice, "google", "rv-kept-reply");
        assertEquals("Thank you!", kept.get("reply_text"), "a reply missing from a newer file is not a deletion");
        assertEquals(Instant.parse("2026-09-15T08:00:00Z"), kept.get("replied_at"));

        Map<String, Object> stale = review(practice, "google", "rv-stale");
        assertEquals("Edited: much better on my second visit.", stale.get("text"), "an older copy never undoes a newer edit");
        assertEquals(3, ((Number) stale.get("rating")).intValue());

        // A reply the source says was deleted is erased; an empty reply keeps the known one.
        upload(owner, practice, TestData.fixture("reviews/reviews-with-replies.csv"));
        JsonPath deleted = upload(owner, practice, TestData.fixture("reviews/reviews-reply-deleted.csv"));
        assertEquals(2, deleted.getInt("rowsImported"));
        Map<String, Object> gone = review(practice, "ratemds", "rmd-1");
        assertNull(gone.get("reply_text"));
        assertNull(gone.get("replied_at"));
        assertNull(gone.get("first_replied_at"));
        assertNull(gone.get("reply_risk"));
        assertEquals("Thanks for the feedback.", review(practice, "ratemds", "rmd-2").get("reply_text"));
        assertEquals(7, count("select count(*) from review where practice_id = ?", practice.id));
    }

    @Test
    void hostileJsonFailsWithAReasonAndImportsNothing() throws Exception {
        Practice practice = data.practice("review-hostile", "UTC");
        String owner = data.user("review-hostile-owner", Role.OWNER, practice);
        String review = "{\"reviewId\": \"r1\", \"starRating\": \"ONE\", \"createTime\": \"2026-10-01T00:00:00Z\", \"comment\": ";

        Path deep = Files.createTempFile("deep-reviews", ".json");
        Files.writeString(deep, "{\"reviews\": [" + review + "\"x\", \"extra\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}]}");
        JsonPath run = upload(owner, practice, deep);
        assertEquals("FAILED", run.getString("status"));
        assertEquals("google-business-profile-reviews", run.getString("format"));
        assertTrue(run.getString("message").startsWith("the JSON is beyond the importer's limits (Document nesting depth (1001) exceeds"),
                run.getString("message"));

        Path huge = Files.createTempFile("huge-review", ".json");
        Files.writeString(huge, "{\"reviews\": [" + review + "\"" + "a".repeat(11_000_000) + "\"}]}");
        run = upload(owner, practice, huge);
        assertEquals("FAILED", run.getString("status"));
        assertTrue(run.getString("message").startsWith("the JSON is beyond the importer's limits (String value length"),
                run.getString("message"));

        Path truncated = Files.createTempFile("truncated-reviews", ".json");
        Files.writeString(truncated, "{\"reviews\": [\n" + review + "\"fine\"},\n" + review.replace("r1", "r2") + "\"cut off");
        run = upload(owner, practice, truncated);
        assertEquals("PARTIAL", run.getString("status"));
        assertEquals(1, run.getInt("rowsImported"));
        assertEquals(3, run.getInt("errors[0].line"), "the line where the broken review starts");
        assertTrue(run.getString("errors[0].message").startsWith("malformed JSON from this line on ("), run.getString("errors[0].message"));
        assertEquals(1, count("select count(*) from review where practice_id = ?", practice.id));
        Files.delete(deep);
        Files.delete(huge);
        Files.delete(truncated);
    }

    @Test
    void reviewFormatsClaimOnlyTheirOwnFiles() throws Exception {
        Map<String, String> expected = Map.of(
                "reviews.json", "google-business-profile-reviews",
                "yelp_reviews_lakeside-family-medicine-lakeside.json", "yelp-fusion-reviews",
                "trustpilot-reviews-lakesidefamilymed.com.csv", "trustpilot-reviews",
                "healthgrades-zocdoc-vitals-reviews.csv", "generic-reviews");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(List.of(e.getValue()), formatsClaiming(SAMPLES.resolve(e.getKey())), e.getKey());
        }
        try (Stream<Path> files = Files.list(TestData.fixture("reviews"))) {
            for (Path file : files.toList()) {
                assertEquals(1, formatsClaiming(file).size(), file + " is claimed by " + formatsClaiming(file));
            }
        }
        // No review format claims a social or analytics export (the real ones and every other demo sample).
        try (Stream<Path> files = Stream.concat(Files.list(TestData.realExport("google-business-profile-reviews.json").getParent()),
                Files.walk(Path.of("import-samples")).filter(Files::isRegularFile))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("google-business-profile-reviews.json")
                    && !f.startsWith(SAMPLES)).toList()) {
                List<String> claiming = formatsClaiming(file);
                assertTrue(claiming.stream().noneMatch(id -> id.contains("reviews")), file + " is claimed by " + claiming);
            }
        }
    }
}
