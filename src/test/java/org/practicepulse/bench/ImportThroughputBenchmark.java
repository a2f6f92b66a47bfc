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
 * into a bare table, measured in the same run; and the share of the import that risk scoring takes.
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
        Practice practice = data.practice("bench-import", "America/Chicago");
        resetHeapPeaks();
        long started = System.nanoTime();
        Optional<ImportRun> run = imports.importFile(new ImportService.ImportRequest(practice, file,
                file.getFileName().toString(), ImportService.INBOX, file.toString(), "bench", Optional.empty()));
        double importSeconds = seconds(started);
        long heapPeak = heapPeakBytes();
        double copyAfter = bareCopy(file);

        ImportRun done = run.orElseThrow();
        assertEquals(ImportStatus.IMPORTED, done.status, done.message);
        assertEquals(ROWS, done.rowsImported);
        assertEquals(impressions, storedImpressions(practice.id));

        double copySeconds = (copyBefore + copyAfter) / 2;
        Map<String, Long> phases = done.phaseMillis;
        long risk = phases.getOrDefault("risk", 0L);
        long total = phases.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("BENCH bare COPY into a %d-column text table: %.2f s before, %.2f s after the import: %,.0f rows/s%n",
                GeneratedExports.X_TWEET_ACTIVITY_HEADER.split(",").length, copyBefore, copyAfter, ROWS / copySeconds);
        System.out.printf("BENCH full import: %.2f s, %,.0f rows/s, %.2f x the COPY time; phases (ms) %s%n", importSeconds,
                ROWS / importSeconds, importSeconds / copySeconds, phases);
        System.out.printf("BENCH risk scoring: %,d ms for %,d posts (%,.0f posts/s) = %.1f %% added to the import without it"
                + " (%.1f %% of the whole import)%n", risk, ROWS, ROWS / (risk / 1000.0),
                100.0 * risk / (total - risk), 100.0 * risk / total);
        System.out.printf("BENCH heap peak during the import: %,d MB (max heap %,d MB)%n%n", heapPeak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
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
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select sum(impressions) from post_metric_snapshot where practice_id = " + practiceId)) {
            rs.next();
            return rs.getLong(1);
        }
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
