package org.practicepulse.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;

/**
 * Detection from content only: each Meta file is claimed by exactly its own format, whatever its
 * name, and no Meta format claims another platform's file (the samples and the shared real exports).
 */
class MetaFormatDetectionTest {

    private static final List<ExportFormat> FORMATS = List.of(new FacebookInsightsPostLevelFormat(), new MetaDailySeriesFormat(),
            new MetaFacebookPostsFormat(), new MetaInstagramPostsFormat(), new XTweetActivityFormat());

    @Test
    void everyFileIsClaimedByItsOwnFormatOnly() throws Exception {
        Map<String, List<String>> claims = new TreeMap<>();
        Map<String, List<String>> expected = new TreeMap<>();
        for (Path file : files()) {
            String key = file.toString();
            ExportFile export = new ExportFile(file, "renamed.csv", ZoneId.of("America/Chicago"), LocalDate.of(2026, 11, 16));
            claims.put(key, FORMATS.stream().filter(f -> f.detect(export)).map(ExportFormat::id).toList());
            String format = expectedFormat(file);
            expected.put(key, format == null ? List.of() : List.of(format));
        }
        assertEquals(expected, claims);
    }

    private static String expectedFormat(Path file) {
        String name = file.getFileName().toString();
        String folder = file.getParent().getFileName().toString();
        if (name.startsWith("facebook-insights-post-level") || name.startsWith("Facebook Insights Data Export (Post Level)")) {
            return FacebookInsightsPostLevelFormat.ID;
        }
        if (name.matches("[A-Z][a-z]{2}-\\d{2}-\\d{4}_.*") || name.startsWith("lakeside-posts-exported") || name.startsWith("mbs-")) {
            return folder.equals("instagram") ? MetaInstagramPostsFormat.ID : MetaFacebookPostsFormat.ID;
        }
        if (List.of("facebook", "instagram").contains(folder)) {
            return MetaDailySeriesFormat.ID; // Follows.csv, Views.csv …
        }
        if (name.startsWith("tweet_activity_metrics_") || name.equals("x-tweet-activity-2021-08.csv")
                || name.equals("x-tweet-activity-health-account.csv")) {
            return XTweetActivityFormat.ID;
        }
        return null; // another platform's export: none of these formats may claim it
    }

    private static List<Path> files() throws Exception {
        List<Path> folders = List.of(Path.of("import-samples", "lakeside-family-medicine", "facebook"),
                Path.of("import-samples", "lakeside-family-medicine", "instagram"), Path.of("import-samples", "lakeside-family-medicine", "x"),
                Path.of("src", "test", "resources", "fixtures", "facebook"), Path.of("src", "test", "resources", "fixtures", "instagram"),
                Path.of("..", "shared", "real-exports"));
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> list = Files.list(folder)) {
                    list.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }
}
