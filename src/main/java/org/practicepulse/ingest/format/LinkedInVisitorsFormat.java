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
 * The LinkedIn Page visitors export ({@code <page>_visitors_<epoch ms>.xls}): sheet
 * {@code Visitor metrics}, one row per day with page views and unique visitors of each page
 * section (Overview, Life, Jobs, Total) and device (desktop, mobile, total). All page sections'
 * views are the page's visits; every other column is kept as extra. The demographic sheets are
 * not read.
 */
@ApplicationScoped
public class LinkedInVisitorsFormat implements ExportFormat {

    public static final String ID = "linkedin-visitors";

    private static final String SHEET = "Visitor metrics";
    private static final String[] PAGE_VIEWS = { "total page views (total)", "page views (total)" };
    static final Schema SCHEMA = Schema.of(ID, Unknown.KEPT_AS_EXTRA, List.of(
            Column.key("Date"), Column.key("Total page views (total)", PAGE_VIEWS),
            Column.key("Total unique visitors (total)", "total unique visitors (total)", "unique visitors (total)"),
            Column.expected("Overview page views (total)"),
            Column.optionalMatching("<section> page views / unique visitors (desktop|mobile|total)",
                    "(.+ )?(page views|unique visitors) \\((desktop|mobile|total)\\)")));

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
                            + "' has no header row with Date, Total page views (total) and Total unique visitors (total)"));
            String page = LinkedInPageExport.pageHandle(file, sink);
            LinkedInPageExport.readDays(table, SCHEMA, sink, (day, counts) -> {
                Long pageViews = counts.remove(PAGE_VIEWS[0]);
                if (pageViews == null) {
                    pageViews = counts.remove(PAGE_VIEWS[1]);
                }
                return new AccountDayRow(LinkedInPageExport.PLATFORM, page, day, null, null, null, pageViews, null, null,
                        null, null, null, null, null, counts);
            });
        }
    }
}
