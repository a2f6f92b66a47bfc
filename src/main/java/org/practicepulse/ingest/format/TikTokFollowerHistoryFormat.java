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
 * TikTok Studio {@code FollowerHistory.csv} (in {@code Followers_<handle>.zip}):
 * {@code "Date","Followers","Difference in followers from previous day"}; Followers is the total at
 * the end of the day, the difference is net (gained minus lost) and may be negative.
 */
@ApplicationScoped
public class TikTokFollowerHistoryFormat implements ExportFormat {

    public static final String ID = "tiktok-follower-history";

    static final Schema SCHEMA = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Date"), Column.key("Followers"), Column.expected("Difference in followers from previous day")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        CsvColumns header = CsvColumns.fromLine(file.firstLine());
        return SCHEMA.recognises(header) && header.indexOf("platform") < 0; // "platform,…,date,followers" is our generic CSV
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        TikTokStudio.readDays(file, sink, SCHEMA, (handle, day, c, r) -> new AccountDayRow(TikTokStudio.PLATFORM, handle, day,
                TikTokStudio.count(c.cell(r, "followers"), "followers"),
                null, null, null, null, null, null, null, null, null, null,
                TikTokStudio.extra(c, r, Set.of("date", "followers"), SCHEMA)));
    }
}
