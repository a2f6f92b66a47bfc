package org.practicepulse.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * V8__statement_level_references.sql: the references of post, post_metric_snapshot,
 * post_latest_metric and post_risk, checked per statement instead of by foreign keys, refuse what
 * the foreign keys refused. Each case runs in a transaction that is rolled back.
 */
@QuarkusTest
class StatementReferencesTest {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    private Practice practice;
    private long postId;
    private long runId;
    private long accountId;

    @BeforeEach
    void importOnePost() throws Exception {
        practice = data.practice("references", "UTC");
        String owner = data.user("references-owner", Role.OWNER, practice);
        Path file = Files.createTempFile("references", ".csv");
        Files.writeString(file, """
                platform,post_id,published_at,text,impressions
                Threads,ref-1,2026-09-02T09:00:00Z,DM me your symptoms and I'll tell you what to take.,100
                """);
        assertEquals("IMPORTED", TestData.upload(owner, practice, file).getString("status"));
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("select id, import_run_id, account_id from post where practice_id = ?")) {
            st.setLong(1, practice.id);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                postId = rs.getLong(1);
                runId = rs.getLong(2);
                accountId = rs.getLong(3);
            }
        }
    }

    @Test
    void rowsReferringToMissingParentsAreRefused() throws Exception {
        refused("insert into post_metric_snapshot (practice_id, post_id, as_of, import_run_id) values (?, ?, date '2026-10-01', ?)",
                practice.id, postId + 1_000_000, runId);
        refused("insert into post_metric_snapshot (practice_id, post_id, as_of, import_run_id) values (?, ?, date '2026-10-01', ?)",
                practice.id, postId, runId + 1_000_000);
        refused("insert into post (practice_id, account_id, platform, external_id, published_at, import_run_id)"
                + " values (?, ?, 'threads', 'ref-2', now(), ?)", practice.id, accountId + 1_000_000, runId);
        refused("insert into post (practice_id, account_id, platform, external_id, published_at, import_run_id)"
                + " values (?, ?, 'threads', 'ref-2', now(), ?)", practice.id, accountId, runId + 1_000_000);
        refused("insert into post_risk (practice_id, post_id, rules_version, score, level, categories, findings, scored_at)"
                + " values (?, ?, 'v', 10, 'low', '{}', '[]', now())", practice.id, postId + 1_000_000);
        refused("insert into post_latest_metric (practice_id, post_id, platform, account_id, published_at, as_of, import_run_id)"
                + " select practice_id, id + 1000000, platform, account_id, published_at, date '2026-10-01', import_run_id"
                + " from post where practice_id = ?", practice.id);
        // updates of a reference, by the statements the merges use
        refused("update post set account_id = ? where practice_id = ?", accountId + 1_000_000, practice.id);
        refused("update post_metric_snapshot set import_run_id = ? where practice_id = ?", runId + 1_000_000, practice.id);
        refused("update post_latest_metric set post_id = post_id + 1000000 where practice_id = ?", practice.id);
        // the same rows with existing parents are accepted
        accepted("insert into post (practice_id, account_id, platform, external_id, published_at, import_run_id)"
                + " values (?, ?, 'threads', 'ref-2', now(), ?)", practice.id, accountId, runId);
    }

    @Test
    void referencedParentsCannotBeDeletedOrRekeyedAndRisksFollowTheirPost() throws Exception {
        refused("delete from import_run where id = ?", runId);
        refused("delete from social_account where practice_id = ? and id = ?", practice.id, accountId);
        refused("delete from post where practice_id = ? and id = ?", practice.id, postId);
        refused("update post set id = id + 1000000 where practice_id = ?", practice.id);
        refused("update import_run set id = id + 1000000 where id = ?", runId);
        rolledBack(c -> {
            assertEquals(1, count(c, "select count(*) from post_risk where practice_id = ?", practice.id),
                    "the risky post has a post_risk row");
            execute(c, "delete from post_metric_snapshot where practice_id = ?", practice.id);
            execute(c, "delete from post_latest_metric where practice_id = ?", practice.id);
            execute(c, "delete from post where practice_id = ?", practice.id);
            assertEquals(0, count(c, "select count(*) from post_risk where practice_id = ?", practice.id),
                    "a post's risk goes with it");
        });
    }

    private void refused(String sql, Object... parameters) throws SQLException {
        rolledBack(c -> {
            SQLException e = assertThrows(SQLException.class, () -> execute(c, sql, parameters), sql);
            assertEquals(FOREIGN_KEY_VIOLATION, e.getSQLState(), sql + ": " + e.getMessage());
        });
    }

    private void accepted(String sql, Object... parameters) throws SQLException {
        rolledBack(c -> assertEquals(1, execute(c, sql, parameters), sql));
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs the work in a transaction that is rolled back, whatever happens. */
    private void rolledBack(Work work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static int execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            return st.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
