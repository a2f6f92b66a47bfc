package org.practicepulse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.practicepulse.ingest.ImportRun;
import org.practicepulse.ingest.ImportService;
import org.practicepulse.ingest.ImportStatus;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.GeneratedExports;
import org.practicepulse.support.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 9 point 4: while a 1M-row export is being imported into the practice, 50 concurrent
 * clients call the dashboard APIs for 60 s; every answer must be a 200. Prints requests/s and
 * p50/p95/p99 per endpoint and overall. Run: {@code ./mvnw -B -Pbench verify -Dtest=DashboardLoadBenchmark}
 * ({@code -Dbench.clients=}, {@code -Dbench.seconds=}, {@code -Dbench.rows=} change the load).
 */
@QuarkusTest
class DashboardLoadBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final String PERIOD = "&from=2026-08-24&to=2026-11-15";
    private static final List<String> ENDPOINTS = List.of("api/metrics/summary?explain=true", "api/metrics/weekly",
            "api/posts?sort=engagementRate&limit=10", "api/posts?sort=risk&minRisk=30&limit=10", "api/metrics/best-times",
            "api/metrics/accounts", "api/reviews?unanswered=true", "api/reputation/summary", "api/alerts?status=open",
            "api/dashboards", "api/imports?limit=20");

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    ImportService imports;

    @Test
    void fiftyClientsDuringAMillionRowImportGetNoErrors() throws Exception {
        Practice practice = data.practice("bench-load", "America/Chicago");
        String owner = data.user("bench-load-owner", Role.OWNER, practice);
        importSamples(practice);
        Path big = Files.createDirectories(Path.of("target", "bench")).resolve("tweet_activity_metrics_LoadClinic_20260101_20261115_en.csv");
        GeneratedExports.xTweetActivity(big, "LoadClinic", ROWS, 42);

        ExecutorService importer = Executors.newSingleThreadExecutor();
        long importStarted = System.nanoTime();
        Future<Optional<ImportRun>> bigImport = importer.submit(() -> imports.importFile(new ImportService.ImportRequest(practice,
                big, big.getFileName().toString(), ImportService.INBOX, big.toString(), "bench", Optional.empty())));
        Thread.sleep(2_000); // the import is reading rows: its transaction is open

        String auth = "Basic " + Base64.getEncoder().encodeToString((owner + ":" + TestData.PASSWORD).getBytes());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, List<Double>> millis = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        long loadStarted = System.nanoTime();
        for (int client = 0; client < CLIENTS; client++) {
            int offset = client;
            running.add(CompletableFuture.runAsync(() -> {
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    String endpoint = ENDPOINTS.get(i % ENDPOINTS.size());
                    String sep = endpoint.contains("?") ? "&" : "?";
                    URI uri = URI.create(base + endpoint + sep + "practice=" + practice.slug + PERIOD);
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", auth)
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            error(errors, errorSamples, endpoint, r.statusCode() + " " + r.body());
                            continue;
                        }
                    } catch (Exception e) {
                        error(errors, errorSamples, endpoint, e.toString());
                        continue;
                    }
                    millis.computeIfAbsent(endpoint, k -> Collections.synchronizedList(new ArrayList<>()))
                            .add((System.nanoTime() - t) / 1e6);
                }
            }, clients));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        clients.shutdown();
        boolean importStillRunning = !bigImport.isDone();
        ImportRun run = bigImport.get().orElseThrow();
        double importSeconds = (System.nanoTime() - importStarted) / 1e9;
        importer.shutdown();

        List<Double> all = new ArrayList<>();
        System.out.printf("%nBENCH %d clients for %.0f s while a %,d-row import ran (import %s after %.0f s; still running"
                + " when the load ended: %s)%n", CLIENTS, loadSeconds, ROWS, run.status, importSeconds, importStillRunning);
        for (Map.Entry<String, List<Double>> e : new TreeMap<>(millis).entrySet()) {
            List<Double> sorted = new ArrayList<>(e.getValue());
            Collections.sort(sorted);
            all.addAll(sorted);
            System.out.printf("BENCH   %-45s %6d requests, p50 %7.1f ms, p95 %7.1f ms, errors %d%n", e.getKey(), sorted.size(),
                    percentile(sorted, 0.50), percentile(sorted, 0.95), errors.getOrDefault(e.getKey(), new AtomicLong()).get());
        }
        Collections.sort(all);
        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("BENCH overall: %,d requests, %.0f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, errors %d%n%n",
                all.size(), all.size() / loadSeconds, percentile(all, 0.50), percentile(all, 0.95), percentile(all, 0.99),
                errorCount);
        errorSamples.stream().limit(5).forEach(s -> System.out.println("BENCH error: " + s));

        assertEquals(0, errorCount, "every request must succeed; first errors: " + errorSamples.stream().limit(5).toList());
        assertEquals(ImportStatus.IMPORTED, run.status, run.message);
        assertEquals(ROWS, run.rowsImported);
        assertTrue(importSeconds > 2, "the import ran while the clients did");
    }

    private static void error(Map<String, AtomicLong> errors, List<String> samples, String endpoint, String what) {
        errors.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
        if (samples.size() < 20) {
            samples.add(endpoint + ": " + (what.length() > 300 ? what.substring(0, 300) : what));
        }
    }

    private void importSamples(Practice practice) throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("import-samples", "lakeside-family-medicine"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals("practice.json") || name.endsWith(".md") || name.startsWith(".")) {
                    continue;
                }
                imports.importFile(new ImportService.ImportRequest(practice, file, name, ImportService.INBOX, file.toString(),
                        "bench", Optional.empty()));
            }
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
    }
}
