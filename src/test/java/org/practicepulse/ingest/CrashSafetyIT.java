package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.practicepulse.support.GeneratedExports;
import org.practicepulse.support.ServiceProcess;

/**
 * Issue 9, point 1: a service killed with {@code kill -9} in the middle of a large import leaves
 * nothing of the file behind (one file = one transaction), and the next process on the same
 * database and inbox imports it exactly once, with every row. The service runs as the real packaged
 * jar in its own OS process ({@link ServiceProcess}); the test watches PostgreSQL itself to kill it
 * while the import's transaction holds the file's advisory lock and is writing posts.
 */
class CrashSafetyIT {

    private static final String SCHEMA = "pulse_it_crash";
    private static final String PRACTICE = "crash-test";
    private static final String FILE = "tweet_activity_metrics_CrashTestMD_20261101_20261116_en.csv";
    /** Large enough that the import takes several seconds on 2 cores (overridable with -Dpulse.it.crash.rows). */
    private static final int ROWS = Integer.getInteger("pulse.it.crash.rows", 50_000);

    /** Generous: the build machine is shared, and a loaded machine imports several times slower. */
    private static final int IMPORT_TIMEOUT_SECONDS = Integer.getInteger("pulse.it.import-timeout", 300);

    private static final List<ServiceProcess> STARTED = new ArrayList<>();
    private static final List<Path> FOLDERS = new ArrayList<>();

    @AfterAll
    static void killEverything() {
        STARTED.forEach(ServiceProcess::close);
        FOLDERS.forEach(ServiceProcess::deleteTree); // the logs stay in target/it-logs
    }

    private static ServiceProcess service(String name, Path inbox) {
        ServiceProcess service = ServiceProcess.builder(name).schema(SCHEMA).inbox(inbox).heap("384m").build();
        STARTED.add(service);
        return service;
    }

    @Test
    void anImportKilledWithSigkillLeavesNothingAndTheNextProcessImportsTheFileExactlyOnce() throws Exception {
        ServiceProcess.dropSchema(SCHEMA);
        Path work = Files.createDirectories(ServiceProcess.projectDir().resolve("target/it-data"));
        Path inbox = Files.createTempDirectory(work, "crash-inbox-");
        Path staging = Files.createTempDirectory(work, "crash-staging-");
        FOLDERS.add(inbox);
        FOLDERS.add(staging);
        Path staged = staging.resolve(FILE);

        long generating = System.nanoTime();
        GeneratedExports.XTotals expected = GeneratedExports.xTweetActivityTotals(staged, "CrashTestMD", ROWS, 9001);
        String sha = sha256(staged);
        System.out.printf("CrashSafetyIT: generated %,d rows (%,d bytes) in %.1f s, sha256 %s%n", expected.rows(), expected.bytes(),
                (System.nanoTime() - generating) / 1e9, sha);

        ServiceProcess first = service("crash-1", inbox).start(ServiceProcess.START_TIMEOUT);
        // Dropped in at once: a rename within one file system, so no scan ever sees half a file.
        Path practiceFolder = Files.createDirectories(inbox.resolve(PRACTICE).resolve("x"));
        Files.move(staged, practiceFolder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);

        long practiceId = awaitPractice();
        String lockKey = "import:" + practiceId + ":" + sha;
        long[] backend = new long[1];
        ServiceProcess.await("the import of " + FILE + " is writing in process " + first.pid(), Duration.ofSeconds(60), () -> {
            assertTrue(first.isAlive(), "the first service died by itself; log:\n" + first.logTail(40));
            assertEquals(0, committedRuns(sha), "the import finished before it could be killed: raise pulse.it.crash.rows");
            backend[0] = importBackend(first.applicationName(), lockKey);
            return backend[0] != 0;
        });
        // Let it write for a moment more, then check it is still at it (and still uncommitted) right before the kill.
        Thread.sleep(1500);
        Map<String, Object> activity = backendActivity(backend[0]);
        assertEquals(backend[0], importBackend(first.applicationName(), lockKey),
                "the import's backend no longer holds the file's lock; " + activity);
        assertEquals(0, committedRuns(sha), "the import committed before the kill: raise pulse.it.crash.rows");
        System.out.println("CrashSafetyIT: killing pid " + first.pid() + " while its backend " + backend[0]
                + " holds the advisory lock of the file and RowExclusiveLock on post: " + activity);

        first.kill();
        assertFalse(first.isAlive());
        // PostgreSQL rolls the transaction back when it notices the client is gone.
        ServiceProcess.await("PostgreSQL has ended the killed process's backends", Duration.ofSeconds(30),
                () -> backends(first.applicationName()) == 0);

        Map<String, Long> afterKill = stored(practiceId, sha);
        assertEquals(Map.of("runs", 0L, "successfulRuns", 0L, "accounts", 0L, "posts", 0L, "snapshots", 0L, "latest", 0L,
                "rollupPosts", 0L, "risk", 0L, "risky", 0L), pick(afterKill, "runs", "successfulRuns", "accounts", "posts",
                        "snapshots", "latest", "rollupPosts", "risk", "risky"),
                "nothing of the killed import may be visible");

        ServiceProcess second = service("crash-2", inbox).start(ServiceProcess.START_TIMEOUT);
        long importing = System.nanoTime();
        ServiceProcess.await("the second process has imported " + FILE, Duration.ofSeconds(IMPORT_TIMEOUT_SECONDS), () -> {
            assertTrue(second.isAlive(), "the second service died; log:\n" + second.logTail(40));
            return finishedRuns(sha) > 0;
        });
        System.out.printf("CrashSafetyIT: the second process imported the file %.1f s after it was ready%n",
                (System.nanoTime() - importing) / 1e9);
        // Give the schedule a few more scans: a second run of the same bytes would show up now.
        Thread.sleep(3000);

        Map<String, Long> stored = stored(practiceId, sha);
        Map<String, Long> wanted = new LinkedHashMap<>();
        wanted.put("runs", 1L);
        wanted.put("successfulRuns", 1L);
        wanted.put("rowsImported", expected.rows());
        wanted.put("rowsRejected", 0L);
        wanted.put("accounts", 1L);
        wanted.put("posts", expected.rows());
        wanted.put("snapshots", expected.rows());
        wanted.put("impressions", expected.impressions());
        wanted.put("engagements", expected.engagements());
        wanted.put("likes", expected.likes());
        wanted.put("comments", expected.replies());
        wanted.put("shares", expected.retweets());
        wanted.put("clicks", expected.urlClicks());
        wanted.put("profileClicks", expected.profileClicks());
        wanted.put("follows", expected.follows());
        wanted.put("detailExpands", expected.detailExpands());
        wanted.put("latest", expected.rows());
        wanted.put("rollupPosts", expected.rows());
        wanted.put("rollupImpressions", expected.impressions());
        wanted.put("rollupEngagements", expected.engagements());
        wanted.put("risk", expected.rows());
        assertEquals(wanted, pick(stored, wanted.keySet().toArray(String[]::new)),
                "the re-import must hold exactly the generated file; log:\n" + second.logTail(20));

        // The API of the new process shows the one run.
        var runs = second.get("/api/imports?practice=" + PRACTICE);
        assertEquals(200, runs.statusCode(), runs.body());
        assertTrue(runs.body().contains("\"status\":\"IMPORTED\"") && runs.body().contains(FILE), runs.body());
        System.out.println("CrashSafetyIT: after the restart " + stored);
        second.stop(Duration.ofSeconds(30));
    }

    private static long awaitPractice() {
        long[] id = new long[1];
        ServiceProcess.await("the inbox scan has created practice " + PRACTICE, Duration.ofSeconds(30), () -> {
            id[0] = queryLong("select coalesce(max(id), 0) from practice where slug = ?", PRACTICE);
            return id[0] != 0;
        });
        return id[0];
    }

    /**
     * The backend of the given process that holds this file's advisory lock (pg_advisory_xact_lock of
     * ImportService: a bigint key shown as classid/objid) and has inserted into post in the same
     * transaction (RowExclusiveLock); 0 when there is none.
     */
    private static long importBackend(String applicationName, String lockKey) {
        return queryLong("""
                select coalesce(max(l.pid), 0)
                from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.granted and a.application_name = ?
                  and ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended(?, 0)
                  and exists (select 1 from pg_locks r join pg_class c on c.oid = r.relation
                              join pg_namespace n on n.oid = c.relnamespace
                              where r.pid = l.pid and n.nspname = ? and c.relname = 'post' and r.mode = 'RowExclusiveLock')
                """, applicationName, lockKey, SCHEMA);
    }

    private static Map<String, Object> backendActivity(long pid) throws SQLException {
        try (Connection c = ServiceProcess.connect(null); PreparedStatement st = c.prepareStatement("""
                select state, round(extract(epoch from now() - xact_start)::numeric, 1) as transaction_seconds,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 60) as query
                from pg_stat_activity where pid = ?""")) {
            st.setLong(1, pid);
            try (ResultSet rs = st.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rs.next()) {
                    row.put("state", rs.getString(1));
                    row.put("transactionSeconds", rs.getBigDecimal(2));
                    row.put("query", rs.getString(3));
                }
                return row;
            }
        }
    }

    private static long backends(String applicationName) {
        return queryLong("select count(*) from pg_stat_activity where application_name = ?", applicationName);
    }

    private static long committedRuns(String sha) {
        return queryLong("select count(*) from " + SCHEMA + ".import_run where sha256 = ?", sha);
    }

    private static long finishedRuns(String sha) {
        return queryLong("select count(*) from " + SCHEMA + ".import_run where sha256 = ? and finished_at is not null", sha);
    }

    private static Map<String, Long> stored(long practiceId, String sha) throws SQLException {
        String sql = """
                select
                  (select count(*) from import_run where practice_id = :p and sha256 = :sha) as runs,
                  (select count(*) from import_run where practice_id = :p and sha256 = :sha and status = 'IMPORTED') as successful_runs,
                  (select coalesce(sum(rows_imported), 0) from import_run where practice_id = :p and sha256 = :sha) as rows_imported,
                  (select coalesce(sum(rows_rejected), 0) from import_run where practice_id = :p and sha256 = :sha) as rows_rejected,
                  (select count(*) from social_account where practice_id = :p) as accounts,
                  (select count(*) from post where practice_id = :p) as posts,
                  (select count(*) from post_metric_snapshot where practice_id = :p) as snapshots,
                  (select coalesce(sum(impressions), 0) from post_metric_snapshot where practice_id = :p) as impressions,
                  (select coalesce(sum(engagements), 0) from post_metric_snapshot where practice_id = :p) as engagements,
                  (select coalesce(sum(likes), 0) from post_metric_snapshot where practice_id = :p) as likes,
                  (select coalesce(sum(comments), 0) from post_metric_snapshot where practice_id = :p) as comments,
                  (select coalesce(sum(shares), 0) from post_metric_snapshot where practice_id = :p) as shares,
                  (select coalesce(sum(clicks), 0) from post_metric_snapshot where practice_id = :p) as clicks,
                  (select coalesce(sum(profile_clicks), 0) from post_metric_snapshot where practice_id = :p) as profile_clicks,
                  (select coalesce(sum(follows), 0) from post_metric_snapshot where practice_id = :p) as follows,
                  (select coalesce(sum((extra->>'detail expands')::numeric), 0) from post_metric_snapshot where practice_id = :p) as detail_expands,
                  (select count(*) from post_latest_metric where practice_id = :p) as latest,
                  (select coalesce(sum(posts), 0) from daily_post_rollup where practice_id = :p) as rollup_posts,
                  (select coalesce(sum(impressions), 0) from daily_post_rollup where practice_id = :p) as rollup_impressions,
                  (select coalesce(sum(engagements), 0) from daily_post_rollup where practice_id = :p) as rollup_engagements,
                  (select count(*) from post where practice_id = :p and risk_rules_version is not null) as risk,
                  (select count(*) from post_risk where practice_id = :p) as risky
                """.replace(":p", Long.toString(practiceId)).replace(":sha", "'" + sha + "'");
        try (Connection c = ServiceProcess.connect(SCHEMA); PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            Map<String, Long> values = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.put(camel(rs.getMetaData().getColumnLabel(i)), rs.getBigDecimal(i).longValueExact());
            }
            return values;
        }
    }

    private static Map<String, Long> pick(Map<String, Long> values, String... keys) {
        Map<String, Long> picked = new LinkedHashMap<>();
        for (String key : keys) {
            picked.put(key, values.get(key));
        }
        return picked;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    private static long queryLong(String sql, Object... parameters) {
        try (Connection c = ServiceProcess.connect(SCHEMA); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            // The schema appears only once the first process has migrated it.
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
