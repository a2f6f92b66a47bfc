package org.practicepulse.ingest.format;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.AccountDayRow;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvColumns.Unknown;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The X account overview (x.com/i/account_analytics → Overview → Export,
 * {@code account_overview_analytics.csv}): one row per day, newest first, dates like
 * "Sun, Aug 30, 2026". Older downloads lack Create Post, Video views and Media views. The file
 * does not name the account: put the handle in front of the file name.
 */
@ApplicationScoped
public class XAnalyticsOverviewFormat implements ExportFormat {

    public static final String ID = "x-analytics-overview";

    /** Create Post, Video views and Media views are missing from older downloads: optional. */
    static final Schema SCHEMA = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Date"), Column.key("Impressions"), Column.key("Engagements"), Column.key("New follows"),
            Column.key("Unfollows"), Column.key("Profile visits"),
            Column.optional("Create Post"), Column.optional("Video views"), Column.optional("Media views"),
            Column.expected("Likes"), Column.expected("Bookmarks"), Column.expected("Shares"), Column.expected("Replies"),
            Column.expected("Reposts")));
    private static final Set<String> NOT_EXTRA = Set.of("date", "impressions", "engagements", "new follows", "unfollows",
            "profile visits", "create post", "video views");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        CsvColumns header = CsvColumns.fromLine(file.firstLine());
        return SCHEMA.recognises(header) && header.indexOf("post id", "tweets published") < 0;
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        String handle = XExports.handleOfFile(XExports.handleFromFileNamePrefix(file.fileName()),
                "<handle>_account_overview_analytics.csv", sink);
        XAccountDayTable.read(file, sink, SCHEMA, (c, r, line) -> toDay(c, r, handle));
    }

    private static AccountDayRow toDay(CsvColumns c, CSVRecord r, String handle) {
        return new AccountDayRow(XExports.PLATFORM, handle, XExports.analyticsDay(c.cell(r, "date"), "Date"),
                null, // no follower total in this export
                CellValues.nonNegativeCount(c.cell(r, "new follows"), "New follows"),
                CellValues.nonNegativeCount(c.cell(r, "unfollows"), "Unfollows"),
                CellValues.nonNegativeCount(c.cell(r, "profile visits"), "Profile visits"),
                null, // no clicks at all in this export
                CellValues.nonNegativeCount(c.cell(r, "impressions"), "Impressions"),
                null, // X reports no reach
                CellValues.nonNegativeCount(c.cell(r, "engagements"), "Engagements"),
                CellValues.nonNegativeCount(c.cell(r, "video views"), "Video views"),
                null,
                XExports.postCount(c.cell(r, "create post"), "Create Post"),
                CsvColumns.countsExcept(c, r, NOT_EXTRA, SCHEMA));
    }
}
