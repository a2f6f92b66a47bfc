package org.practicepulse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.practicepulse.analytics.MetricRollups;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
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
    MetricRollups rollups;

    @Test
    void p95AtTenMillionRowsStaysNearP95AtOneHundredThousand() throws Exception {
        Practice measured = data.practice("bench-measured", "America/Chicago");
        String owner = data.user("bench-owner", Role.OWNER, measured);
        long run = importRun(measured.id);
        generate(measured.id, run, 1_000, 10); // 10k rows: the measured practice, 2 years of posts
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Practice p = data.practice("bench-small-" + i, "UTC");
            generate(p.id, importRun(p.id), 1_000, 10);
            others.add(p.id);
        }
        System.out.printf("%nBENCH metric rows: %,d%n", count("post_metric_snapshot"));
        report("100k", owner, measured.slug);

        long started = System.nanoTime();
        for (int i = 0; i < 99; i++) {
            Practice p = data.practice("bench-large-" + i, "UTC");
            generate(p.id, importRun(p.id), 10_000, 10);
        }
        System.out.printf("BENCH generated in %.0f s; metric rows: %,d%n", (System.nanoTime() - started) / 1e9, count("post_metric_snapshot"));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("analyze");
        }
        report("10M", owner, measured.slug);
    }

    private void report(String label, String user, String practice) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestData.PASSWORD).getBytes());
        for (String path : List.of("api/metrics/summary", "api/metrics/weekly")) {
            URI uri = URI.create(base + path + "?practice=" + practice + "&from=2026-08-24&to=2026-11-15");
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < REQUESTS + WARM_UP; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", auth).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                if (i >= WARM_UP) { // let the JIT compile the request path first, so both sizes are measured warm
                    millis.add((System.nanoTime() - t) / 1e6);
                }
            }
            Collections.sort(millis);
            System.out.printf("BENCH %s /%s: p50 %.1f ms, p95 %.1f ms over %d requests%n", label, path,
                    millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)), millis.size());
        }
    }

    private long importRun(long practiceId) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("insert into import_run (practice_id, file_name, source, sha256, size_bytes, status, started_at) values ("
                    + practiceId + ", 'generated.csv', 'UPLOAD', md5(random()::text) || md5(random()::text), 0, 'IMPORTED', now()) returning id");
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Posts spread over the two years up to 2026-11-15, each with weekly snapshots, then the rollups. */
    private void generate(long practiceId, long run, int posts, int snapshots) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into social_account (practice_id, platform, handle) values (" + practiceId + ", 'x', 'bench'), ("
                    + practiceId + ", 'facebook', 'bench')");
            st.execute("""
                    insert into post (practice_id, account_id, platform, external_id, published_at, text, import_run_id)
                    select %1$d, a.id, a.platform, 'p' || g, timestamptz '2026-11-15' - (g * interval '1 minute' * (1051200 / %2$d)),
                           'generated post ' || g, %3$d
                    from generate_series(1, %2$d) g
                    join social_account a on a.practice_id = %1$d and a.platform = case when g %% 2 = 0 then 'x' else 'facebook' end
                    """.formatted(practiceId, posts, run));
            st.execute("""
                    insert into post_metric_snapshot (practice_id, post_id, as_of, impressions, reach, engagements, clicks, import_run_id)
                    select p.practice_id, p.id, cast(p.published_at as date) + 7 * s, 100 * s + p.id %% 97, 80 * s, 5 * s + p.id %% 7, s, %2$d
                    from post p cross join generate_series(1, %3$d) s
                    where p.practice_id = %1$d
                    """.formatted(practiceId, run, snapshots));
            st.execute("""
                    insert into post_latest_metric (practice_id, post_id, platform, account_id, published_at, as_of, impressions, reach,
                        engagements, clicks, import_run_id)
                    select distinct on (s.post_id) s.practice_id, s.post_id, p.platform, p.account_id, p.published_at, s.as_of,
                           s.impressions, s.reach, s.engagements, s.clicks, s.import_run_id
                    from post_metric_snapshot s join post p on p.practice_id = s.practice_id and p.id = s.post_id
                    where s.practice_id = %d
                    order by s.post_id, s.as_of desc
                    """.formatted(practiceId));
            rollups.rebuild(c, practiceId, ZoneId.of(practiceTimeZone(c, practiceId)));
        }
    }

    private static String practiceTimeZone(Connection c, long practiceId) throws Exception {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("select time_zone from practice where id = " + practiceId)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                var rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
