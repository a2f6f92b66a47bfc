package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvColumns.Unknown;
import org.practicepulse.ingest.CsvRecords;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.PostCounters;
import org.practicepulse.ingest.PostRow;
import org.practicepulse.ingest.RowRejectedException;
import org.practicepulse.ingest.YearlessDates;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * TikTok Studio {@code Content.csv} (in {@code Content_<handle>.zip}): one row per video with its
 * lifetime totals. {@code Time} is the day of the export and {@code Post time} the day of
 * publication, both without a year in the screen's language ("18 января", "10 января"). The
 * video id is in the link, and its top 32 bits are the upload time in Unix seconds, which gives
 * the exact publication instant (and its year) when it agrees with Post time.
 */
@ApplicationScoped
public class TikTokContentFormat implements ExportFormat {

    public static final String ID = "tiktok-content";

    static final Schema SCHEMA = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Video link"), Column.key("Post time"), Column.key("Total views"),
            Column.expected("Time"), Column.expected("Video title"), Column.expected("Total likes"),
            Column.expected("Total comments"), Column.expected("Total shares"),
            Column.optional("Total saves", "total saves", "total favorites"), Column.optional("Views in the last 7 days")));
    private static final Pattern VIDEO_ID = Pattern.compile("/video/(\\d{15,19})(?!\\d)");
    private static final Set<String> STORED = Set.of("time", "video title", "video link", "post time", "total likes",
            "total comments", "total shares", "total views", "total saves", "total favorites");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        return SCHEMA.recognises(CsvColumns.fromLine(file.firstLine()));
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        YearlessDates export = YearlessDates.forExport(file);
        Optional<String> namedHandle = TikTokStudio.handleFromNames(file);
        ZoneId zone = file.practiceZone();
        CsvColumns[] columns = new CsvColumns[1];
        boolean[] unknownAccount = new boolean[1];
        int[] timeFromPostDay = new int[1];
        try (Reader reader = TikTokStudio.open(file)) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, (line, r) -> {
                if (columns[0] == null) {
                    columns[0] = CsvColumns.of(r);
                    SCHEMA.report(columns[0], line, sink);
                    return;
                }
                CsvColumns c = columns[0];
                if (r.size() != c.size()) {
                    throw new RowRejectedException("the row has " + r.size() + " fields, the header has " + c.size()
                            + " (a comma and a quote in a title?)");
                }
                String link = c.cell(r, "video link").strip();
                Matcher id = VIDEO_ID.matcher(link);
                if (!id.find()) {
                    throw new RowRejectedException("Video link '" + CellValues.abbreviate(link) + "' has no /video/<id>");
                }
                Optional<String> handle = TikTokStudio.handleFromLink(link).or(() -> namedHandle);
                unknownAccount[0] |= handle.isEmpty();
                String exportedOn = c.cell(r, "time");
                LocalDate asOf = CellValues.isEmpty(exportedOn) ? file.exportDate() : export.resolve(exportedOn);
                LocalDate postDay = YearlessDates.endingOn(asOf).resolve(c.cell(r, "post time"));
                Optional<Instant> uploaded = uploadTime(id.group(1), postDay, zone);
                if (uploaded.isEmpty()) {
                    timeFromPostDay[0]++;
                }
                Long likes = TikTokStudio.count(c.cell(r, "total likes"), "Total likes");
                Long comments = TikTokStudio.count(c.cell(r, "total comments"), "Total comments");
                Long shares = TikTokStudio.count(c.cell(r, "total shares"), "Total shares");
                PostCounters counters = new PostCounters(null, null, VideoEngagements.of(likes, comments, shares), likes,
                        comments, shares, TikTokStudio.count(c.cell(r, "total saves", "total favorites"), "Total saves"),
                        null, null, TikTokStudio.count(c.cell(r, "total views"), "Total views"), null, null);
                String title = c.cell(r, "video title");
                sink.post(new PostRow(TikTokStudio.PLATFORM, handle.orElse(TikTokStudio.UNKNOWN_ACCOUNT), id.group(1),
                        uploaded.orElseGet(() -> postDay.atStartOfDay(zone).toInstant()),
                        CellValues.isEmpty(title) ? null : title, link, "video", asOf, counters,
                        TikTokStudio.extra(c, r, STORED, SCHEMA)));
            });
        }
        if (unknownAccount[0]) {
            TikTokStudio.warnUnknownAccount(sink);
        }
        if (timeFromPostDay[0] > 0) {
            sink.warn(null, timeFromPostDay[0] + " video ids do not carry an upload time matching their Post time; "
                    + "those videos were stored as published at the start of their Post time day");
        }
    }

    /**
     * The upload instant in the id (its top 32 bits are Unix seconds), when its day is within a day
     * of Post time (which is written in the exporter's time zone, not the practice's).
     */
    static Optional<Instant> uploadTime(String videoId, LocalDate postDay, ZoneId zone) {
        long id;
        try {
            id = Long.parseLong(videoId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Instant uploaded = Instant.ofEpochSecond(id >>> 32);
        LocalDate uploadDay = LocalDate.ofInstant(uploaded, zone);
        MonthDay written = MonthDay.from(postDay);
        for (int year = uploadDay.getYear() - 1; year <= uploadDay.getYear() + 1; year++) {
            if (written.isValidYear(year) && Math.abs(ChronoUnit.DAYS.between(uploadDay, written.atYear(year))) <= 1) {
                return Optional.of(uploaded); // the id's year wins over the inferred one: it is written, not guessed
            }
        }
        return Optional.empty();
    }
}
