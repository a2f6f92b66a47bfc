package org.practicepulse.bench;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.GeneratedHistory;
import org.practicepulse.support.TestData;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 5: p50/p95 of /api/metrics/summary and /weekly for one practice's last 12 weeks, first
 * with 100k metric rows in the database, then with 10M (the same practice, plus many others and
 * their history). Run: ./mvnw -B -Pbench verify -Dtest=MetricsQueryBenchmark
 */
@QuarkusTest
class MetricsQueryBenchmark {

    private static final int REQUESTS = 200;
    private static final int WARM_UP = 300;

    @TestHTTPResource("/")
    URL base;
    @Inject
    TestData data;
    @Inject
    DataSource dataSource;
    @Inject
    GeneratedHistory history;

    @Test
    void p95AtTenMillionRowsStaysNearP95AtOneHundredThousand() throws Exception {
        Practice measured = data.practice("bench-measured", "America/Chicago");
        String owner = data.user("bench-owner", Role.OWNER, measured);
        history.simplePosts(measured.id, 1_000, 10); // 10k rows: the measured practice, 2 years of posts
        for (int i = 0; i < 9; i++) {
            Practice p = data.practice("bench-small-" + i, "UTC");
            history.simplePosts(p.id, 1_000, 10);
        }
        System.out.printf("%nBENCH metric rows: %,d%n", history.count("post_metric_snapshot"));
        report("100k", owner, measured.slug);

        long started = System.nanoTime();
        for (int i = 0; i < 99; i++) {
            Practice p = data.practice("bench-large-" + i, "UTC");
            history.simplePosts(p.id, 10_000, 10);
        }
        System.out.printf("BENCH generated in %.0f s; metric rows: %,d%n", (System.nanoTime() - started) / 1e9, history.count("post_metric_snapshot"));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("analyze");
        }
        report("10M", owner, measured.slug);
    }

    private void report(String label, String user, String practice) throws Exception {
        for (String path : List.of("api/metrics/summary", "api/metrics/weekly")) {
            URI uri = URI.create(base + path + "?practice=" + practice + "&from=2026-08-24&to=2026-11-15");
            // warm-up: let the JIT compile the request path first, so both sizes are measured warm
            HttpTimings.Measured m = HttpTimings.get(uri, HttpTimings.basic(user), WARM_UP, REQUESTS);
            System.out.printf("BENCH %s /%s: p50 %.1f ms, p95 %.1f ms over %d requests%n", label, path, m.p50(), m.p95(),
                    m.millis().size());
        }
    }
}
