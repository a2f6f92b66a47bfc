package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.support.TestData;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

@QuarkusTest
class InboxScannerTest {

    private static final Path INBOX = Path.of("target", "test-inbox");
    private static final Path SAMPLE_DIR = Path.of("import-samples", "lakeside-family-medicine", "x");

    @Inject
    TestData data;
    @Inject
    ImportService imports;

    /** Files of earlier test runs would be imported by the first scan and make ours duplicates. */
    @BeforeAll
    static void emptyTheInbox() throws Exception {
        if (Files.isDirectory(INBOX)) {
            try (var files = Files.walk(INBOX)) {
                files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(INBOX)).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Path sample(String name) {
        return SAMPLE_DIR.resolve(name);
    }

    private JsonPath scan(String admin) {
        return TestData.as(admin).post("/api/imports/scan").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPracticeFolderIsCreatedFromItsPracticeJsonAndEachFileImportsOnce() throws Exception {
        String slug = "inbox-" + System.nanoTime();
        Path folder = Files.createDirectories(INBOX.resolve(slug).resolve("x"));
        Files.writeString(INBOX.resolve(slug).resolve("practice.json"), "{\"name\":\"Inbox Test Clinic\",\"timeZone\":\"Asia/Tokyo\"}");
        Files.writeString(INBOX.resolve(slug).resolve("notes.md"), "not an export");
        Path file = folder.resolve("tweet_activity_metrics_DrMayaOkafor_20260901_20261001_en.csv");
        Files.copy(sample("tweet_activity_metrics_DrMayaOkafor_20260901_20261001_en.csv"), file);
        byte[] before = Files.readAllBytes(file);
        String admin = data.admin("inbox-admin");

        JsonPath first = scan(admin);
        List<String> mine = first.getList("findAll { it.practice == '" + slug + "' }.status");
        assertEquals(List.of("IMPORTED"), mine, "one run for the export, none for practice.json or notes.md");
        Practice practice = QuarkusTransaction.requiringNew().call(() -> Practice.findBySlug(slug).orElseThrow());
        assertEquals("Inbox Test Clinic", practice.name);
        assertEquals("Asia/Tokyo", practice.timeZone);

        JsonPath second = scan(admin);
        assertEquals(List.of(), second.getList("findAll { it.practice == '" + slug + "' }"));
        assertArrayEquals(before, Files.readAllBytes(file), "the inbox file is never changed");
        assertTrue(Files.exists(file), "the inbox file is never moved");

        // The same bytes under another name are the same export: skipped.
        Files.copy(file, folder.resolve("copy-of-the-same-export.csv"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of(), scan(admin).getList("findAll { it.practice == '" + slug + "' }"));
    }

    @Test
    void filesAtTheInboxRootBelongToTheDefaultPractice() throws Exception {
        Path file = Files.createDirectories(INBOX).resolve("root-" + System.nanoTime() + ".csv");
        Files.writeString(file, Files.readString(sample("tweet_activity_metrics_DrDanReyesMD_20260801_20260901_en.csv"))
                .replace("2026-08-", "2026-07-") + "\n"); // different bytes from every other test's file
        String admin = data.admin("root-admin");
        JsonPath runs = scan(admin);
        assertEquals(List.of("IMPORTED"), runs.getList("findAll { it.file == '" + file.getFileName() + "' }.status"));
        assertEquals(List.of("default"), runs.getList("findAll { it.file == '" + file.getFileName() + "' }.practice"));
    }

    @Test
    void concurrentImportsOfTheSameFileImportItExactlyOnce() throws Exception {
        Practice practice = data.practice("race", "UTC");
        Path file = sample("tweet_activity_metrics_LakesideFamMed_20260801_20260901_en.csv");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<ImportRun>>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Optional<ImportRun>> work = () -> imports.importFile(new ImportService.ImportRequest(practice, file,
                        file.getFileName().toString(), ImportService.INBOX, file.toString(), "test", Optional.empty()));
                results.add(pool.submit(work));
            }
            int imported = 0;
            for (Future<Optional<ImportRun>> result : results) {
                Optional<ImportRun> run = result.get();
                if (run.isPresent()) {
                    assertEquals(ImportStatus.IMPORTED, run.get().status);
                    imported++;
                }
            }
            assertEquals(1, imported, "exactly one of four concurrent imports runs; the others find it done");
        } finally {
            pool.shutdownNow();
        }
        long posts = QuarkusTransaction.requiringNew().call(() -> ((Number) Practice.getEntityManager()
                .createNativeQuery("select count(*) from post where practice_id = ?1").setParameter(1, practice.id)
                .getSingleResult()).longValue());
        assertEquals(10, posts);
    }
}
