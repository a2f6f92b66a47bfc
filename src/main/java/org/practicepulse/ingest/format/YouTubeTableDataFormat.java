package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvRecords;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.PostRow;
import org.practicepulse.ingest.RowRejectedException;
import org.practicepulse.ingest.YearlessDates;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * YouTube Studio {@code Table data.csv} of the Content dimension: one row per video with the
 * metrics the user selected, over the exported date range. Row 2 is always the channel's
 * {@code Total}; ids starting with "-" get a leading space; private and unlisted videos have no
 * publish time.
 */
@ApplicationScoped
public class YouTubeTableDataFormat implements ExportFormat {

    public static final String ID = "youtube-table-data";

    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11,64}");
    private static final Set<String> DIMENSIONS = Set.of("content", "video title", "video publish time");
    /** Expected: the columns of Studio's default selection that feed our fields; the other metrics are the user's choice. */
    static final Schema SCHEMA = YouTubeStudio.schema(ID, Column.key("Content"), Column.key("Video title"),
            Column.expected("Video publish time"), Column.expected("Views"), Column.expected("Watch time (hours)"),
            Column.expected("Subscribers", "subscribers", "subscribers gained"), Column.expected("Impressions"),
            Column.optional("Duration"), Column.optional("Likes"), Column.optional("Comments added"), Column.optional("Shares"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        CsvColumns columns = CsvColumns.fromLine(file.firstLine());
        return columns.size() > 2 && columns.names().get(0).equals("content") && SCHEMA.recognises(columns)
                && columns.names().stream().anyMatch(YouTubeStudio::isKnownMetric);
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        String channel = YouTubeStudio.channel(file, sink);
        Optional<LocalDate> rangeStart = YouTubeStudio.exportName(file).map(YouTubeStudio.ExportName::from);
        YearlessDates dates = YearlessDates.endingOn(file.exportDate());
        List<String> withoutPublishTime = new ArrayList<>();
        List<String> publishedBeforeRange = new ArrayList<>();
        CsvColumns[] columns = new CsvColumns[1];
        List<Integer> metrics = new ArrayList<>();
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, (line, record) -> {
                if (columns[0] == null) {
                    columns[0] = CsvColumns.of(record);
                    SCHEMA.report(columns[0], line, sink);
                    for (int i = 0; i < columns[0].size(); i++) {
                        if (!DIMENSIONS.contains(columns[0].names().get(i))) {
                            metrics.add(i);
                        }
                    }
                    return;
                }
                CsvColumns c = columns[0];
                if (record.size() != c.size()) {
                    throw new RowRejectedException("the row has " + record.size() + " fields, the header has " + c.size());
                }
                String id = c.cell(record, "content").strip(); // ids starting with "-" come with a leading space
                if (id.isEmpty() || id.equalsIgnoreCase("total")) {
                    sink.skip(line, "the channel's totals row");
                    return;
                }
                if (!VIDEO_ID.matcher(id).matches()) {
                    throw new RowRejectedException("Content '" + CellValues.abbreviate(id) + "' is not a YouTube video id");
                }
                Map<String, Long> values = YouTubeStudio.values(c, record, metrics);
                String publishTime = c.cell(record, "video publish time");
                Instant publishedAt;
                if (CellValues.isEmpty(publishTime)) {
                    withoutPublishTime.add(id);
                    publishedAt = Instant.EPOCH; // private or unlisted: unknown, and in no reporting period
                } else {
                    LocalDate day = dates.resolve(publishTime); // "Sep 27, 2024": a day, no time
                    if (rangeStart.isPresent() && day.isBefore(rangeStart.get())) {
                        publishedBeforeRange.add(id);
                    }
                    publishedAt = day.atStartOfDay(file.practiceZone()).toInstant();
                }
                String title = c.cell(record, "video title");
                sink.post(new PostRow(YouTubeStudio.PLATFORM, channel, id, publishedAt, CellValues.isEmpty(title) ? null : title,
                        "https://www.youtube.com/watch?v=" + id, "video", file.exportDate(), YouTubeStudio.postCounters(values),
                        YouTubeStudio.postExtra(values)));
            });
        }
        if (!withoutPublishTime.isEmpty()) {
            sink.warn(null, videos(withoutPublishTime, "has", "have") + " no publish time (private or unlisted): "
                    + abbreviatedList(withoutPublishTime) + "; they were stored with the publication time unknown "
                    + "(1970-01-01), so no reporting period counts them");
        }
        if (!publishedBeforeRange.isEmpty()) {
            sink.warn(null, videos(publishedBeforeRange, "was", "were") + " published before the exported range starts ("
                    + rangeStart.get() + "): " + abbreviatedList(publishedBeforeRange) + "; their counters cover only the "
                    + "range, not their lifetime (export the 'Lifetime' range for lifetime counters)");
        }
    }

    private static String videos(List<String> ids, String singularVerb, String pluralVerb) {
        return ids.size() == 1 ? "1 video " + singularVerb : ids.size() + " videos " + pluralVerb;
    }

    private static String abbreviatedList(List<String> ids) {
        return ids.size() <= 10 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 10)) + " and " + (ids.size() - 10) + " more";
    }
}
