package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.practicepulse.support.GeneratedExports;
import org.practicepulse.support.ServiceProcess;
import org.practicepulse.support.WebhookReceiver;

/**
 * Issue 9, point 2: two service processes (the real packaged jar) on one database schema and one
 * inbox, both scanning every second, import each of 14 files dropped in at once exactly once, and
 * store exactly what a single instance stores; each review alert reaches the webhook exactly once;
 * a scheduled report goes out once. The reference is a clean import of the same files by one
 * process into its own schema; the generated X exports are also checked against the generator's own
 * totals.
 */
class SeveralInstancesIT {

    private static final String SCHEMA = "pulse_it_multi";
    private static final String REFERENCE_SCHEMA = "pulse_it_multi_ref";
    private static final String LAKESIDE = "lakeside-family-medicine";
    private static final String GENERATED = "multi-generated";
    private static final int GENERATED_ROWS = 5_000;
    private static final int IMPORT_TIMEOUT_SECONDS = Integer.getInteger("pulse.it.import-timeout", 300);
    /** Real exports of the samples, by path under import-samples/lakeside-family-medicine. */
    private static final List<String> SAMPLES = List.of(
            "x/tweet_activity_metrics_LakesideFamMed_20260801_20260901_en.csv",
            "x/tweet_activity_metrics_LakesideFamMed_20260901_20261001_en.csv",
            "x/tweet_activity_metrics_LakesideFamMed_20261001_20261101_en.csv",
            "x/tweet_activity_metrics_LakesideFamMed_20261101_20261116_en.csv",
            "facebook/Sep-01-2026_Sep-30-2026_1184467203958112.csv",
            "web/Traffic_acquisition_Session_source_medium.csv",
            "generic/threads-and-doximity-posts.csv",
            "reviews/healthgrades-zocdoc-vitals-reviews.csv",
            "reviews/reviews.json",
            "reviews/trustpilot-reviews-lakesidefamilymed.com.csv",
            "reviews/yelp_reviews_lakeside-family-medicine-lakeside.json");
    /** New negative reviews (dated a few days ago), each of which must raise one alert. */
    private static final List<String> FRESH_NEGATIVE = List.of("it-neg-1", "it-neg-2", "it-neg-3");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ServiceProcess> STARTED = new ArrayList<>();
    private static WebhookReceiver receiver;
    private static Path root;

    @AfterAll
    static void stopEverything() {
        STARTED.forEach(ServiceProcess::close);
        ServiceProcess.deleteTree(root); // the logs stay in target/it-logs
        if (receiver != null) {
            receiver.stop();
        }
    }

    private static ServiceProcess service(String name, String schema, Path inbox, String webhook) {
        ServiceProcess.Builder builder = ServiceProcess.builder(name).schema(schema).inbox(inbox).heap("320m")
                // The sample reviews date from August to November 2026: make all of them news, not history.
                .env("PULSE_ALERTS_MAX_REVIEW_AGE", "P3650D");
        if (webhook != null) {
            builder.env("PULSE_ALERTS_WEBHOOKS", webhook);
        }
        ServiceProcess service = builder.build();
        STARTED.add(service);
        return service;
    }

    @Test
    void twoProcessesOnOneInboxImportEachFileOnceAlertOnceAndReportOnce() throws Exception {
        ServiceProcess.dropSchema(SCHEMA);
        ServiceProcess.dropSchema(REFERENCE_SCHEMA);
        Path work = Files.createDirectories(ServiceProcess.projectDir().resolve("target/it-data"));
        root = Files.createTempDirectory(work, "multi-");
        Map<String, GeneratedExports.XTotals> generated = new LinkedHashMap<>();
        String freshReviews = freshNegativeReviews();
        int files = stage(root.resolve("reference-staging"), freshReviews, generated);
        stage(root.resolve("staging"), freshReviews, new LinkedHashMap<>());

        // 1. The reference: one process imports the files into its own schema.
        Path referenceInbox = root.resolve("reference-inbox");
        ServiceProcess single = service("multi-ref", REFERENCE_SCHEMA, referenceInbox, null).start(ServiceProcess.START_TIMEOUT);
        Files.move(root.resolve("reference-staging"), referenceInbox, StandardCopyOption.ATOMIC_MOVE);
        awaitRuns(REFERENCE_SCHEMA, files, single);
        Map<String, Object> reference = fingerprint(REFERENCE_SCHEMA);
        List<Map<String, Object>> referenceRuns = runs(REFERENCE_SCHEMA);
        single.stop(Duration.ofSeconds(30));
        System.out.println("SeveralInstancesIT: reference " + reference);

        // 2. Two processes on one schema and one inbox; the files appear at once (one rename of the whole folder).
        receiver = new WebhookReceiver();
        WebhookReceiver.REQUESTS.clear();
        String webhook = receiver.start().get("pulse.alerts.webhooks");
        Path inbox = root.resolve("inbox");
        ServiceProcess a = service("multi-a", SCHEMA, inbox, webhook).start(ServiceProcess.START_TIMEOUT);
        ServiceProcess b = service("multi-b", SCHEMA, inbox, webhook).start(ServiceProcess.START_TIMEOUT);
        Files.move(root.resolve("staging"), inbox, StandardCopyOption.ATOMIC_MOVE);
        awaitRuns(SCHEMA, files, a, b);
        Thread.sleep(3000); // more scans of both: a second run of any file would appear now

        // Each file exactly once, with the same outcome as the single import.
        List<Map<String, Object>> runs = runs(SCHEMA);
        assertEquals(files, runs.size(), "one run per file: " + runs);
        assertEquals(files, runs.stream().map(r -> r.get("sha256")).distinct().count(), "one run per sha256: " + runs);
        assertEquals(referenceRuns, runs, "the same runs (file, status, counts) as a single instance");
        assertTrue(runs.stream().allMatch(r -> Set.of("IMPORTED", "PARTIAL").contains(r.get("status"))), "every file imports: " + runs);
        assertEquals(reference, fingerprint(SCHEMA), "the stored figures of two instances equal those of one");

        // The generated exports hold exactly what the generator wrote.
        Map<String, Object> generatedFigures = practiceFigures(SCHEMA, GENERATED);
        long rows = generated.values().stream().mapToLong(GeneratedExports.XTotals::rows).sum();
        assertEquals(Map.of("posts", rows, "impressions", generated.values().stream().mapToLong(GeneratedExports.XTotals::impressions).sum(),
                "engagements", generated.values().stream().mapToLong(GeneratedExports.XTotals::engagements).sum(),
                "clicks", generated.values().stream().mapToLong(GeneratedExports.XTotals::urlClicks).sum()),
                Map.of("posts", generatedFigures.get("posts"), "impressions", generatedFigures.get("impressions"),
                        "engagements", generatedFigures.get("engagements"), "clicks", generatedFigures.get("clicks")));

        // Import log lines: each file imported by exactly one of the two processes.
        int byA = importsLogged(a);
        int byB = importsLogged(b);
        System.out.printf("SeveralInstancesIT: %d files imported, %d by %s, %d by %s%n", files, byA, a.name(), byB, b.name());
        assertEquals(files, byA + byB, "every import is logged once, by one of the two processes");

        // 3. Alerts: every alert of the reviews reaches the webhook exactly once.
        long alerts = count(SCHEMA, "select count(*) from alert");
        assertEquals(reference.get("alerts"), alerts, "the same alerts as a single instance");
        assertEquals(Set.copyOf(FRESH_NEGATIVE), new TreeSet<>(strings(SCHEMA, """
                select r.external_id from alert a join review r on r.practice_id = a.practice_id and r.id = a.review_id
                where a.kind = 'negative' and r.external_id like 'it-neg-%'""")), "each fresh negative review raised an alert");
        ServiceProcess.await("every alert delivery is sent", Duration.ofSeconds(60),
                () -> count(SCHEMA, "select count(*) from alert_delivery where status <> 'sent'") == 0
                        && WebhookReceiver.REQUESTS.size() >= alerts);
        Thread.sleep(3000); // further delivery runs of both processes: a duplicate would arrive now
        List<WebhookReceiver.Received> received = List.copyOf(WebhookReceiver.REQUESTS);
        Map<Long, Integer> timesReceived = new HashMap<>();
        for (WebhookReceiver.Received request : received) {
            for (JsonNode alert : JSON.readTree(request.body()).get("alerts")) {
                timesReceived.merge(alert.get("alertId").asLong(), 1, Integer::sum);
            }
        }
        Set<Long> alertIds = strings(SCHEMA, "select id from alert").stream().map(Long::valueOf).collect(Collectors.toSet());
        assertEquals(alertIds, timesReceived.keySet(), "every alert arrived");
        assertEquals(Map.of(1, alertIds.size()), timesReceived.values().stream().collect(Collectors.toMap(n -> n, n -> 1, Integer::sum)),
                "each alert arrived exactly once: " + timesReceived);
        assertEquals(count(SCHEMA, "select count(*) from alert_delivery where channel = 'webhook'"), received.size());
        assertEquals(received.size(), received.stream().map(WebhookReceiver.Received::deliveryId).distinct().count(),
                "no delivery id twice");
        assertEquals(0, count(SCHEMA, "select count(*) from alert_delivery where attempts <> 1"), "each delivery claimed once");
        System.out.printf("SeveralInstancesIT: %d alerts, %d webhook requests%n", alerts, received.size());

        // 4. A scheduled report: due a few seconds from now, sent by one of the two processes only.
        ZonedDateTime due = Instant.now().plusSeconds(20).atZone(ZoneId.of("America/Chicago")).truncatedTo(ChronoUnit.SECONDS);
        String cron = due.getSecond() + " " + due.getMinute() + " " + due.getHour() + " ? * *";
        var created = a.postJson("/api/subscriptions", JSON.writeValueAsString(Map.of("dashboard", "weekly-engagement",
                "practice", LAKESIDE, "format", "csv", "schedule", cron, "recipients", List.of("leadership@it.test"), "skipEmpty", false)));
        assertEquals(201, created.statusCode(), created.body());
        long subscription = JSON.readTree(created.body()).get("id").asLong();
        ServiceProcess.await("the scheduled report is delivered", Duration.ofSeconds(120), () -> count(SCHEMA,
                "select count(*) from report_delivery where subscription_id = " + subscription + " and status = 'SENT'") == 1);
        Thread.sleep(4000); // both report jobs run every second
        assertEquals(1, count(SCHEMA, "select count(*) from report_delivery where subscription_id = " + subscription));
        String sentLine = "report subscription " + subscription + ": sent";
        assertEquals(1, occurrences(a.log(), sentLine) + occurrences(b.log(), sentLine), "the report mail went out once");
        System.out.printf("SeveralInstancesIT: report subscription %d sent once (by %s)%n", subscription,
                occurrences(a.log(), sentLine) == 1 ? a.name() : b.name());

        a.stop(Duration.ofSeconds(30));
        b.stop(Duration.ofSeconds(30));
    }

    /** Writes the inbox tree (samples, one fresh review file, two generated X exports); returns how many files it holds. */
    private static int stage(Path inbox, String freshReviews, Map<String, GeneratedExports.XTotals> generated) throws IOException {
        Path samples = ServiceProcess.projectDir().resolve("import-samples").resolve(LAKESIDE);
        Path lakeside = Files.createDirectories(inbox.resolve(LAKESIDE));
        Files.copy(samples.resolve("practice.json"), lakeside.resolve("practice.json"));
        for (String sample : SAMPLES) {
            Path target = lakeside.resolve(sample);
            Files.createDirectories(target.getParent());
            Files.copy(samples.resolve(sample), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.writeString(lakeside.resolve("reviews/fresh-negative-reviews.csv"), freshReviews);
        Path generatedX = Files.createDirectories(inbox.resolve(GENERATED).resolve("x"));
        long idBase = 1_900_000_000_000_000_000L;
        for (String handle : List.of("GenOneMD", "GenTwoMD")) {
            generated.put(handle, GeneratedExports.xTweetActivityTotals(
                    generatedX.resolve("tweet_activity_metrics_" + handle + "_20261101_20261116_en.csv"), handle, GENERATED_ROWS,
                    handle.hashCode(), idBase));
            idBase += 10_000_000_000L; // distinct tweets in each file
        }
        try (Stream<Path> all = Files.walk(inbox)) {
            return (int) all.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("practice.json")).count();
        }
    }

    /** A generic review CSV of one-star reviews from the last few days (the same bytes in both inboxes). */
    private static String freshNegativeReviews() {
        StringBuilder reviews = new StringBuilder("source,review_id,created_at,rating,text,reviewer,reply_text,reply_at\n");
        String[] texts = { "Rude front desk and a two hour wait. Never again.", "Terrible experience, nobody called me back.",
            "Awful billing office, they charged me twice and hung up on me." };
        for (int i = 0; i < FRESH_NEGATIVE.size(); i++) {
            reviews.append("RateMDs,").append(FRESH_NEGATIVE.get(i)).append(',')
                    .append(Instant.now().minus(2 + i, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)).append(",1,\"")
                    .append(texts[i]).append("\",Reviewer ").append(i + 1).append(",,\n");
        }
        return reviews.toString();
    }

    private static void awaitRuns(String schema, int files, ServiceProcess... services) {
        ServiceProcess.await(files + " files are imported into " + schema, Duration.ofSeconds(IMPORT_TIMEOUT_SECONDS), () -> {
            for (ServiceProcess service : services) {
                assertTrue(service.isAlive(), service.name() + " died; log:\n" + service.logTail(40));
            }
            return count(schema, "select count(distinct sha256) from import_run where finished_at is not null and status <> 'SKIPPED'")
                    >= files;
        });
    }

    /** Every run but SKIPPED ones, without ids and times, ordered by file. */
    private static List<Map<String, Object>> runs(String schema) throws SQLException {
        return rows(schema, """
                select p.slug, r.file_name, r.sha256, r.format, r.status, r.rows_read, r.rows_imported, r.rows_rejected, r.rows_skipped
                from import_run r join practice p on p.id = r.practice_id
                where r.status <> 'SKIPPED' order by p.slug, r.file_name, r.id""");
    }

    /** What the imports stored, as counts and sums per practice (no ids, which differ between schemas). */
    private static Map<String, Object> fingerprint(String schema) throws SQLException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(LAKESIDE, practiceFigures(schema, LAKESIDE));
        figures.put(GENERATED, practiceFigures(schema, GENERATED));
        figures.put("alerts", count(schema, "select count(*) from alert"));
        figures.put("alertsByKind", rows(schema, "select kind, count(*) as n from alert group by kind order by kind"));
        figures.put("alertedReviews", strings(schema, """
                select r.site || '/' || r.external_id || '/' || a.kind from alert a
                join review r on r.practice_id = a.practice_id and r.id = a.review_id order by 1"""));
        return figures;
    }

    private static Map<String, Object> practiceFigures(String schema, String slug) throws SQLException {
        return rows(schema, """
                with p as (select id from practice where slug = ?)
                select
                  (select count(*) from social_account where practice_id = (select id from p)) as accounts,
                  (select count(*) from post where practice_id = (select id from p)) as posts,
                  (select count(*) from post_metric_snapshot where practice_id = (select id from p)) as snapshots,
                  (select coalesce(sum(impressions), 0) from post_latest_metric where practice_id = (select id from p)) as impressions,
                  (select coalesce(sum(engagements), 0) from post_latest_metric where practice_id = (select id from p)) as engagements,
                  (select coalesce(sum(clicks), 0) from post_latest_metric where practice_id = (select id from p)) as clicks,
                  (select coalesce(sum(impressions), 0) from post_metric_snapshot where practice_id = (select id from p)) as snapshot_impressions,
                  (select coalesce(sum(posts), 0) from daily_post_rollup where practice_id = (select id from p)) as rollup_posts,
                  (select coalesce(sum(engagements), 0) from daily_post_rollup where practice_id = (select id from p)) as rollup_engagements,
                  (select count(*) from account_daily_metric where practice_id = (select id from p)) as account_days,
                  (select count(*) from web_traffic_daily where practice_id = (select id from p)) as traffic_days,
                  (select coalesce(sum(sessions), 0) from web_traffic_daily where practice_id = (select id from p)) as sessions,
                  (select count(*) from review where practice_id = (select id from p)) as reviews,
                  (select count(*) filter (where negative) from review where practice_id = (select id from p)) as negative_reviews,
                  (select count(*) from post where practice_id = (select id from p) and risk_rules_version is not null) as risk_scores
                """, slug).get(0);
    }

    private static int importsLogged(ServiceProcess service) {
        Matcher m = Pattern.compile("\\[org\\.practicepulse\\.ingest\\.ImportService\\] .* import \\d+ of ").matcher(service.log());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static long count(String schema, String sql) {
        try {
            List<Map<String, Object>> rows = rows(schema, sql);
            return ((Number) rows.get(0).values().iterator().next()).longValue();
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // not migrated yet
            }
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String schema, String sql) throws SQLException {
        return rows(schema, sql).stream().map(r -> String.valueOf(r.values().iterator().next())).toList();
    }

    private static List<Map<String, Object>> rows(String schema, String sql, Object... parameters) throws SQLException {
        try (Connection c = ServiceProcess.connect(schema); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.put(meta.getColumnLabel(i), value instanceof Number n && !(value instanceof Double) ? n.longValue() : value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
