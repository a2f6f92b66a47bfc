package org.practicepulse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.practicepulse.support.GeneratedExports;
import org.practicepulse.support.ServiceProcess;

/**
 * A ~1 GB X tweet-activity export (about 1.94 million rows, streamed to disk under target/) dropped
 * into the inbox of the packaged service started with {@code -Xmx256m}: the import must finish with
 * every row, and the benchmark prints rows, seconds, rows/s and the service's peak heap. Peak heap is
 * read from the service's own GC log ({@code -Xlog:gc}: the largest "used before GC" of any
 * collection), peak resident memory from {@code /proc/<pid>/status} (VmHWM). On an
 * OutOfMemoryError the JVM writes a heap dump to target/bench-data/.
 *
 * Needs the packaged jar, so it runs in failsafe after package:
 * {@code ./mvnw -B -Pbench verify -DskipUTs -Dit.test=LargeExportBenchmark} (see bench/README.md).
 * -Dpulse.bench.rows=N changes the size; the generated file is kept and reused for the same N.
 */
class LargeExportBenchmark {

    private static final String SCHEMA = "pulse_it_bench_large";
    private static final String PRACTICE = "bench-large";
    private static final int ROWS = Integer.getInteger("pulse.bench.rows", 1_940_000);
    private static final String HEAP = System.getProperty("pulse.bench.heap", "256m");
    private static final long SEED = 20261203;
    private static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("pulse.bench.timeout-minutes", 90));

    private static final List<ServiceProcess> STARTED = new ArrayList<>();

    @AfterAll
    static void killEverything() {
        STARTED.forEach(ServiceProcess::close);
    }

    @Test
    void importsAOneGigabyteXExportWithA256MegabyteHeap() throws Exception {
        ServiceProcess.dropSchema(SCHEMA);
        Path data = Files.createDirectories(ServiceProcess.projectDir().resolve("target/bench-data"));
        String name = "tweet_activity_metrics_BenchLargeMD_20261101_20261116_en.csv";
        Path file = data.resolve(ROWS + "-" + name);
        GeneratedExports.XTotals expected = generated(file);
        System.out.printf("LargeExportBenchmark: export of %,d rows, %,d bytes (%.2f GB)%n", expected.rows(), expected.bytes(),
                expected.bytes() / 1e9);

        Path inbox = Files.createTempDirectory(data, "inbox-");
        Path gcLog = ServiceProcess.projectDir().resolve("target/it-logs/bench-large-" + ROWS + "-gc.log");
        Files.deleteIfExists(gcLog);
        ServiceProcess service = ServiceProcess.builder("bench-large").schema(SCHEMA).inbox(inbox).heap(HEAP)
                .jvmOption("-Xlog:gc:file=" + gcLog)
                .jvmOption("-XX:+HeapDumpOnOutOfMemoryError").jvmOption("-XX:HeapDumpPath=" + data)
                .env("PULSE_IMPORT_EVERY", "2s").build();
        STARTED.add(service);
        service.start(ServiceProcess.START_TIMEOUT);

        // A hard link appears at once and leaves the generated file for the next run.
        Path folder = Files.createDirectories(inbox.resolve(PRACTICE).resolve("x"));
        long dropped = System.nanoTime();
        Files.createLink(folder.resolve(name), file);
        try {
            ServiceProcess.await("the import of the large export has finished", TIMEOUT, () -> {
                assertTrue(service.isAlive(), "the service died during the import (heap dump, if any, in " + data + "); log:\n"
                        + service.logTail(60));
                return query("select count(*) from import_run where finished_at is not null").longValue() > 0;
            });
        } catch (AssertionError e) {
            GcFigures gc = gcFigures(gcLog);
            System.out.printf("LargeExportBenchmark: no finished run after %.1f s; peak heap used so far %d MB (%d collections),"
                    + " committed at most %d MB, VmHWM %,d kB%n", (System.nanoTime() - dropped) / 1e9, gc.peakUsedMb, gc.collections,
                    gc.peakCommittedMb, peakResidentKb(service.pid()));
            throw e;
        }
        double wall = (System.nanoTime() - dropped) / 1e9;
        long peakRss = peakResidentKb(service.pid());
        Map<String, Object> run = run();
        Map<String, Long> stored = new LinkedHashMap<>();
        stored.put("posts", query("select count(*) from post").longValue());
        stored.put("impressions", query("select coalesce(sum(impressions), 0) from post_metric_snapshot").longValue());
        stored.put("engagements", query("select coalesce(sum(engagements), 0) from post_metric_snapshot").longValue());
        service.stop(Duration.ofSeconds(30));

        GcFigures gc = gcFigures(gcLog);
        double seconds = ((Number) run.get("seconds")).doubleValue();
        System.out.printf("LargeExportBenchmark: status %s, %,d rows read, %,d imported, %,d rejected%n", run.get("status"),
                run.get("rows_read"), run.get("rows_imported"), run.get("rows_rejected"));
        System.out.printf("LargeExportBenchmark: run %.1f s (started_at to finished_at), %,.0f rows/s; %.1f s from the drop to the"
                + " committed run (includes the scan's SHA-256 of the file)%n", seconds, expected.rows() / seconds, wall);
        System.out.printf("LargeExportBenchmark: -Xmx%s, peak heap used %d MB (largest used-before-GC of %d collections in %s),"
                + " heap committed at most %d MB, peak RSS (VmHWM) %,d MB%n", HEAP, gc.peakUsedMb, gc.collections, gcLog.getFileName(),
                gc.peakCommittedMb, peakRss / 1024);

        assertEquals("IMPORTED", run.get("status"), "the import must succeed: " + run);
        assertEquals(expected.rows(), ((Number) run.get("rows_imported")).longValue());
        assertEquals(Map.of("posts", expected.rows(), "impressions", expected.impressions(), "engagements", expected.engagements()),
                Map.copyOf(stored));
    }

    /** Writes the export (or reuses the one written before with the same row count and seed). */
    private static GeneratedExports.XTotals generated(Path file) throws IOException {
        Path totals = file.resolveSibling(file.getFileName() + ".totals");
        if (Files.isRegularFile(file) && Files.isRegularFile(totals)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(totals)) {
                p.load(in);
            }
            if (Long.parseLong(p.getProperty("bytes")) == Files.size(file) && Long.parseLong(p.getProperty("seed")) == SEED) {
                System.out.println("LargeExportBenchmark: reusing " + file);
                return new GeneratedExports.XTotals(l(p, "rows"), l(p, "impressions"), l(p, "engagements"), l(p, "likes"),
                        l(p, "retweets"), l(p, "replies"), l(p, "profileClicks"), l(p, "urlClicks"), l(p, "detailExpands"),
                        l(p, "follows"), l(p, "bytes"));
            }
        }
        long start = System.nanoTime();
        GeneratedExports.XTotals t = GeneratedExports.xTweetActivityTotals(file, "BenchLargeMD", ROWS, SEED);
        System.out.printf("LargeExportBenchmark: generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        Properties p = new Properties();
        p.setProperty("seed", Long.toString(SEED));
        p.setProperty("rows", Long.toString(t.rows()));
        p.setProperty("impressions", Long.toString(t.impressions()));
        p.setProperty("engagements", Long.toString(t.engagements()));
        p.setProperty("likes", Long.toString(t.likes()));
        p.setProperty("retweets", Long.toString(t.retweets()));
        p.setProperty("replies", Long.toString(t.replies()));
        p.setProperty("profileClicks", Long.toString(t.profileClicks()));
        p.setProperty("urlClicks", Long.toString(t.urlClicks()));
        p.setProperty("detailExpands", Long.toString(t.detailExpands()));
        p.setProperty("follows", Long.toString(t.follows()));
        p.setProperty("bytes", Long.toString(t.bytes()));
        try (var out = Files.newOutputStream(totals)) {
            p.store(out, "totals of " + file.getFileName());
        }
        return t;
    }

    private static long l(Properties p, String key) {
        return Long.parseLong(p.getProperty(key));
    }

    private record GcFigures(long peakUsedMb, long peakCommittedMb, int collections) {
    }

    /** From unified GC log lines such as "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 151M->38M(256M) 9.1ms". */
    static GcFigures gcFigures(Path gcLog) throws IOException {
        Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)").matcher(Files.readString(gcLog));
        long peak = 0;
        long committed = 0;
        int collections = 0;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
            committed = Math.max(committed, Long.parseLong(m.group(3)));
            collections++;
        }
        return new GcFigures(peak, committed, collections);
    }

    /** The peak resident set size of the process in kB (Linux), or -1. */
    private static long peakResidentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return -1;
    }

    private static Map<String, Object> run() throws SQLException {
        try (Connection c = ServiceProcess.connect(SCHEMA); PreparedStatement st = c.prepareStatement("""
                select status, rows_read, rows_imported, rows_rejected, message,
                       extract(epoch from finished_at - started_at) as seconds
                from import_run order by id desc limit 1"""); ResultSet rs = st.executeQuery()) {
            rs.next();
            Map<String, Object> run = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                run.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            return run;
        }
    }

    private static Number query(String sql) {
        try (Connection c = ServiceProcess.connect(SCHEMA); PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return (Number) rs.getObject(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw new IllegalStateException(e);
        }
    }
}
