package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.List;
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

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The X post-level export of x.com/i/account_analytics (X Premium, 2024 on):
 * {@code account_analytics_content_<from>_<to>.csv}, one row per post, unsorted. {@code Date} is a
 * day without a time ("Mon, Oct 5, 2026"), so a post is stored as published at the start of that
 * day in the practice's time zone. The handle comes from the post link.
 */
@ApplicationScoped
public class XAnalyticsContentFormat implements ExportFormat {

    public static final String ID = "x-analytics-content";

    static final Schema SCHEMA = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Post id"), Column.key("Date"), Column.key("Post Link"), Column.key("Impressions"),
            Column.key("Engagements"),
            Column.expected("Post text"), Column.expected("Likes"), Column.expected("Bookmarks"),
            Column.expected("New follows"), Column.expected("Replies"), Column.expected("Reposts"),
            Column.expected("Profile visits"), Column.expected("URL Clicks"),
            Column.expected("Shares"), Column.expected("Detail Expands"), Column.expected("Hashtag Clicks"),
            Column.expected("Permalink Clicks")));
    private static final Set<String> NOT_EXTRA = Set.of("post id", "date", "post text", "post link", "impressions",
            "likes", "engagements", "bookmarks", "new follows", "replies", "reposts", "profile visits", "url clicks");

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
        CsvColumns[] columns = new CsvColumns[1];
        String[] fileHandle = new String[1];
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, (line, record) -> {
                if (columns[0] == null) {
                    columns[0] = CsvColumns.of(record);
                    SCHEMA.report(columns[0], line, sink);
                    return;
                }
                CsvColumns c = columns[0];
                CsvColumns.requireWidth(c, record);
                String id = XExports.postId(c.cell(record, "post id"), "Post id", line, sink);
                String link = emptyToNull(c.cell(record, "post link"));
                String handle = XExports.handleFromPermalink(link).orElseGet(() -> {
                    if (fileHandle[0] == null) { // asked once, so that the warning is given once
                        fileHandle[0] = XExports.handleOfFile(XExports.handleFromFileNamePrefix(file.fileName()),
                                "a Post Link like https://x.com/<handle>/status/<id>, or <handle>_account_analytics_content….csv", sink);
                    }
                    return fileHandle[0];
                });
                sink.post(toPost(file, c, record, id, link, handle));
            });
        }
    }

    private static PostRow toPost(ExportFile file, CsvColumns c, CSVRecord r, String id, String link, String handle) {
        Instant publishedAt = XExports.analyticsDay(c.cell(r, "date"), "Date").atStartOfDay(file.practiceZone()).toInstant();
        PostCounters counters = new PostCounters(
                CellValues.nonNegativeCount(c.cell(r, "impressions"), "Impressions"),
                null, // X reports no reach
                CellValues.nonNegativeCount(c.cell(r, "engagements"), "Engagements"),
                CellValues.nonNegativeCount(c.cell(r, "likes"), "Likes"),
                CellValues.nonNegativeCount(c.cell(r, "replies"), "Replies"),
                CellValues.nonNegativeCount(c.cell(r, "reposts"), "Reposts"),
                CellValues.nonNegativeCount(c.cell(r, "bookmarks"), "Bookmarks"),
                CellValues.nonNegativeCount(c.cell(r, "url clicks"), "URL Clicks"),
                CellValues.nonNegativeCount(c.cell(r, "profile visits"), "Profile visits"),
                null, // no video views per post in this export
                null,
                CellValues.nonNegativeCount(c.cell(r, "new follows"), "New follows"));
        String text = c.cell(r, "post text");
        return new PostRow(XExports.PLATFORM, handle, id, publishedAt,
                text == null || text.isBlank() ? null : CellValues.htmlDecoded(text),
                link, null, file.exportDate(), counters, CsvColumns.countsExcept(c, r, NOT_EXTRA, SCHEMA), true);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
