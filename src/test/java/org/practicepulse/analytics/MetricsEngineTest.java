package org.practicepulse.analytics;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** Issue 5: previous period, change, provenance, every rate's parts, top posts, best times, followers, traffic. */
@QuarkusTest
class MetricsEngineTest {

    private static final Path X = Path.of("import-samples", "lakeside-family-medicine", "x");

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    private static Practice practice;
    private static String owner;

    @BeforeEach
    void importTheSamples() throws Exception {
        if (practice != null) {
            return;
        }
        practice = data.practice("engine", "America/Chicago");
        owner = data.user("engine-owner", Role.OWNER, practice);
        try (var files = Files.list(X)) {
            // the per-tweet samples only: the x.com samples hold newer snapshots of some of the same posts
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tweet_activity_metrics_")).sorted().toList()) {
                TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                        .then().statusCode(200).body("status", equalTo("IMPORTED"));
            }
        }
    }

    private RequestSpecification september() {
        return TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30");
    }

    @Test
    void theSummaryComparesWithThePrecedingPeriodOfEqualLength() {
        september().get("/api/metrics/summary").then().statusCode(200)
                .body("posts", equalTo(24)).body("impressions", equalTo(41573)).body("engagements", equalTo(1636))
                .body("previous.from", equalTo("2026-08-02")).body("previous.to", equalTo("2026-08-31"))
                .body("previous.posts", equalTo(21)).body("previous.impressions", equalTo(32172))
                .body("change.posts", closeTo(3.0 / 21, 1e-12))
                .body("change.impressions", closeTo((41573.0 - 32172) / 32172, 1e-12))
                .body("change.engagementRate", closeTo((1636.0 / 41573 - 1190.0 / 32172) / (1190.0 / 32172), 1e-12))
                .body("change.sessions", nullValue());
    }

    @Test
    void everyRateComesWithItsNumeratorAndDenominator() {
        september().get("/api/metrics/summary").then().statusCode(200)
                .body("ctr.numerator", equalTo(225)).body("ctr.denominator", equalTo(41573))
                .body("ctr.value", closeTo(225.0 / 41573, 1e-12))
                .body("engagementRateByReach.value", nullValue())
                .body("meanPostEngagementRate.posts", equalTo(24))
                .body("meanPostEngagementRate.value", closeTo(0.03849854050429176, 1e-12))
                .body("meanPostEngagementRate.note", containsString("mean of per-post"));
    }

    @Test
    void explainNamesTheFormulaPlatformsAndFiles() {
        september().queryParam("explain", true).get("/api/metrics/summary").then().statusCode(200)
                .body("explain.impressions.formula", containsString("latest snapshot"))
                .body("explain.impressions.platforms", contains("x"))
                .body("explain.impressions.imports.file", hasSize(4)) // the September file of each account + Oct/Nov files holding Sep-dated posts in Chicago
                .body("explain.sessions.imports", hasSize(0))
                .body("definitionBreaks", hasSize(0));
    }

    @Test
    void anAccountFilterNarrowsToThatAccount() {
        september().queryParam("account", "@DrMayaOkafor").get("/api/metrics/summary").then().statusCode(200)
                .body("posts", equalTo(7)).body("impressions", equalTo(8461)).body("engagements", equalTo(336))
                .body("account", equalTo("DrMayaOkafor"));
        september().queryParam("account", "nobody").get("/api/metrics/summary").then().statusCode(400)
                .body("error", equalTo("unknown account"));
    }

    @Test
    void topPostsAreSortedByTheChosenFigure() {
        september().queryParam("sort", "impressions").queryParam("limit", 3).get("/api/posts").then().statusCode(200)
                .body("externalId", contains("2094788698355048452", "2104949350002900992", "2098761283479400456"))
                .body("impressions", contains(4150, 3685, 3657));
        september().queryParam("limit", 2).get("/api/posts").then().statusCode(200)
                .body("externalId", contains("2102178599352446980", "2103235584054853641"))
                .body("[0].engagementRate.value", closeTo(0.07017543859649122, 1e-12));
        september().queryParam("sort", "text; drop table post").get("/api/posts").then().statusCode(400);
    }

    @Test
    void importedPostsAreScoredForRiskAndListedByRiskAndCategory() throws Exception {
        Practice p = data.practice("engine-risk", "America/Chicago");
        String user = data.user("engine-risk-owner", Role.OWNER, p);
        Path file = Files.createTempFile("risky-posts", ".csv");
        Files.writeString(file, """
                platform,post_id,published_at,text,impressions,likes
                Threads,clean-1,2026-09-02T09:00:00-05:00,Flu shots are available Monday to Friday from 8 to 11 am.,500,20
                Threads,ad-1,2026-09-03T09:00:00-05:00,Use code DRMAYA20 for 20% off VitaBoost supplements at the link in my bio!,400,30
                Threads,privacy-1,2026-09-04T09:00:00-05:00,My 45-year-old patient in bed 4 this morning was John Miller from Elm Street.,300,10
                """);
        TestData.upload(user, p, file).getString("status").equals("IMPORTED");
        RequestSpecification sep = TestData.as(user).queryParam("practice", p.slug).queryParam("from", "2026-09-01")
                .queryParam("to", "2026-09-30");
        List<String> byRisk = sep.queryParam("sort", "risk").get("/api/posts").then().statusCode(200)
                .body("find { it.externalId == 'ad-1' }.risk.categories", org.hamcrest.Matchers.hasItem("endorsement"))
                .body("find { it.externalId == 'privacy-1' }.risk.categories", org.hamcrest.Matchers.hasItem("privacy"))
                .body("find { it.externalId == 'clean-1' }.risk.score", equalTo(0))
                .extract().jsonPath().getList("externalId", String.class);
        assertEquals("clean-1", byRisk.get(2), "the clean post ranks last by risk");
        TestData.as(user).queryParam("practice", p.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .queryParam("category", "endorsement").get("/api/posts").then().statusCode(200)
                .body("externalId", contains("ad-1"));
        TestData.as(user).queryParam("practice", p.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .queryParam("minRisk", 1).get("/api/posts").then().statusCode(200)
                .body("externalId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("clean-1")));
        TestData.as(user).queryParam("practice", p.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .queryParam("category", "gossip").get("/api/posts").then().statusCode(400);
    }

    @Test
    void bestTimesCountEveryPostOnceInThePracticeZone() {
        List<Integer> posts = september().get("/api/metrics/best-times").then().statusCode(200)
                .body("$", hasSize(20))
                .body("find { it.weekday == 2 && it.hour == 9 }.posts", equalTo(3))
                .extract().jsonPath().getList("posts", Integer.class);
        assertEquals(24, posts.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void followersAndSocialTrafficFeedGrowthAndConversionRates() throws Exception {
        Practice p = data.practice("engine-follow", "America/Chicago");
        String user = data.user("engine-follow-owner", Role.OWNER, p);
        long run = TestData.as(user).multiPart("file", X.resolve("tweet_activity_metrics_DrDanReyesMD_20260901_20261001_en.csv").toFile())
                .post("/api/imports?practice=" + p.slug).then().statusCode(200).extract().jsonPath().getLong("id");
        try (var c = dataSource.getConnection()) {
            long account;
            try (var st = c.prepareStatement("select id from social_account where practice_id = ? and handle = 'DrDanReyesMD'")) {
                st.setLong(1, p.id);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    account = rs.getLong(1);
                }
            }
            // followers: 1000 on Aug 31, 1010 on Sep 10, 1050 on Sep 30
            try (PreparedStatement st = c.prepareStatement("insert into account_daily_metric (practice_id, account_id, day, followers, import_run_id) values (?, ?, ?::date, ?, ?)")) {
                for (Object[] row : new Object[][] { { "2026-08-31", 1000L }, { "2026-09-10", 1010L }, { "2026-09-30", 1050L } }) {
                    st.setLong(1, p.id);
                    st.setLong(2, account);
                    st.setString(3, (String) row[0]);
                    st.setLong(4, (Long) row[1]);
                    st.setLong(5, run);
                    st.executeUpdate();
                }
            }
            try (PreparedStatement st = c.prepareStatement("insert into web_traffic_daily (practice_id, day, source, medium, platform, sessions, conversions, import_run_id) values (?, ?::date, ?, ?, ?, ?, ?, ?)")) {
                Object[][] rows = { { "2026-09-02", "t.co", "referral", "x", 40L, 3 }, { "2026-09-03", "facebook.com", "referral", "facebook", 60L, 2 },
                        { "2026-09-03", "google", "organic", null, 500L, 30 } };
                for (Object[] row : rows) {
                    st.setLong(1, p.id);
                    st.setString(2, (String) row[0]);
                    st.setString(3, (String) row[1]);
                    st.setString(4, (String) row[2]);
                    st.setString(5, (String) row[3]);
                    st.setLong(6, (Long) row[4]);
                    st.setInt(7, (Integer) row[5]);
                    st.setLong(8, run);
                    st.executeUpdate();
                }
            }
        }
        TestData.as(user).queryParam("practice", p.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .get("/api/metrics/summary").then().statusCode(200)
                .body("followers", equalTo(1050)).body("followersGained", equalTo(50))
                .body("followerGrowthRate.numerator", equalTo(50)).body("followerGrowthRate.denominator", equalTo(1000))
                .body("sessions", equalTo(100)).body("conversions", equalTo(5))
                .body("conversionRate.value", closeTo(0.05, 1e-12))
                // DrDanReyesMD's six September posts, each with the followers on its posting day (1000 before Sep 10, 1010 after)
                // DrDanReyesMD's September posts with the followers on each posting day: 1000 before Sep 10, 1010 from then
                .body("engagementRateByFollowers.numerator", equalTo(157))
                .body("engagementRateByFollowers.denominator", equalTo(5 * 1010 + 1000));
        TestData.as(user).queryParam("practice", p.slug).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30")
                .queryParam("platform", "facebook").get("/api/metrics/summary").then().statusCode(200)
                .body("posts", equalTo(0)).body("sessions", equalTo(60)).body("conversions", equalTo(2))
                .body("followers", nullValue());
    }

    @Test
    void aNewerExportReplacesTheLatestCountersAndAnOlderOneDoesNot() throws Exception {
        Practice p = data.practice("engine-latest", "America/Chicago");
        String user = data.user("engine-latest-owner", Role.OWNER, p);
        Path original = X.resolve("tweet_activity_metrics_DrDanReyesMD_20260901_20261001_en.csv");
        Path folder = Files.createTempDirectory("exports");
        Path newer = rescaled(original, folder.resolve("tweet_activity_metrics_DrDanReyesMD_20260901_20261015_en.csv"), 2);
        Path older = rescaled(original, folder.resolve("tweet_activity_metrics_DrDanReyesMD_20260901_20260920_en.csv"), 0.5);
        RequestSpecification sep = TestData.as(user).queryParam("practice", p.slug).queryParam("from", "2026-09-01")
                .queryParam("to", "2026-09-30");

        TestData.as(user).multiPart("file", original.toFile()).post("/api/imports?practice=" + p.slug).then().statusCode(200);
        // One snapshot (Oct 1) only: in its week, the post of Sep 28 counts from zero; the five older posts
        // have no snapshot before the week, so their lifetime is not passed off as that week's activity.
        TestData.as(user).queryParam("practice", p.slug).queryParam("from", "2026-09-28").queryParam("to", "2026-10-04")
                .get("/api/metrics/activity").then().statusCode(200)
                .body("[0].posts", equalTo(1)).body("[0].postsWithoutBaseline", equalTo(5));
        for (Path file : List.of(newer, older)) {
            TestData.as(user).multiPart("file", file.toFile()).post("/api/imports?practice=" + p.slug).then()
                    .statusCode(200).body("status", equalTo("IMPORTED"));
        }
        // 4984 impressions in the original export; the newer one (Oct 15) doubles them; the older (Sep 20) does not count
        sep.get("/api/metrics/summary").then().statusCode(200).body("posts", equalTo(6)).body("impressions", equalTo(2 * 4984));
        try (var c = dataSource.getConnection();
                var st = c.prepareStatement("select count(*) from post_metric_snapshot where practice_id = ?")) {
            st.setLong(1, p.id);
            try (var rs = st.executeQuery()) {
                rs.next();
                assertEquals(18, rs.getLong(1), "three snapshots of each of the six posts are kept");
            }
        }
        // Activity in the week of the newer export: what the six posts gained between Oct 1 and Oct 15.
        TestData.as(user).queryParam("practice", p.slug).queryParam("from", "2026-10-12").queryParam("to", "2026-10-18")
                .get("/api/metrics/activity").then().statusCode(200)
                .body("[0].posts", equalTo(6)).body("[0].impressions", equalTo(4984)).body("[0].postsWithoutBaseline", equalTo(0));
    }

    /** The same export with every impressions and engagements count multiplied, as a later download would show. */
    private static Path rescaled(Path source, Path target, double factor) throws Exception {
        try (var reader = Files.newBufferedReader(source);
                var parser = org.apache.commons.csv.CSVFormat.RFC4180.parse(reader);
                var writer = Files.newBufferedWriter(target);
                var printer = new org.apache.commons.csv.CSVPrinter(writer, org.apache.commons.csv.CSVFormat.RFC4180.builder()
                        .setQuoteMode(org.apache.commons.csv.QuoteMode.ALL).setRecordSeparator("\n").get())) {
            boolean header = true;
            for (var record : parser) {
                List<String> cells = new java.util.ArrayList<>(record.toList());
                if (!header) {
                    for (int i : new int[] { 4, 5 }) {
                        cells.set(i, Math.round(Double.parseDouble(cells.get(i)) * factor) + ".0");
                    }
                }
                header = false;
                printer.printRecord(cells);
            }
        }
        return target;
    }
}
