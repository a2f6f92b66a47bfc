package org.practicepulse.ingest.format;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.practicepulse.ingest.AccountDayRow;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvColumns.Unknown;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * TikTok Studio {@code Overview.csv}: the account's daily figures,
 * {@code "Date","Video Views","Profile Views","Likes","Comments","Shares"}, dates without a year in
 * the screen's language ("April 12", "8 de marzo"); the last row is the day before the export.
 */
@ApplicationScoped
public class TikTokOverviewFormat implements ExportFormat {

    public static final String ID = "tiktok-overview";

    /** Older and Business layouts add reach, follower and click columns: optional. */
    static final Schema SCHEMA = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Date"), Column.key("Video Views"), Column.key("Profile Views"),
            Column.expected("Likes"), Column.expected("Comments"), Column.expected("Shares"),
            Column.optional("Reached audience"), Column.optional("Net growth"), Column.optional("New followers"),
            Column.optional("Lost followers"), Column.optional("Website clicks"), Column.optional("Product clicks")));
    /** Columns stored in their own fields; the others (likes, comments, shares...) go to extra. */
    private static final Set<String> STORED = Set.of("date", "video views", "profile views", "reached audience",
            "new followers", "lost followers");

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
        TikTokStudio.readDays(file, sink, SCHEMA, (handle, day, c, r) -> new AccountDayRow(TikTokStudio.PLATFORM, handle, day,
                null,
                TikTokStudio.count(c.cell(r, "new followers"), "new followers"), // older layouts only
                TikTokStudio.count(c.cell(r, "lost followers"), "lost followers"),
                TikTokStudio.count(c.cell(r, "profile views"), "profile views"),
                null,
                null, // TikTok reports views of videos, not impressions
                TikTokStudio.count(c.cell(r, "reached audience"), "reached audience"),
                VideoEngagements.of(TikTokStudio.count(c.cell(r, "likes"), "likes"),
                        TikTokStudio.count(c.cell(r, "comments"), "comments"),
                        TikTokStudio.count(c.cell(r, "shares"), "shares")),
                TikTokStudio.count(c.cell(r, "video views"), "video views"),
                null, null,
                TikTokStudio.extra(c, r, STORED, SCHEMA)));
    }
}
