package org.practicepulse.ingest.format;

import java.io.IOException;
import java.util.List;

import org.practicepulse.ingest.AccountDayRow;
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
    private static final List<List<String>> KEY_COLUMNS = List.of(List.of("date"), List.of("organic followers"),
            List.of("sponsored followers"), List.of("total followers"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        return LinkedInPageExport.detect(file, SHEET, KEY_COLUMNS);
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        try (ExportWorkbook book = ExportWorkbook.open(file)) {
            SheetTable table = book.sheet(SHEET).flatMap(s -> SheetTable.find(s, KEY_COLUMNS))
                    .orElseThrow(() -> new UnreadableFileException("sheet '" + SHEET
                            + "' has no header row with Date, Organic followers, Sponsored followers and Total followers"));
            String page = LinkedInPageExport.pageHandle(file, sink);
            LinkedInPageExport.readDays(table, sink, (day, counts) -> new AccountDayRow(LinkedInPageExport.PLATFORM, page, day,
                    null, counts.remove("total followers"), null, null, null, null, null, null, null, null, null, counts));
        }
    }
}
