package org.practicepulse.ingest.format;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.practicepulse.ingest.RowRejectedException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The legacy X (Twitter) daily export, one row per day of one account
 * ({@code daily_tweet_activity_metrics_<handle>_<from>_<to>_<lang>.csv}, analytics.twitter.com until
 * 2023). The file does not name the account: the handle comes from the file name.
 */
@ApplicationScoped
public class XDailyTweetActivityFormat implements ExportFormat {

    public static final String ID = "x-tweet-activity-daily";

    static final Schema SCHEMA = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Date"), Column.key("Tweets published"), Column.key("impressions"), Column.key("engagements"),
            Column.expected("retweets"), Column.expected("replies"), Column.expected("likes"),
            Column.expected("user profile clicks"), Column.expected("url clicks"), Column.expected("hashtag clicks"),
            Column.expected("detail expands"), Column.expected("permalink clicks"), Column.expected("app opens"),
            Column.expected("app installs"), Column.expected("follows"), Column.expected("email tweet"),
            Column.expected("dial phone"), Column.expected("media views"), Column.expected("media engagements"),
            Column.optional("engagement rate"), Column.optionalMatching("promoted …", "promoted .+")));
    /** Columns read into the day's fields; rates are derived, not stored; every other count goes to extra. */
    private static final Set<String> NOT_EXTRA = Set.of("date", "tweets published", "impressions", "engagements",
            "engagement rate", "user profile clicks", "promoted engagement rate");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        CsvColumns header = CsvColumns.fromLine(file.firstLine());
        return SCHEMA.recognises(header) && header.indexOf("tweet id") < 0;
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        String handle = XExports.handleOfFile(XExports.handleFromLegacyFileName(file.fileName()),
                "daily_tweet_activity_metrics_<handle>_<from>_<to>_<lang>.csv", sink);
        XAccountDayTable.read(file, sink, SCHEMA, (c, r, line) -> toDay(c, r, handle));
    }

    private static AccountDayRow toDay(CsvColumns c, CSVRecord r, String handle) {
        return new AccountDayRow(XExports.PLATFORM, handle, day(c.cell(r, "date")),
                null, // no follower total in this export
                null, // "follows" counts only follows from tweets, not every new follower: kept in extra
                null,
                CellValues.nonNegativeCount(c.cell(r, "user profile clicks"), "user profile clicks"),
                null, // "url clicks" are clicks on any link in tweets, not on the profile's website: kept in extra
                CellValues.nonNegativeCount(c.cell(r, "impressions"), "impressions"),
                null, // X reports no reach
                CellValues.nonNegativeCount(c.cell(r, "engagements"), "engagements"),
                null, // "media views" counts image views too: kept in extra
                null,
                XExports.postCount(c.cell(r, "tweets published"), "Tweets published"),
                CsvColumns.countsExcept(c, r, NOT_EXTRA, SCHEMA));
    }

    private static LocalDate day(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new RowRejectedException("Date is empty");
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new RowRejectedException("Date '" + CellValues.abbreviate(raw) + "' is not like 2021-08-01");
        }
    }
}
