package org.practicepulse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.practicepulse.ingest.ImportRun;
import org.practicepulse.ingest.ImportService;
import org.practicepulse.ingest.ImportStatus;
import org.practicepulse.practice.Practice;
import org.practicepulse.support.GeneratedExports;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issues 9 (point 5) and 6 (point 5): rows/s of the full import of a 1M-row X export (parse,
 * validate, stage and merge, rollups, risk scoring) next to PostgreSQL's own COPY of the same file
 * into a bare table, measured in the same run; and what risk scoring adds: the same file imported
 * without scoring, in the same run.
 * Run: {@code ./mvnw -B -Pbench verify -Dtest=ImportThroughputBenchmark} ({@code -Dbench.rows=N} to
 * change the size).
 */
@QuarkusTest
class ImportThroughputBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

    @Inject
    TestData data;
    @Inject
    ImportService imports;
    @Inject
    DataSource dataSource;

    @Test
    void fullImportNextToBareCopy() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path file = dir.resolve("tweet_activity_metrics_BenchClinic_20260101_20261115_en.csv");
        long generateStarted = System.nanoTime();
        long impressions = GeneratedExports.xTweetActivity(file, "BenchClinic", ROWS, 20261203);
        System.out.printf("%nBENCH generated %,d rows (%,d MB) in %.1f s%n", ROWS, Files.size(file) >> 20,
                seconds(generateStarted));

        double copyBefore = bareCopy(file);
        // The same file without risk scoring first (into a table that is still smaller: the
        // comparison, if anything, favours the import without scoring).
        Timed plain = timedImport(data.practice("bench-import-unscored", "America/Chicago"), file, false, impressions);
        Timed full = timedImport(data.practice("bench-import", "America/Chicago"), file, true, impressions);
        double copyAfter = bareCopy(file);

        double copySeconds = (copyBefore + copyAfter) / 2;
        System.out.printf("BENCH bare COPY into a %d-column text table: %.2f s before, %.2f s after the imports: %,.0f rows/s%n",
                GeneratedExports.X_TWEET_ACTIVITY_HEADER.split(",").length, copyBefore, copyAfter, ROWS / copySeconds);
        System.out.printf("BENCH full import: %.2f s, %,.0f rows/s, %.2f x the COPY time; phases (ms) %s%n", full.seconds,
                ROWS / full.seconds, full.seconds / copySeconds, full.run.phaseMillis);
        System.out.printf("BENCH the same import without risk scoring: %.2f s, %,.0f rows/s; phases (ms) %s%n", plain.seconds,
                ROWS / plain.seconds, plain.run.phaseMillis);
        double added = full.seconds - plain.seconds;
        System.out.printf("BENCH risk scoring adds %.2f s to %.2f s: %.1f %% (%,d posts scored, %,d with findings%s;"
                + " RiskScoringBenchmark gives the scorer's posts/s per core)%n", added, plain.seconds,
                100 * added / plain.seconds, ROWS, riskyPosts(full.practiceId), added > 0
                        ? String.format(": %,.0f posts per second of added import time", ROWS / added)
                        : "; the import without scoring was the slower one: the difference is within the noise of the merge");
        System.out.printf("BENCH heap peak during the full import: %,d MB (max heap %,d MB)%n%n", full.heapPeak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        assertEquals(ROWS, scoredPosts(full.practiceId));
        assertEquals(0, scoredPosts(plain.practiceId));
    }

    private record Timed(long practiceId, ImportRun run, double seconds, long heapPeak) {
    }

    private Timed timedImport(Practice practice, Path file, boolean scoreRisk, long impressions) throws Exception {
        resetHeapPeaks();
        long started = System.nanoTime();
        Optional<ImportRun> run = imports.importFile(new ImportService.ImportRequest(practice, file,
                file.getFileName().toString(), ImportService.INBOX, file.toString(), "bench", Optional.empty()), scoreRisk);
        double seconds = seconds(started);
        long heapPeak = heapPeakBytes();
        ImportRun done = run.orElseThrow();
        assertEquals(ImportStatus.IMPORTED, done.status, done.message);
        assertEquals(ROWS, done.rowsImported);
        assertEquals(impressions, storedImpressions(practice.id));
        return new Timed(practice.id, done, seconds, heapPeak);
    }

    private long scoredPosts(long practiceId) throws Exception {
        return count("select count(*) from post where risk_rules_version is not null and practice_id = " + practiceId);
    }

    private long riskyPosts(long practiceId) throws Exception {
        return count("select count(*) from post_risk where practice_id = " + practiceId);
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Seconds PostgreSQL takes to COPY the file, header skipped, into a fresh table of text columns. */
    private double bareCopy(Path file) throws Exception {
        int columns = GeneratedExports.X_TWEET_ACTIVITY_HEADER.split(",").length;
        StringBuilder ddl = new StringBuilder("create table bench_bare_copy (");
        for (int i = 0; i < columns; i++) {
            ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
        }
        ddl.append(")");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists bench_bare_copy");
            st.execute(ddl.toString());
            long started = System.nanoTime();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                long copied = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_bare_copy from stdin (format csv, header true)", in);
                assertEquals(ROWS, copied);
            }
            double seconds = seconds(started);
            st.execute("drop table bench_bare_copy");
            return seconds;
        }
    }

    private long storedImpressions(long practiceId) throws Exception {
        return count("select sum(impressions) from post_metric_snapshot where practice_id = " + practiceId);
    }

    private static void resetHeapPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeakBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
