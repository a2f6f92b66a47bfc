package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.practicepulse.ingest.AccountDayRow;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvRecords;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * YouTube Studio {@code Chart data.csv}: {@code Date,Content,Video title,Video publish time,Duration,<metric>},
 * one row per charted video per day. The chart holds only the videos selected in it (five by
 * default, not the whole channel), so the daily sums are stored as the channel's day under
 * {@code extra} "charted videos: <metric>", never as its totals: those come from Totals.csv.
 */
@ApplicationScoped
public class YouTubeChartDataFormat implements ExportFormat {

    public static final String ID = "youtube-chart-data";
    static final String EXTRA_PREFIX = "charted videos: ";

    private static final Set<String> DIMENSIONS = Set.of("date", "content", "video title", "video publish time", "duration");
    /** Studio always writes the five dimension columns before the chart's metric. */
    static final Schema SCHEMA = YouTubeStudio.schema(ID, Column.key("Date"), Column.key("Content"), Column.key("Video title"),
            Column.expected("Video publish time"), Column.expected("Duration"));
    private static final Set<YouTubeStudio.Kind> SUMMABLE = Set.of(YouTubeStudio.Kind.COUNT, YouTubeStudio.Kind.SIGNED_COUNT,
            YouTubeStudio.Kind.HOURS, YouTubeStudio.Kind.UNKNOWN);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        CsvColumns columns = CsvColumns.fromLine(file.firstLine());
        return columns.size() > 3 && columns.names().get(0).equals("date") && SCHEMA.recognises(columns);
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        String channel = YouTubeStudio.channel(file, sink);
        CsvColumns[] columns = new CsvColumns[1];
        List<Integer> metrics = new ArrayList<>();
        Map<LocalDate, Map<String, Long>> sums = new TreeMap<>();
        Set<String> videos = new HashSet<>();
        int[] added = new int[1];
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, (line, record) -> {
                if (columns[0] == null) {
                    columns[0] = CsvColumns.of(record);
                    SCHEMA.report(columns[0], line, sink);
                    for (int i = 0; i < columns[0].size(); i++) {
                        String name = columns[0].names().get(i);
                        if (DIMENSIONS.contains(name)) {
                            continue;
                        }
                        if (SUMMABLE.contains(YouTubeStudio.kindOf(name))) {
                            metrics.add(i);
                        } else {
                            sink.warn(null, "'" + name + "' is a rate or an average: the values of several videos cannot "
                                    + "be added up, so it was not stored");
                        }
                    }
                    return;
                }
                CsvColumns c = columns[0];
                if (record.size() != c.size()) {
                    throw new RowRejectedException("the row has " + record.size() + " fields, the header has " + c.size());
                }
                LocalDate day = YouTubeTotalsFormat.isoDay(record.get(0));
                String content = c.cell(record, "content").strip();
                if (content.isEmpty() || content.equalsIgnoreCase("total")) {
                    sink.skip(line, "a totals row");
                    return;
                }
                Map<String, Long> values = YouTubeStudio.values(c, record, metrics);
                if (values.isEmpty()) {
                    sink.skip(line, "no count for this video that day");
                    return;
                }
                videos.add(content);
                added[0]++;
                Map<String, Long> daySums = sums.computeIfAbsent(day, d -> new LinkedHashMap<>());
                values.forEach((column, value) -> daySums.merge(EXTRA_PREFIX + YouTubeStudio.extraKey(column), value, Long::sum));
            });
        }
        if (added[0] > 0) {
            // Says why the run counts days, not rows
            sink.warn(null, added[0] + " rows of " + videos.size() + " charted videos were added up into " + sums.size()
                    + " days, stored as extra '" + EXTRA_PREFIX + "...' of the channel (the chart is a selection of videos, "
                    + "not the channel's total)");
        }
        sums.forEach((day, extra) -> sink.accountDay(new AccountDayRow(YouTubeStudio.PLATFORM, channel, day, null, null,
                null, null, null, null, null, null, null, null, null, extra)));
    }
}
