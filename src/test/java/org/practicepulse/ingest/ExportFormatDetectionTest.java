package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.Role;
import org.practicepulse.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Formats never steal each other's files: every sample and fixture is claimed by exactly one format. */
@QuarkusTest
class ExportFormatDetectionTest {

    private static final Path DEMO = Path.of("import-samples", "lakeside-family-medicine");

    @Inject
    @Any
    Instance<ExportFormat> formats;
    @Inject
    TestData data;

    private List<String> formatsClaiming(Path file) throws Exception {
        ExportFile export = new ExportFile(file, file.getFileName().toString(), ZoneId.of("America/Chicago"), LocalDate.of(2026, 11, 20));
        return formats.stream().filter(f -> f.detect(export)).map(ExportFormat::id).sorted().toList();
    }

    private static List<Path> exportsUnder(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("practice.json"))
                    .filter(f -> !f.getFileName().toString().endsWith(".md"))
                    // a zip is unpacked by the importer and each entry detected on its own (see the zip import tests)
                    .filter(f -> !f.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
    }

    @Test
    void everyDemoSampleAndFixtureIsClaimedByExactlyOneFormat() throws Exception {
        List<Path> files = new java.util.ArrayList<>(exportsUnder(DEMO));
        files.addAll(exportsUnder(TestData.fixture("x")));
        files.addAll(exportsUnder(TestData.fixture("web")));
        for (Path file : files) {
            List<String> claiming = formatsClaiming(file);
            if (file.getFileName().toString().equals("not-an-export.csv")) {
                assertEquals(List.of(), claiming, file.toString());
            } else {
                assertEquals(1, claiming.size(), file + " is claimed by " + claiming);
            }
        }
    }

    @Test
    void theRealXAndAnalyticsExportsAreClaimedByTheirFormatOnly() throws Exception {
        Map<String, String> expected = Map.of(
                "x-tweet-activity-2021-08.csv", "x-tweet-activity",
                "x-tweet-activity-health-account.csv", "x-tweet-activity",
                "x-daily-tweet-activity-2021-08.csv", "x-tweet-activity-daily",
                "x-account-analytics-content.csv", "x-analytics-content",
                "google-analytics-ua-campaign-source-medium.csv", "ua-traffic");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(List.of(e.getValue()), formatsClaiming(TestData.realExport(e.getKey())), e.getKey());
        }
        // The other real exports belong to other platforms: none of the X or Google Analytics formats may claim them.
        try (Stream<Path> files = Files.list(TestData.realExport("x-account-analytics-content.csv").getParent())) {
            for (Path file : files.filter(f -> !expected.containsKey(f.getFileName().toString())).toList()) {
                List<String> claiming = formatsClaiming(file);
                assertTrue(claiming.stream().noneMatch(id -> id.startsWith("x-") || id.startsWith("ga4-") || id.startsWith("ua-")),
                        file + " is claimed by " + claiming);
            }
        }
    }

    @Test
    void everyDemoSampleImportsWithoutRejects() throws Exception {
        Practice practice = data.practice("demo-samples", "America/Chicago");
        String owner = data.user("demo-samples-owner", Role.OWNER, practice);
        for (Path file : exportsUnder(DEMO)) {
            JsonPath run = TestData.as(owner).multiPart("file", file.toFile()).post("/api/imports?practice=" + practice.slug)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("IMPORTED", run.getString("status"), file.toString());
            assertEquals(0, run.getInt("rowsRejected"), file.toString());
        }
    }
}
