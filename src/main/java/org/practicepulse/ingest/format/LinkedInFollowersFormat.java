package org.practicepulse.ingest.format;

import java.io.IOException;
import java.util.List;

import org.practicepulse.ingest.AccountDayRow;
import org.practicepulse.ingest.CsvColumns.Column;
import org.practicepulse.ingest.CsvColumns.Schema;
import org.practicepulse.ingest.CsvColumns.Unknown;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ExportFormat;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.UnreadableFileException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The LinkedIn Page followers export ({@code <page>_followers_<epoch ms>.xls}): sheet
 * {@code New followers}, one row per day with the followers gained that day by source. Its
 * "Total followers" column is the day's new followers, not the page's running total, which the
 * export does not give. The demographic sheets (Location, Job function, ...) are not read.
 */
@ApplicationScoped
public class LinkedInFollowersFormat implements ExportFormat {

    public static final String ID = "linkedin-followers";

    private static final String SHEET = "New followers";
    static final Schema SCHEMA = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Date"), Column.key("Total followers"),
            Column.expected("Organic followers"), Column.expected("Sponsored followers"),
            Column.optional("Auto-invited followers")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        return LinkedInPageExport.detect(file, SHEET, SCHEMA);
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        try (ExportWorkbook book = ExportWorkbook.open(file)) {
            SheetTable table = LinkedInPageExport.table(book, SHEET, SCHEMA, sink)
                    .orElseThrow(() -> new UnreadableFileException("sheet '" + SHEET
                            + "' has no header row with Date and Total followers"));
            String page = LinkedInPageExport.pageHandle(file, sink);
            LinkedInPageExport.readDays(table, SCHEMA, sink, (day, counts) -> new AccountDayRow(LinkedInPageExport.PLATFORM, page, day,
                    null, counts.remove("total followers"), null, null, null, null, null, null, null, null, null, counts));
        }
    }
}
