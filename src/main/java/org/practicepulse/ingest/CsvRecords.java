package org.practicepulse.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a CSV file with the line each starts on. A file broken mid-way (an
 * unterminated quote, say) ends the stream with one rejected row at the line where it broke.
 */
public final class CsvRecords {

    /** What a format does with each record. */
    @FunctionalInterface
    public interface RecordHandler {
        void accept(long line, CSVRecord record);
    }

    /** RFC 4180 as the platforms write it: blank lines kept so that line numbers stay exact. */
    public static final CSVFormat STANDARD = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvRecords() {
    }

    public static void forEach(Reader reader, CSVFormat format, ImportSink sink, RecordHandler handler) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long nextLine = 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    sink.reject(nextLine, "malformed CSV from this line on (" + rootMessage(e) + "); the rest of the file was not read");
                    return;
                }
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line
                }
                try {
                    handler.accept(line, record);
                } catch (RowRejectedException e) {
                    sink.reject(line, e.getMessage());
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return CellValues.abbreviate(t.getMessage()).length() > 0 ? t.getMessage() : t.getClass().getSimpleName();
    }
}
