package org.practicepulse.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The real packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}, prod profile) as a
 * child OS process with its own environment: a free HTTP port on 127.0.0.1, its own database schema,
 * inbox and upload folder, a fixed session key, an admin user and the mock mailer. Standard output
 * and error go to a log file under {@code target/it-logs/}. {@link #kill()} is {@code kill -9}
 * ({@link Process#destroyForcibly()} sends SIGKILL on Linux), {@link #stop()} a graceful SIGTERM.
 *
 * Every wait is bounded. Build one with {@link #builder(String)}, start it, and close it in a finally
 * or {@code @AfterAll} ({@link #close()} kills what is still running).
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String ADMIN_USER = "it-admin";
    public static final String ADMIN_PASSWORD = "it-admin-password-2026";
    public static final String SESSION_KEY = "it-session-key-0123456789abcdef0123456789";
    public static final String DB_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";
    /** Start-up takes 10 s on an idle 2-core machine and 45 s on a loaded one (load average 18 measured). */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("pulse.it.start-timeout", 180));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path logFile;
    private final int port;
    private Process process;

    private ServiceProcess(String name, Map<String, String> environment, List<String> jvmOptions, Path logFile, int port) {
        this.name = name;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
        this.logFile = logFile;
        this.port = port;
    }

    /** The project folder (failsafe passes pulse.project.dir; else the working directory). */
    public static Path projectDir() {
        return Paths.get(System.getProperty("pulse.project.dir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** The packaged service; fails with a clear message when it was not built. */
    public static Path jar() {
        Path jar = Paths.get(System.getProperty("pulse.service.jar",
                projectDir().resolve("target/quarkus-app/quarkus-run.jar").toString())).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged service " + jar + " does not exist: build it first with"
                    + " `./mvnw -B package -DskipTests` (`./mvnw verify` packages before it runs the *IT classes)");
        }
        return jar;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Settings of one process; every setter returns the builder. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvm = new ArrayList<>();
        private String heap = "384m";
        private String schema;
        private Path inbox;

        private Builder(String name) {
            this.name = name;
        }

        public Builder schema(String schema) {
            if (!schema.matches("pulse_it_[a-z0-9_]+")) {
                throw new IllegalArgumentException("IT schemas are named pulse_it_*: " + schema);
            }
            this.schema = schema;
            return this;
        }

        public Builder inbox(Path inbox) {
            this.inbox = inbox;
            return this;
        }

        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** Any further environment variable (e.g. PULSE_ALERTS_WEBHOOKS). */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder jvmOption(String option) {
            jvm.add(option);
            return this;
        }

        public ServiceProcess build() {
            if (schema == null || inbox == null) {
                throw new IllegalStateException("schema and inbox are required");
            }
            int port = freePort();
            Path logs = projectDir().resolve("target/it-logs");
            try {
                Files.createDirectories(logs);
                Path uploads = Files.createDirectories(projectDir().resolve("target/it-uploads").resolve(name));
                Map<String, String> all = new LinkedHashMap<>();
                all.put("QUARKUS_PROFILE", "prod");
                all.put("QUARKUS_HTTP_HOST", "127.0.0.1");
                all.put("QUARKUS_HTTP_PORT", Integer.toString(port));
                // application_name tells this process's backends apart in pg_stat_activity and pg_locks.
                all.put("QUARKUS_DATASOURCE_JDBC_URL", DB_URL + "?reWriteBatchedInserts=true&ApplicationName=" + applicationName(name));
                all.put("QUARKUS_DATASOURCE_USERNAME", DB_USER);
                all.put("QUARKUS_DATASOURCE_PASSWORD", DB_PASSWORD);
                all.put("PULSE_DB_SCHEMA", schema);
                all.put("PULSE_IMPORT_INBOX", inbox.toAbsolutePath().toString());
                all.put("PULSE_IMPORT_EVERY", "1s");
                all.put("PULSE_IMPORT_UPLOAD_DIR", uploads.toString());
                all.put("PULSE_SESSION_KEY", SESSION_KEY);
                all.put("PULSE_ADMIN_USER", ADMIN_USER);
                all.put("PULSE_ADMIN_PASSWORD", ADMIN_PASSWORD);
                all.put("PULSE_DASHBOARDS_DIR", projectDir().resolve("dashboards").toString());
                all.put("QUARKUS_MAILER_MOCK", "true");
                all.put("PULSE_ALERTS_DELIVER_EVERY", "1s");
                all.put("PULSE_ALERTS_DIGEST_CRON", "off");
                all.put("PULSE_REPORTS_EVERY", "1s");
                all.putAll(env);
                List<String> options = new ArrayList<>();
                options.add("-Xmx" + heap);
                options.addAll(jvm);
                return new ServiceProcess(name, all, options, logs.resolve(name + ".log"), port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The JDBC ApplicationName of this process's connections. */
    public static String applicationName(String name) {
        return "pulse-it-" + name;
    }

    public String applicationName() {
        return applicationName(name);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process and waits (at most 'ready') until /q/health/ready answers 200. */
    public ServiceProcess start(Duration ready) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectDir().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // Nothing of the test JVM's own Quarkus or Pulse settings (PULSE_TEST_SCHEMA ...) leaks into the service.
        builder.environment().keySet().removeIf(k -> k.startsWith("PULSE_") || k.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        try {
            // A new ServiceProcess starts a new log; a restart of the same one appends to it.
            Files.writeString(logFile, "---- " + java.time.Instant.now() + " starting " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, process == null
                            ? java.nio.file.StandardOpenOption.TRUNCATE_EXISTING : java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        try {
            await("the service " + name + " is ready on " + baseUrl() + "/q/health/ready", ready, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service " + name + " exited with " + process.exitValue()
                            + " before it was ready; its log " + logFile + " ends with:\n" + logTail(60));
                }
                return healthReady();
            });
        } catch (RuntimeException | AssertionError e) {
            kill();
            throw e;
        }
        return this;
    }

    private boolean healthReady() {
        try {
            HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** kill -9: SIGKILL, no shutdown hooks, no transaction ends; waits (at most 10 s) until it is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(10));
    }

    /** A graceful stop (SIGTERM), at most 'timeout', then kill -9. */
    public void stop(Duration timeout) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(timeout)) {
            kill();
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Kills the process if it still runs, and ends its PostgreSQL backends: a backend whose client
     * was killed goes on with its current statement until it next talks to the client (with
     * client_connection_check_interval = 0, the default), which for a long rollup query can be hours.
     */
    @Override
    public void close() {
        if (isAlive()) {
            kill();
        }
        try (Connection c = connect(null);
                java.sql.PreparedStatement st = c.prepareStatement(
                        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
            st.setString(1, applicationName());
            st.executeQuery().close();
        } catch (SQLException e) {
            System.err.println("could not end the backends of " + name + ": " + e);
        }
    }

    /** An HTTP GET with the admin's Basic credentials; returns status and body. */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).GET());
    }

    /** An HTTP POST of JSON with the admin's Basic credentials. */
    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        String basic = Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            return HTTP.send(request.header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The log so far. */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the log, for failure messages. */
    public String logTail(int lines) {
        String[] all = log().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    // ---------------------------------------------------------------- plain JDBC and waiting

    /** A connection to the PostgreSQL of the ITs, with currentSchema set when schema is not null. */
    public static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(schema == null ? DB_URL : DB_URL + "?currentSchema=" + schema, DB_USER, DB_PASSWORD);
    }

    /** Drops the IT schema with everything in it (a test starts clean). */
    public static void dropSchema(String schema) {
        if (!schema.matches("pulse_it_[a-z0-9_]+")) {
            throw new IllegalArgumentException("only pulse_it_* schemas are dropped: " + schema);
        }
        try (Connection c = connect(null); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema + " on " + DB_URL, e);
        }
    }

    /** Waits until the condition holds, polling every 100 ms; fails naming 'what' after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }

    /** Deletes a folder of test data (inboxes, generated exports) with everything in it; quietly. */
    public static void deleteTree(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
