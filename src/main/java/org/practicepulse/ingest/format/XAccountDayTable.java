package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.AccountDayRow;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvRecords;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ImportSink;

/**
 * The daily account tables of X (legacy daily metrics, account overview, video overview): one
 * account day per row below the header. Lines above the header (the video overview's title row)
 * are not rows.
 */
final class XAccountDayTable {

    /** Turns one row into an account day, or throws RowRejectedException. */
    @FunctionalInterface
    interface RowReader {
        AccountDayRow read(CsvColumns columns, CSVRecord row, long line);
    }

    private XAccountDayTable() {
    }

    static void read(ExportFile file, ImportSink sink, CsvColumns.Schema schema, RowReader rows) throws IOException {
        CsvColumns[] header = new CsvColumns[1];
        try (Reader reader = file.openReader()) {
            CsvRecords.forEach(reader, CsvRecords.STANDARD, sink, (line, record) -> {
                if (header[0] == null) {
                    CsvColumns columns = CsvColumns.of(record);
                    if (schema.recognises(columns)) {
                        header[0] = columns;
                        schema.report(columns, line, sink);
                    }
                    return; // a title row above the header
                }
                CsvColumns.requireWidth(header[0], record);
                sink.accountDay(rows.read(header[0], record, line));
            });
        }
    }
}
