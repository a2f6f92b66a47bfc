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

    /** The widest export we know has a few hundred columns; a header far wider is not an export. */
    public static final int MAX_COLUMNS = 10_000;
    /** The longest cell an export holds (a post or review text is a few thousand characters). */
    public static final int MAX_FIELD_CHARS = 1_000_000;
    /**
     * The longest physical line read: the parser holds a record whole in memory, so a file of one
     * endless line (or field) ends with a reason here instead of exhausting the heap.
     */
    public static final int MAX_LINE_CHARS = 64 * 1024 * 1024;

    private CsvRecords() {
    }

    public static void forEach(Reader reader, CSVFormat format, ImportSink sink, RecordHandler handler) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new LineLengthGuard(reader, MAX_LINE_CHARS)).setFormat(format).get()) {
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
                if (record.size() > MAX_COLUMNS) {
                    throw new UnreadableFileException((record.getRecordNumber() == 1 ? "the header" : "the row at line " + line)
                            + " has " + record.size() + " columns, more than the " + MAX_COLUMNS
                            + " any export has; the file was not read");
                }
                try {
                    requireSaneFields(record);
                    handler.accept(line, record);
                } catch (RowRejectedException e) {
                    sink.reject(line, e.getMessage());
                }
            }
        }
    }

    /** Rejects a record with a cell longer than {@link #MAX_FIELD_CHARS} or with NUL characters (binary data). */
    private static void requireSaneFields(CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            if (value.length() > MAX_FIELD_CHARS) {
                throw new RowRejectedException("field " + (i + 1) + " holds " + value.length() + " characters, more than the "
                        + MAX_FIELD_CHARS + " a cell of an export holds");
            }
            if (value.indexOf('\0') >= 0) {
                throw new RowRejectedException("field " + (i + 1) + " holds NUL characters (binary data, not text)");
            }
        }
    }

    /** Fails the read when a physical line grows beyond a bound. */
    private static final class LineLengthGuard extends java.io.FilterReader {
        private final long max;
        private long sinceNewline;

        LineLengthGuard(Reader in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c);
            return c;
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            for (int i = off; i < off + n; i++) {
                count(buffer[i]);
            }
            return n;
        }

        private void count(int c) throws IOException {
            if (c == '\n' || c == '\r') {
                sinceNewline = 0;
            } else if (c >= 0 && ++sinceNewline > max) {
                throw new IOException("a line longer than " + max + " characters");
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
