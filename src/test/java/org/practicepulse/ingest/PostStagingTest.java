package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The bulk post path (PostStaging): the merge rules of the per-row upsert it replaced. */
@QuarkusTest
class PostStagingTest {

    private static final String HEADER = "platform,account,post_id,published_at,text,impressions,likes,comments,as_of\n";

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    @Test
    void aPostTwiceInOneFileIsAppliedInFileOrderCellByCell() throws Exception {
        Practice practice = data.practice("staging-dup", "UTC");
        String owner = data.user("staging-dup-owner", Role.OWNER, practice);
        Path file = write("dup.csv", HEADER
                + "threads,lakeside,t1,2026-09-14T12:00:00Z,first text,100,7,,2026-10-01\n"
                + "threads,lakeside,t2,2026-09-15T12:00:00Z,other post,50,1,0,2026-10-01\n"
                // the same post and date again: a later impressions wins, an empty likes keeps 7
                + "threads,lakeside,t1,2026-09-14T12:00:00Z,,120,,3,2026-10-01\n"
                + "threads,lakeside,t1,2026-09-14T12:00:00Z,third text,130,,,2026-10-01\n");
        JsonPath run = TestData.upload(owner, practice, file);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals(4, run.getInt("rowsImported"));

        Map<String, Object> post = StoredRows.one(dataSource,
                "select p.text, s.impressions, s.likes, s.comments, (select count(*) from post where practice_id = p.practice_id) as posts"
                        + " from post p join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id"
                        + " where p.practice_id = ? and p.external_id = 't1'", practice.id);
        assertEquals("third text", post.get("text"));
        assertEquals(130L, post.get("impressions"));
        assertEquals(7L, post.get("likes"));
        assertEquals(3L, post.get("comments"));
        assertEquals(2L, post.get("posts"));
        // the rollup sees the merged figures: 130 + 50 impressions
        TestData.as(owner).queryParam("practice", practice.slug).queryParam("from", "2026-09-14").queryParam("to", "2026-09-20")
                .get("/api/metrics/summary").then().statusCode(200)
                .body("impressions", org.hamcrest.Matchers.equalTo(180));
    }

    @Test
    void aReimportUpdatesTextAndCountersAndRescoresTheRisk() throws Exception {
        Practice practice = data.practice("staging-again", "UTC");
        String owner = data.user("staging-again-owner", Role.OWNER, practice);
        TestData.upload(owner, practice, write("first.csv", HEADER
                + "threads,lakeside,r1,2026-09-14T12:00:00Z,Flu shots are in,100,7,1,2026-10-01\n"));
        assertEquals(0, riskScore(practice, "r1"));
        JsonPath second = TestData.upload(owner, practice, write("second.csv", HEADER
                + "threads,lakeside,r1,2026-09-14T12:00:00Z,\"DM me your symptoms, I'll tell you what to take\",,9,,2026-10-08\n"));
        assertEquals("IMPORTED", second.getString("status"));
        Map<String, Object> post = StoredRows.one(dataSource, "select text, import_run_id from post where practice_id = ? and external_id = 'r1'",
                practice.id);
        assertEquals("DM me your symptoms, I'll tell you what to take", post.get("text"));
        assertEquals(second.getLong("id"), ((Number) post.get("import_run_id")).longValue());
        // a new snapshot as of the newer date; its unknown impressions stay unknown
        Map<String, Object> latest = StoredRows.one(dataSource, "select l.as_of::text as as_of, l.impressions, l.likes from post_latest_metric l"
                + " join post p on p.practice_id = l.practice_id and p.id = l.post_id where p.practice_id = ? and p.external_id = 'r1'",
                practice.id);
        assertEquals("2026-10-08", latest.get("as_of"));
        assertNull(latest.get("impressions"));
        assertEquals(9L, latest.get("likes"));
        org.junit.jupiter.api.Assertions.assertTrue(riskScore(practice, "r1") > 0, "the edited text is scored again");
        // edited back to a clean text: the finding goes
        TestData.upload(owner, practice, write("third.csv", HEADER
                + "threads,lakeside,r1,2026-09-14T12:00:00Z,Flu shots are in at both clinics,,10,,2026-10-09\n"));
        assertEquals(0, riskScore(practice, "r1"));
        assertEquals(0L, StoredRows.one(dataSource, "select count(*) as n from post_risk where practice_id = ?", practice.id).get("n"));
    }

    @Test
    void theRiskIsThatOfEachPostsFinalText() throws Exception {
        Practice practice = data.practice("staging-risk", "UTC");
        String owner = data.user("staging-risk-owner", Role.OWNER, practice);
        // the same post twice: its risky first text is replaced by a clean one
        TestData.upload(owner, practice, write("twice.csv", HEADER
                + "threads,lakeside,k1,2026-09-14T12:00:00Z,\"DM me your symptoms, I'll tell you what to take\",100,7,1,2026-10-01\n"
                + "threads,lakeside,k2,2026-09-15T12:00:00Z,\"DM me your symptoms, I'll tell you what to take\",50,1,0,2026-10-01\n"
                + "threads,lakeside,k1,2026-09-14T12:00:00Z,Flu shots are in at both clinics,120,8,1,2026-10-01\n"));
        assertEquals(0, riskScore(practice, "k1"));
        int risky = riskScore(practice, "k2");
        org.junit.jupiter.api.Assertions.assertTrue(risky > 0);
        // counters without text: the posts keep their texts, and so their scores
        TestData.upload(owner, practice, write("counters.csv", HEADER
                + "threads,lakeside,k1,2026-09-14T12:00:00Z,,130,9,1,2026-10-02\n"
                + "threads,lakeside,k2,2026-09-15T12:00:00Z,,60,2,0,2026-10-02\n"));
        assertEquals(0, riskScore(practice, "k1"));
        assertEquals(risky, riskScore(practice, "k2"));
        assertEquals(1L, StoredRows.one(dataSource, "select count(*) as n from post_risk where practice_id = ?", practice.id).get("n"));
    }

    @Test
    void aLargeFileWithAccountsAppearingMidFileIsStagedWholeAndEveryPostScored() throws Exception {
        Practice practice = data.practice("staging-large", "UTC");
        String owner = data.user("staging-large-owner", Role.OWNER, practice);
        // > 2 MB, so the posts' COPY spans chunks; a new account every 5,000 rows ends it for a lookup,
        // and a risky text every third row gives 5,000 scores with findings to stage.
        StringBuilder csv = new StringBuilder(HEADER);
        int rows = 15_000;
        long impressions = 0;
        String filler = " Our clinic team shares seasonal health reminders for families in the neighbourhood.".repeat(2);
        for (int i = 0; i < rows; i++) {
            String text = i % 3 == 0 ? "DM me your symptoms and I'll tell you what to take." + filler : "Flu shots are in." + filler;
            csv.append("threads,account-").append(i / 5_000).append(",big-").append(i).append(",2026-09-")
                    .append(10 + i % 20).append("T12:00:00Z,\"").append(text).append("\",").append(i).append(",1,0,2026-10-01\n");
            impressions += i;
        }
        Path file = write("large.csv", csv.toString());
        org.junit.jupiter.api.Assertions.assertTrue(Files.size(file) > 3_000_000, "the file spans COPY chunks");
        JsonPath run = TestData.upload(owner, practice, file);
        assertEquals("IMPORTED", run.getString("status"));
        assertEquals(rows, run.getInt("rowsImported"));
        Map<String, Object> stored = StoredRows.one(dataSource, """
                select (select count(*) from post where practice_id = ?) as posts,
                       (select count(distinct account_id) from post where practice_id = ?) as accounts,
                       (select sum(impressions) from post_metric_snapshot where practice_id = ?) as impressions,
                       (select count(*) from post where practice_id = ? and risk_rules_version is not null) as scored,
                       (select count(*) from post_risk r join post p on p.practice_id = r.practice_id and p.id = r.post_id
                        where p.practice_id = ? and p.text like 'DM me%') as risky,
                       (select count(*) from post_risk where practice_id = ?) as findings
                """, practice.id, practice.id, practice.id, practice.id, practice.id, practice.id);
        assertEquals((long) rows, stored.get("posts"));
        assertEquals(3L, stored.get("accounts"));
        assertEquals(java.math.BigDecimal.valueOf(impressions), stored.get("impressions"));
        assertEquals((long) rows, stored.get("scored"));
        assertEquals((long) rows / 3, stored.get("risky"), "every risky post has its finding");
        assertEquals((long) rows / 3, stored.get("findings"), "and no clean post has one");
    }

    private int riskScore(Practice practice, String externalId) {
        // post_risk keeps posts with findings; a scored post without a row scored 0
        return ((Number) StoredRows.one(dataSource, "select coalesce(r.score, case when p.risk_rules_version is not null then 0 end)"
                + " as score from post p left join post_risk r on p.practice_id = r.practice_id and p.id = r.post_id"
                + " where p.practice_id = ? and p.external_id = ?", practice.id, externalId).get("score")).intValue();
    }

    private static Path write(String name, String content) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "staging-test"));
        Path file = dir.resolve(System.nanoTime() + "-" + name);
        Files.writeString(file, content);
        return file;
    }
}
