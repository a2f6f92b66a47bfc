package org.practicepulse.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.practicepulse.practice.Practice;
import org.practicepulse.practice.PracticeService;
import org.practicepulse.practice.PracticeSlug;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Scans the inbox: {@code <inbox>/<practice-slug>/**} belongs to that practice (created on first
 * sight), files at the root to practice {@code default}. Files are only read, never moved or
 * changed. Hidden files, {@code practice.json} and Markdown notes are not exports and are ignored.
 */
@ApplicationScoped
public class InboxScanner {

    public static final String DEFAULT_PRACTICE = "default";
    private static final Logger LOG = Logger.getLogger(InboxScanner.class);

    @Inject
    ImportConfig config;
    @Inject
    ImportService imports;
    @Inject
    PracticeService practices;

    /** Hashes of files already looked at, so a large unchanged file is not hashed every minute. */
    private final Map<Path, Stamp> seen = new ConcurrentHashMap<>();
    private final ReentrantLock scanning = new ReentrantLock();

    private record Stamp(long size, long modified) {
    }

    @Scheduled(every = "{pulse.import.every}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledScan() {
        if (config.inbox().isPresent()) {
            scan();
        }
    }

    /** Imports every new file of the inbox; returns the runs made. One scan at a time per instance. */
    public List<ImportRun> scan() {
        Path inbox = config.inbox().orElseThrow(() -> new IllegalStateException("pulse.import.inbox is not set"));
        scanning.lock();
        try {
            if (!Files.isDirectory(inbox)) {
                LOG.warnf("inbox %s does not exist", inbox.toAbsolutePath());
                return List.of();
            }
            List<ImportRun> runs = new ArrayList<>();
            for (Path file : exportFiles(inbox)) {
                scanFile(inbox, file).ifPresent(runs::add);
            }
            return runs;
        } finally {
            scanning.unlock();
        }
    }

    private Optional<ImportRun> scanFile(Path inbox, Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Stamp stamp = new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis());
            if (stamp.equals(seen.get(file))) {
                return Optional.empty();
            }
            Path relative = inbox.relativize(file);
            String slug = relative.getNameCount() > 1 ? relative.getName(0).toString() : DEFAULT_PRACTICE;
            if (!PracticeSlug.isValid(slug)) {
                LOG.warnf("skipping %s: folder '%s' is not a practice slug (lower-case letters, digits, dashes)", file, slug);
                seen.put(file, stamp);
                return Optional.empty();
            }
            Practice practice = practices.findOrCreate(slug,
                    relative.getNameCount() > 1 ? Optional.of(inbox.resolve(slug)) : Optional.empty());
            if (imports.alreadySeen(practice.id, FileHash.sha256(file))) {
                seen.put(file, stamp);
                return Optional.empty();
            }
            LocalDate modified = LocalDate.ofInstant(attributes.lastModifiedTime().toInstant(), practice.zone());
            Optional<ImportRun> run = imports.importFile(new ImportService.ImportRequest(practice, file,
                    UploadStore.displayName(file.getFileName().toString()), ImportService.INBOX, file.toString(), "inbox",
                    Optional.of(modified)));
            if (run.isPresent()) {
                // Not when another instance is importing it: should that instance die, this one takes the file over.
                seen.put(file, stamp);
            }
            return run;
        } catch (IOException e) {
            LOG.warnf("cannot read %s: %s", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Path> exportFiles(Path inbox) {
        try (Stream<Path> files = Files.walk(inbox)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !isIgnored(inbox.relativize(f)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warnf("cannot list inbox %s: %s", inbox, e.getMessage());
            return List.of();
        }
    }

    private static boolean isIgnored(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        String name = relative.getFileName().toString();
        return name.equals(PracticeService.PRACTICE_FILE) || name.endsWith(".md");
    }
}
