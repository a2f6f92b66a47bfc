package org.practicepulse.ingest.format;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

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
 * The X video overview: a title row {@code Video overview,,,,,}, then
 * {@code Date,Views,Watch Time (ms),Completion Rate,Average Watch Time (ms),Estimated Revenue}, one
 * row per day. Views and watch time are stored; the rate and the average are derived from them,
 * and revenue is money, not a count: neither is stored.
 */
@ApplicationScoped
public class XAnalyticsVideoOverviewFormat implements ExportFormat {

    public static final String ID = "x-analytics-video-overview";

    private static final String TITLE = "video overview";
    static final Schema SCHEMA = Schema.of(ID, Unknown.IGNORED, List.of(
            Column.key("Date"), Column.key("Views"), Column.expected("Watch Time (ms)"),
            Column.optional("Completion Rate"), Column.optional("Average Watch Time (ms)"), Column.optional("Estimated Revenue")));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean detect(ExportFile file) {
        List<String> lines = file.headLines().stream().filter(l -> !l.isBlank()).limit(2).toList();
        return lines.size() == 2 && CsvColumns.fromLine(lines.get(0)).indexOf(TITLE) == 0
                && SCHEMA.recognises(CsvColumns.fromLine(lines.get(1)));
    }

    @Override
    public void read(ExportFile file, ImportSink sink) throws IOException {
        String handle = XExports.handleOfFile(XExports.handleFromFileNamePrefix(file.fileName()),
                "<handle>_video_overview….csv", sink);
        XAccountDayTable.read(file, sink, SCHEMA, (c, r, line) -> toDay(c, r, handle));
    }

    private static AccountDayRow toDay(CsvColumns c, CSVRecord r, String handle) {
        return new AccountDayRow(XExports.PLATFORM, handle, XExports.analyticsDay(c.cell(r, "date"), "Date"),
                null, null, null, null, null, null, null, null,
                CellValues.nonNegativeCount(c.cell(r, "views"), "Views"),
                seconds(c.cell(r, "watch time (ms)")),
                null, Map.of());
    }

    private static Long seconds(String millis) {
        BigDecimal ms = CellValues.decimal(millis, "Watch Time (ms)");
        if (ms == null) {
            return null;
        }
        if (ms.signum() < 0) {
            throw new RowRejectedException("Watch Time (ms): " + CellValues.abbreviate(millis) + " is negative");
        }
        return ms.divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
