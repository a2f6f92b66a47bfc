package org.practicepulse.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;
import org.practicepulse.analytics.MetricRollups;
import org.practicepulse.practice.Practice;
import org.practicepulse.risk.PostRiskScoring;
import org.practicepulse.risk.RiskRules;
import org.practicepulse.risk.RiskScorer;
import org.practicepulse.reputation.ReviewAnalysis;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Imports one file in one transaction: all of its readable rows or nothing. The same bytes are
 * imported at most once per practice, even by two scanners or two instances at the same moment:
 * the transaction takes an advisory lock on (practice, SHA-256) and looks for an earlier run first.
 */
@ApplicationScoped
public class ImportService {

    public static final String INBOX = "INBOX";
    public static final String UPLOAD = "UPLOAD";
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** A 1 GB export may take a while; the default 60 s transaction timeout would kill it. */
    private static final int IMPORT_TIMEOUT_SECONDS = 4 * 3600;

    @Inject
    DataSource dataSource;
    @Inject
    @Any
    Instance<ExportFormat> formatBeans;
    @Inject
    ImportConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    MetricRollups rollups;
    @Inject
    PostRiskScoring riskScoring;
    @Inject
    RiskRules riskRules;
    @Inject
    ReviewAnalysis reviewAnalysis;

    private List<ExportFormat> formats;

    /** What to import and where it came from. */
    public record ImportRequest(Practice practice, Path file, String fileName, String source, String storedPath,
            String user, Optional<LocalDate> fileDate) {
    }

    @PostConstruct
    void orderFormats() {
        // A fixed order, so that detection never depends on bean discovery order.
        formats = formatBeans.stream().sorted(Comparator.comparing(ExportFormat::id)).toList();
    }

    public List<String> formatIds() {
        return formats.stream().map(ExportFormat::id).toList();
    }

    /** True when a run (successful or failed) already exists for these bytes: the scanner skips them. */
    public boolean alreadySeen(long practiceId, String sha256) {
        return QuarkusTransaction.requiringNew().call(() -> ImportRun.count(
                "practiceId = ?1 and sha256 = ?2 and status <> ?3", practiceId, sha256, ImportStatus.SKIPPED) > 0);
    }

    /**
     * Imports the file. Returns the run; empty when an inbox file turns out to be imported already or
     * is being imported by another transaction (another instance's scan) right now. An upload waits
     * for such a transaction, and an upload of known bytes returns a SKIPPED run, so the user sees
     * why nothing changed.
     */
    public Optional<ImportRun> importFile(ImportRequest request) {
        return importFile(request, true);
    }

    /**
     * As {@link #importFile(ImportRequest)}; scoreRisk false leaves the posts unscored (a null
     * risk_rules_version, so the next rescore scores them): only for measuring what scoring adds to
     * an import (ImportThroughputBenchmark).
     */
    public Optional<ImportRun> importFile(ImportRequest request, boolean scoreRisk) {
        String sha;
        long size;
        try {
            sha = FileHash.sha256(request.file());
            size = Files.size(request.file());
        } catch (IOException e) {
            LOG.warnf("cannot read %s: %s", request.file(), e.getMessage());
            return Optional.empty();
        }
        String[] detected = new String[1];
        try {
            return QuarkusTransaction.requiringNew().timeout(IMPORT_TIMEOUT_SECONDS)
                    .call(() -> importInTransaction(request, sha, size, detected, scoreRisk));
        } catch (UnreadableFileException e) {
            return Optional.of(recordFailure(request, sha, size, detected[0], e.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "import of %s failed", request.fileName());
            return Optional.of(recordFailure(request, sha, size, detected[0],
                    "internal error while importing (" + e.getClass().getSimpleName() + "); nothing was imported"));
        }
    }

    private Optional<ImportRun> importInTransaction(ImportRequest request, String sha, long size, String[] detected,
            boolean scoreRisk) throws IOException, SQLException {
        Practice practice = request.practice();
        if (UPLOAD.equals(request.source())) {
            lockFile(practice.id, sha); // the uploader waits for the answer
        } else if (!tryLockFile(practice.id, sha)) {
            // Another scanner (another instance) is importing these bytes: leave them to it and go on.
            LOG.debugf("%s is being imported elsewhere; skipped", request.fileName());
            return Optional.empty();
        }
        Optional<ImportRun> earlier = successfulRun(practice.id, sha);
        if (earlier.isPresent()) {
            if (!UPLOAD.equals(request.source())) {
                return Optional.empty();
            }
            ImportRun skipped = newRun(request, sha, size, ImportStatus.SKIPPED);
            skipped.format = earlier.get().format;
            skipped.message = "the same file was already imported as run " + earlier.get().id + "; nothing changed";
            skipped.finishedAt = Instant.now();
            skipped.persist();
            return Optional.of(skipped);
        }

        ImportRun run = newRun(request, sha, size, ImportStatus.RUNNING);
        run.persistAndFlush();
        ZoneId zone = practice.zone();
        LocalDate exportDate = ExportDate.fromFileName(request.fileName(), LocalDate.now(zone))
                .or(request::fileDate).orElse(LocalDate.now(zone));
        ExportFile file = new ExportFile(request.file(), request.fileName(), zone, exportDate);
        Path unpacked = null;
        // One scorer for the whole run: the posts' merge records its version, and it scores them.
        RiskScorer scorer = scoreRisk ? riskRules.scorer(practice.slug) : null;
        try (Connection connection = dataSource.getConnection();
                ImportWriter writer = new ImportWriter(connection, practice.id, run.id, scorer, config.maxProblemsStored(), json)) {
            List<Part> parts;
            if (file.kind() == ExportFile.Kind.ZIP) {
                unpacked = Files.createTempDirectory("pulse-zip-");
                parts = zipParts(file, unpacked, zone, exportDate, writer);
            } else {
                parts = List.of(new Part(file, detect(file, size), writer));
            }
            run.format = parts.size() == 1 && file.kind() != ExportFile.Kind.ZIP ? parts.get(0).format().id()
                    : "zip:" + String.join("+", parts.stream().map(p -> p.format().id()).distinct().toList());
            detected[0] = run.format;
            ImportPhases phases = new ImportPhases();
            for (Part part : parts) {
                part.format().read(part.file(), part.sink());
            }
            writer.flush();
            phases.done("read");
            writer.finish();
            phases.done("merge");
            rollups.refreshAfterRun(connection, practice.id, zone, run.id, writer.postsAllNew());
            phases.done("rollups");
            // The posts' texts were scored on another thread while PostgreSQL merged and rolled them up.
            boolean scoresStaged = writer.finishRiskScoring();
            phases.done("scoring");
            if (scorer != null) {
                if (scoresStaged) {
                    riskScoring.storeBackgroundScores(connection, practice.id, run.id, writer.postsAllNew());
                } else {
                    riskScoring.scoreRun(connection, practice.id, run.id, scorer, writer.postsAllNew());
                }
            }
            phases.done("risk");
            reviewAnalysis.refreshAfterRun(connection, practice.id, run.id);
            phases.done("reviews");
            run.phaseMillis = phases.millis();
            run.rowsImported = writer.imported;
            run.rowsRejected = writer.rejected;
            run.rowsSkipped = writer.skipped;
            run.rowsRead = writer.imported + writer.rejected + writer.skipped;
            writer.problems.forEach(p -> p.persist());
            if (writer.problemsDropped() > 0) {
                run.message = writer.problemsDropped() + " more problems were counted but not listed";
            }
        } finally {
            deleteQuietly(unpacked);
        }
        if (run.rowsImported == 0 && run.rowsRejected > 0) {
            run.status = ImportStatus.FAILED;
            run.message = "no row could be imported; see the errors";
        } else if (run.rowsRejected > 0) {
            run.status = ImportStatus.PARTIAL;
        } else {
            run.status = ImportStatus.IMPORTED;
            if (run.rowsRead == 0) {
                run.message = "the file has a header but no data rows";
            }
        }
        run.finishedAt = Instant.now();
        LOG.infof("import %s of %s (%s) into %s: %s, %d read, %d imported, %d rejected, %d skipped; ms per phase %s",
                run.id, request.fileName(), run.format, practice.slug, run.status, run.rowsRead, run.rowsImported,
                run.rowsRejected, run.rowsSkipped, run.phaseMillis);
        return Optional.of(run);
    }

    /** A file (or zip entry) with its format and the sink its problems go to. */
    private record Part(ExportFile file, ExportFormat format, ImportSink sink) {
    }

    /** The recognised entries of a zip; the others are named in a warning and not read. */
    private List<Part> zipParts(ExportFile zip, Path into, ZoneId zone, LocalDate exportDate, ImportWriter writer) throws IOException {
        List<Part> parts = new ArrayList<>();
        for (ZipExports.Entry entry : ZipExports.unpack(zip.path(), into, config.zipMaxEntries(), config.zipMaxBytes())) {
            ExportFile file = new ExportFile(entry.file(), entry.name(), zone, exportDate, zip.fileName());
            Optional<ExportFormat> format = file.looksBinary() || file.kind() == ExportFile.Kind.ZIP ? Optional.empty()
                    : formats.stream().filter(f -> f.detect(file)).findFirst();
            if (format.isPresent()) {
                parts.add(new Part(file, format.get(), new EntrySink(writer, entry.name())));
            } else {
                writer.warn(null, "zip entry '" + CellValues.abbreviate(entry.name()) + "' is not a recognised export; not read");
            }
        }
        if (parts.isEmpty()) {
            throw new UnreadableFileException("the zip holds no recognised export");
        }
        return parts;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", folder, e.getMessage());
        }
    }

    private ExportFormat detect(ExportFile file, long size) {
        if (size == 0) {
            throw new UnreadableFileException("the file is empty");
        }
        if (file.looksBinary()) {
            throw new UnreadableFileException("the file is binary (it contains NUL bytes), not a CSV, JSON or XLSX export");
        }
        return formats.stream().filter(f -> f.detect(file)).findFirst()
                .orElseThrow(() -> new UnreadableFileException(file.kind() == ExportFile.Kind.TEXT
                        ? "unrecognised format; first line: " + abbreviate(file.firstLine(), 200)
                        : "unrecognised format: a " + file.kind() + " file whose content no importer recognises"));
    }

    private ImportRun recordFailure(ImportRequest request, String sha, long size, String format, String message) {
        return QuarkusTransaction.requiringNew().call(() -> {
            lockFile(request.practice().id, sha);
            // Another instance may have imported the same bytes meanwhile: then that run is the answer.
            Optional<ImportRun> earlier = successfulRun(request.practice().id, sha);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            ImportRun run = newRun(request, sha, size, ImportStatus.FAILED);
            run.format = format;
            run.message = message;
            run.finishedAt = Instant.now();
            run.persist();
            LOG.warnf("import of %s into %s failed: %s", request.fileName(), request.practice().slug, message);
            return run;
        });
    }

    private static ImportRun newRun(ImportRequest request, String sha, long size, ImportStatus status) {
        ImportRun run = new ImportRun();
        run.practiceId = request.practice().id;
        run.fileName = request.fileName();
        run.source = request.source();
        run.storedPath = request.storedPath();
        run.sha256 = sha;
        run.sizeBytes = size;
        run.status = status;
        run.createdBy = request.user();
        run.startedAt = Instant.now();
        return run;
    }

    private static Optional<ImportRun> successfulRun(long practiceId, String sha) {
        return ImportRun.find("practiceId = ?1 and sha256 = ?2 and status in ?3", practiceId, sha,
                List.of(ImportStatus.IMPORTED, ImportStatus.PARTIAL)).firstResultOptional();
    }

    /** Serialises every import of the same bytes into the same practice, across instances. */
    private void lockFile(long practiceId, String sha) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            st.setString(1, "import:" + practiceId + ":" + sha);
            st.execute();
        }
    }

    /** The same lock without waiting: false when another transaction holds it. */
    private boolean tryLockFile(long practiceId, String sha) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")) {
            st.setString(1, "import:" + practiceId + ":" + sha);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** One line, without control characters (PostgreSQL refuses NUL in text), cut to max. */
    private static String abbreviate(String s, int max) {
        String oneLine = s.replaceAll("[\\r\\n]+", " ").replaceAll("\\p{Cc}", "");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
