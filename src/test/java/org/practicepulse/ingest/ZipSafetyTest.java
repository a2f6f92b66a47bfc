package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.StoredRows;
import org.practicepulse.support.TestData;
import org.practicepulse.support.Zips;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import javax.sql.DataSource;

/** Issue 3, point 6: zips are unpacked only into a temporary folder, within bounds, and hostile ones are refused. */
@QuarkusTest
class ZipSafetyTest {

    private static final byte[] OVERVIEW = """
            "Date","Video Views","Profile Views","Likes","Comments","Shares"
            "August 1","29","0","2","0","0"
            """.getBytes();

    @Inject
    TestData data;
    @Inject
    DataSource dataSource;

    @Test
    void aZipBombIsRefusedWhileUnpackingNotByItsHeaders(@TempDir Path dir) throws IOException {
        // 8 MiB of zeros deflate to a few KiB, and the entry's header claims nothing about its size
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("Overview.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 8; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertTrue(bytes.size() < 64 * 1024, "a small zip: " + bytes.size());
        Path zip = Files.write(dir.resolve("Overview_2026-08-01_1790795527_bomb.zip"), bytes.toByteArray());
        Path into = Files.createDirectory(dir.resolve("unpacked"));
        UnreadableFileException refused = assertThrows(UnreadableFileException.class,
                () -> ZipExports.unpack(zip, into, 200, 1 << 20));
        assertEquals("the zip unpacks to more than 1048576 bytes (a zip bomb?); refused", refused.getMessage());
        try (Stream<Path> files = Files.list(into)) {
            assertTrue(files.allMatch(f -> sizeOf(f) <= (1 << 20)), "never more than the bound is written");
        }
    }

    @Test
    void entryNamesThatLeaveTheFolderAreRefusedAndNothingIsWrittenOutsideIt(@TempDir Path dir) throws IOException {
        Path into = Files.createDirectory(dir.resolve("unpacked"));
        for (String name : List.of("../Overview.csv", "a/../../Overview.csv", "/tmp/Overview.csv", "C:\\Overview.csv", "..\\Overview.csv")) {
            Path zip = Files.write(dir.resolve("evil.zip"), Zips.of(Map.of(name, OVERVIEW), 6));
            UnreadableFileException refused = assertThrows(UnreadableFileException.class,
                    () -> ZipExports.unpack(zip, into, 200, 1 << 20), name);
            assertTrue(refused.getMessage().startsWith("the zip holds an unsafe entry name '"), refused.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("Overview.csv")));
        try (Stream<Path> files = Files.list(into)) {
            assertEquals(0, files.count(), "nothing unpacked");
        }
    }

    @Test
    void safeEntriesLandInTheTemporaryFolderUnderNamesOfOurOwn(@TempDir Path dir) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export/Overview.csv", OVERVIEW);
        entries.put("nested.zip", Zips.of(Map.of("Overview.csv", OVERVIEW), 6));
        Path zip = Files.write(dir.resolve("ok.zip"), Zips.of(entries, 6));
        Path into = Files.createDirectory(dir.resolve("unpacked"));
        List<ZipExports.Entry> unpacked = ZipExports.unpack(zip, into, 200, 1 << 20);
        assertEquals(1, unpacked.size(), "the nested zip is not opened");
        assertEquals("export/Overview.csv", unpacked.get(0).name());
        assertEquals(into.resolve("entry-0"), unpacked.get(0).file());
        assertEquals(new String(OVERVIEW), Files.readString(unpacked.get(0).file()));
    }

    @Test
    void tooManyEntriesAndAnUnsafeEntryFailTheUploadAndStoreNothing() throws Exception {
        Practice practice = data.practice("zip-safety", "America/Chicago");
        String owner = data.user("zip-safety-owner", Role.OWNER, practice);
        Path folder = Files.createTempDirectory("zip-safety");

        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= 200; i++) { // the default bound is 200 entries
            many.put("Overview-" + i + ".csv", OVERVIEW);
        }
        Path crowded = Files.write(folder.resolve("Overview_2026-08-01_1790795527_drmayaokafor.zip"), Zips.of(many, 6));
        JsonPath run = TestData.upload(owner, practice, crowded);
        assertEquals("FAILED", run.getString("status"));
        assertEquals("the zip has more than 200 entries; refused", run.getString("message"));

        Path evil = Files.write(folder.resolve("Content_drmayaokafor.zip"), Zips.of(Map.of("../../Overview.csv", OVERVIEW), 6));
        run = TestData.upload(owner, practice, evil);
        assertEquals("FAILED", run.getString("status"));
        assertTrue(run.getString("message").startsWith("the zip holds an unsafe entry name '../../Overview.csv'"), run.getString("message"));
        assertEquals(List.of(), StoredRows.everythingOf(dataSource, practice.id));

        // the same entry under a safe name imports: the refusals were about the zip, not its content
        Path fine = Files.write(folder.resolve("Overview_2026-08-01_1790795527_drmayaokafor (1).zip"), Zips.of(Map.of("Overview.csv", OVERVIEW), 6));
        run = TestData.upload(owner, practice, fine);
        assertEquals("IMPORTED", run.getString("status"), run.prettify());
        assertEquals("zip:tiktok-overview", run.getString("format"));
        assertEquals(1, run.getInt("rowsImported"));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
