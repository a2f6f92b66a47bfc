package org.practicepulse.risk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;
import org.practicepulse.db.CopyRows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Stores the risk of imported posts: per import run (on the import's own connection and
 * transaction) and, after a rules change, for every post scored with other rules. post_risk holds
 * the posts with findings only; post.risk_rules_version says which rules scored a post, so a
 * scored post without a post_risk row scored 0 (see V9__sparse_post_risk.sql).
 */
@ApplicationScoped
public class PostRiskScoring {

    private static final Logger LOG = Logger.getLogger(PostRiskScoring.class);
    static final int BATCH = 500;

    private static final String ON_CONFLICT = """
            on conflict (practice_id, post_id) do update set
                rules_version = excluded.rules_version,
                score = excluded.score,
                level = excluded.level,
                categories = excluded.categories,
                findings = excluded.findings,
                scored_at = excluded.scored_at
            """;
    private static final String UPSERT = """
            insert into post_risk (practice_id, post_id, rules_version, score, level, categories, findings, scored_at)
            values (?, ?, ?, ?, ?, cast(? as text[]), cast(? as jsonb), now())
            """ + ON_CONFLICT;

    // Keyset pages over the index post_by_run: the run's posts, in id order.
    private static final String POSTS_OF_RUN = """
            select id, text, platform from post where practice_id = ? and import_run_id = ? and id > ? order by id limit ?
            """;
    /** The columns of a staged score, after its key: what {@link #stageScore} writes. */
    static final String STAGE_SCORES = """
            rules_version text not null, score int not null, level text not null, categories text[] not null,
            findings jsonb not null
            """;
    private static final String STAGE_COLUMNS = "post_id bigint not null, " + STAGE_SCORES;
    // Scores computed in the background (BackgroundScoring) find their post by key.
    private static final String STAGE_FROM_BACKGROUND = """
            insert into post_risk_stage (post_id, rules_version, score, level, categories, findings)
            select p.id, r.rules_version, r.score, r.level, r.categories, r.findings
            from %s r
            cross join lateral (select p.id from post p
                                where p.practice_id = ? and p.platform = r.platform and p.external_id = r.external_id offset 0) p
            """.formatted(BackgroundScoring.STAGE);
    private static final String MERGE_STAGE = """
            insert into post_risk (practice_id, post_id, rules_version, score, level, categories, findings, scored_at)
            select ?, post_id, rules_version, score, level, categories, findings, now() from post_risk_stage
            """ + ON_CONFLICT;
    // The run's posts that had findings and have none now (an edited text, new rules).
    private static final String DELETE_CLEARED = """
            delete from post_risk r using post p
            where r.practice_id = ? and p.practice_id = r.practice_id and p.id = r.post_id and p.import_run_id = ?
              and not exists (select 1 from post_risk_stage s where s.post_id = r.post_id)
            """;
    /** Posts read and scored (on every core) at a time. */
    private static final int SCORE_PAGE = 5_000;
    // Locked, so that an import cannot change a text between its scoring here and the write. Posts
    // an import holds are skipped, not waited for (the import locks them in file order, this in id
    // order: waiting could deadlock); the import scores them itself with the current rules.
    private static final String STALE_POSTS = """
            select id, text, platform from post
            where practice_id = ? and id > ? and risk_rules_version is distinct from ?
            order by id limit ?
            for update skip locked
            """;
    private static final String DELETE_RISKS = "delete from post_risk where practice_id = ? and post_id = any(?)";
    private static final String MARK_SCORED = "update post set risk_rules_version = ? where practice_id = ? and id = any(?)";

    @Inject
    RiskRules rules;
    @Inject
    RiskConfig config;
    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "risk-rescore");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Scores every post whose latest import is this run, in pages, on the caller's connection: the
     * importer calls it inside its transaction, so posts and scores commit together. The import's
     * merge has set the posts' risk_rules_version to this scorer's version already. Returns the
     * number of posts scored.
     */
    public int scoreRun(Connection connection, long practiceId, long importRunId, RiskScorer scorer, boolean postsAllNew)
            throws SQLException {
        CopyRows.createStagingTable(connection, "post_risk_stage", STAGE_COLUMNS);
        CopyRows stage = new CopyRows(connection, "post_risk_stage");
        long after = 0;
        int scored = 0;
        while (true) {
            List<PostText> page = new ArrayList<>(SCORE_PAGE);
            try (PreparedStatement select = connection.prepareStatement(POSTS_OF_RUN)) {
                select.setLong(1, practiceId);
                select.setLong(2, importRunId);
                select.setLong(3, after);
                select.setInt(4, SCORE_PAGE);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        page.add(new PostText(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            if (page.isEmpty()) {
                break;
            }
            // Scoring is pure CPU and the scorer is immutable: score a page on every core.
            List<RiskAssessment> risks = page.parallelStream().map(p -> scorer.score(p.text(), p.platform())).toList();
            scored += page.size();
            for (int i = 0; i < page.size(); i++) {
                RiskAssessment risk = risks.get(i);
                if (!risk.findings().isEmpty()) {
                    stageScore(stage.number(page.get(i).id()), risk, findingsJson(risk, json));
                }
            }
            stage.send(); // the connection reads the next page
            after = page.get(page.size() - 1).id();
        }
        mergeStage(connection, practiceId, importRunId, postsAllNew);
        return scored;
    }

    /**
     * Stores the scores that {@link BackgroundScoring} computed for this run's staged rows. Valid
     * when every staged row carried its text and no post occurred twice (so each post's text is its
     * one staged row's); otherwise the importer calls {@link #scoreRun} instead.
     */
    public void storeBackgroundScores(Connection connection, long practiceId, long importRunId, boolean postsAllNew)
            throws SQLException {
        CopyRows.createStagingTable(connection, "post_risk_stage", STAGE_COLUMNS);
        try (PreparedStatement stage = connection.prepareStatement(STAGE_FROM_BACKGROUND)) {
            stage.setLong(1, practiceId);
            stage.executeUpdate();
        }
        mergeStage(connection, practiceId, importRunId, postsAllNew);
    }

    /** postsAllNew: no post of the run existed before it, so none can have an earlier finding to clear. */
    private static void mergeStage(Connection connection, long practiceId, long importRunId, boolean postsAllNew)
            throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(MERGE_STAGE)) {
            merge.setLong(1, practiceId);
            merge.executeUpdate();
        }
        if (postsAllNew) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_CLEARED)) {
            delete.setLong(1, practiceId);
            delete.setLong(2, importRunId);
            delete.executeUpdate();
        }
    }

    /** The cells of a score after its key (the post id, or its platform and id), and the row's end. */
    static void stageScore(CopyRows row, RiskAssessment risk, String findingsJson) throws SQLException {
        row.text(risk.rulesVersion()).number((long) risk.score()).text(risk.level())
                .text("{" + String.join(",", risk.categories()) + "}").text(findingsJson);
        row.endRow();
    }

    private record PostText(long id, String text, String platform) {
    }

    /**
     * Rescores every post without a score of the loaded rules (new rules version, new or changed
     * practice extension), practice by practice, one transaction per batch. One instance at a time:
     * a second caller waits, then finds nothing left. Returns the number of posts rescored.
     */
    public int rescoreAll() {
        try (Connection lock = dataSource.getConnection()) {
            try (PreparedStatement st = lock.prepareStatement("select pg_advisory_lock(hashtext('pulse:risk-rescore'))")) {
                st.execute();
            }
            try {
                int total = 0;
                for (long practiceId : practiceIds()) {
                    total += rescorePractice(practiceId);
                }
                return total;
            } finally {
                try (PreparedStatement st = lock.prepareStatement("select pg_advisory_unlock(hashtext('pulse:risk-rescore'))")) {
                    st.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rescoring posts failed", e);
        }
    }

    void rescoreAtStart(@Observes StartupEvent event) {
        if (config.rescoreAtStart()) {
            background.submit(() -> {
                try {
                    long started = System.nanoTime();
                    int rescored = rescoreAll();
                    if (rescored > 0) {
                        LOG.infof("rescored %d posts with the current risk rules in %d ms", rescored,
                                (System.nanoTime() - started) / 1_000_000);
                    }
                } catch (RuntimeException e) {
                    LOG.error("rescoring posts with the current risk rules failed; they keep their old scores", e);
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    private int rescorePractice(long practiceId) {
        String slug = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return slugOf(c, practiceId);
            }
        });
        RiskScorer scorer = rules.scorer(slug);
        int total = 0;
        long after = 0;
        while (true) {
            long from = after;
            long[] batch = QuarkusTransaction.requiringNew().call(() -> rescoreBatch(practiceId, scorer, from));
            if (batch[0] == 0) {
                return total;
            }
            total += (int) batch[0];
            after = batch[1];
            if (Thread.currentThread().isInterrupted()) {
                return total;
            }
        }
    }

    /** {rows scored, last post id}. */
    private long[] rescoreBatch(long practiceId, RiskScorer scorer, long afterId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(STALE_POSTS);
                PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            select.setLong(1, practiceId);
            select.setLong(2, afterId);
            select.setString(3, scorer.version());
            select.setInt(4, BATCH);
            List<Long> all = new ArrayList<>();
            List<Long> clean = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    all.add(id);
                    RiskAssessment risk = scorer.score(rs.getString(2), rs.getString(3));
                    if (risk.findings().isEmpty()) {
                        clean.add(id);
                    } else {
                        addRow(upsert, practiceId, id, risk);
                    }
                }
            }
            if (all.isEmpty()) {
                return new long[] { 0, afterId };
            }
            if (all.size() > clean.size()) {
                upsert.executeBatch();
            }
            updateIds(c, DELETE_RISKS, null, practiceId, clean);
            updateIds(c, MARK_SCORED, scorer.version(), practiceId, all);
            return new long[] { all.size(), all.get(all.size() - 1) };
        }
    }

    /** Runs a statement over post ids: (version,) practice, ids. */
    private static void updateIds(Connection c, String sql, String version, long practiceId, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            if (version != null) {
                st.setString(i++, version);
            }
            st.setLong(i++, practiceId);
            st.setArray(i, c.createArrayOf("bigint", ids.toArray()));
            st.executeUpdate();
        }
    }

    private List<Long> practiceIds() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement st = c.prepareStatement("select id from practice order by id");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    private void addRow(PreparedStatement upsert, long practiceId, long postId, RiskAssessment risk) throws SQLException {
        upsert.setLong(1, practiceId);
        upsert.setLong(2, postId);
        upsert.setString(3, risk.rulesVersion());
        upsert.setInt(4, risk.score());
        upsert.setString(5, risk.level());
        upsert.setString(6, "{" + String.join(",", risk.categories()) + "}");
        upsert.setString(7, findingsJson(risk, json));
        upsert.addBatch();
    }

    static String findingsJson(RiskAssessment risk, ObjectMapper json) {
        try {
            return json.writeValueAsString(risk.findings());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write risk findings", e);
        }
    }

    private static String slugOf(Connection c, long practiceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select slug from practice where id = ?")) {
            st.setLong(1, practiceId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no practice " + practiceId);
                }
                return rs.getString(1);
            }
        }
    }
}
