package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
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

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The legacy X (Twitter) "Tweet activity" export, one row per tweet
 * ({@code tweet_activity_metrics_<handle>_<from>_<to>_<lang>.csv}, analytics.twitter.com until 2023).
 * Every field is quoted; counters are floats ("89.0"); promoted columns are "-"; {@code time} is UTC.
 */
@ApplicationScoped
public class XTweetActivityFormat implements ExportFormat {

    public static final String ID = "x-tweet-activity";
    public static final String PLATFORM = XExports.PLATFORM;

    /**
     * Key: what identifies the file; expected: the counters every version has (in our fields or in extra);
     * optional: the rate (derived, not stored) and the promoted columns (only with ads).
     */
    static final Schema SCHEMA = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Tweet id"), Column.key("Tweet permalink"), Column.key("time"), Column.key("impressions"),
            Column.key("engagements"),
            Column.expected("Tweet text"), Column.expected("retweets"), Column.expected("replies"),
            Column.expected("likes", "likes", "favorites"), Column.expected("user profile clicks"), Column.expected("url clicks"),
            Column.expected("follows"),
            Column.expected("hashtag clicks"), Column.expected("detail expands"), Column.expected("permalink clicks"),
            Column.expected("app opens"), Column.expected("app installs"), Column.expected("email tweet"),
            Column.expected("dial phone"), Column.expected("media views"), Column.expected("media engagements"),
            Column.optional("engagement rate"), Column.optionalMatching("promoted …", "promoted .+")));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss] xx")
            .withResolverStyle(ResolverStyle.STRICT); // STRICT: 2026-09-31 is an error, not 09-30
    /** Columns mapped to our counters; every other count column goes to extra. Rates are derived, not stored. */
    private static final Set<String> NOT_EXTRA = Set.of("tweet id", "tweet permalink", "tweet text", "time",
            "impressions", "engagements", "engagement rate", "retweets", "replies", "likes", "favorites",
            "user profile clicks", "url clicks", "follows", "promoted engagement rate");

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
        String fileHandle = XExports.handleFromLegacyFileName(file.fileName()).orElse(XExports.UNKNOWN_HANDLE);
        CsvColumns[] columns = new CsvColumns[1];
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, (line, record) -> {
                if (columns[0] == null) {
                    columns[0] = CsvColumns.of(record);
                    SCHEMA.report(columns[0], line, sink);
                    return;
                }
                sink.post(toPost(file, sink, columns[0], line, record, fileHandle));
            });
        }
    }

    private PostRow toPost(ExportFile file, ImportSink sink, CsvColumns c, long line, CSVRecord r, String fileHandle) {
        CsvColumns.requireWidth(c, r);
        String id = XExports.postId(c.cell(r, "tweet id"), "Tweet id", line, sink);
        String permalink = emptyToNull(c.cell(r, "tweet permalink"));
        String handle = XExports.handleFromPermalink(permalink).orElse(fileHandle);
        Instant publishedAt = parseTime(c.cell(r, "time"));
        PostCounters counters = new PostCounters(
                CellValues.nonNegativeCount(c.cell(r, "impressions"), "impressions"),
                null, // X reports no reach
                CellValues.nonNegativeCount(c.cell(r, "engagements"), "engagements"),
                CellValues.nonNegativeCount(c.cell(r, "likes", "favorites"), "likes"),
                CellValues.nonNegativeCount(c.cell(r, "replies"), "replies"),
                CellValues.nonNegativeCount(c.cell(r, "retweets"), "retweets"),
                null,
                CellValues.nonNegativeCount(c.cell(r, "url clicks"), "url clicks"),
                CellValues.nonNegativeCount(c.cell(r, "user profile clicks"), "user profile clicks"),
                null, // "media views" counts image views too, so it is kept in extra, not as video views
                null,
                CellValues.nonNegativeCount(c.cell(r, "follows"), "follows"));
        Map<String, Long> extra = CsvColumns.countsExcept(c, r, NOT_EXTRA, SCHEMA);
        String text = c.cell(r, "tweet text");
        return new PostRow(PLATFORM, handle, id, publishedAt, CellValues.htmlDecoded(text),
                permalink, null, file.exportDate(), counters, extra);
    }

    private static Instant parseTime(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new RowRejectedException("time is empty");
        }
        try {
            return CellValues.plausible(OffsetDateTime.parse(raw.strip(), TIME).toInstant(), raw, "time");
        } catch (DateTimeParseException e) {
            throw new RowRejectedException("time '" + CellValues.abbreviate(raw) + "' is not like 2021-08-31 19:53 +0000");
        }
    }


    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
