package org.practicepulse.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.practicepulse.ingest.CsvRecords;

/** TikTok titles with quotes nobody escaped still read as one field each, and good CSV is untouched. */
class UnescapedQuotesReaderTest {

    private static String repaired(String csv) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader reader = new UnescapedQuotesReader(new StringReader(csv))) {
            char[] buffer = new char[3]; // small, to cross buffer edges
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) > 0) {
                out.append(buffer, 0, n);
            }
        }
        return out.toString();
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new UnescapedQuotesReader(new StringReader(csv)))
                .setFormat(CsvRecords.STANDARD).get()) {
            return parser.getRecords();
        }
    }

    @Test
    void wellFormedCsvPassesUnchanged() throws IOException {
        String csv = "\"Time\",\"Video title\",\"Total views\"\r\n\"a\",\"He said \"\"hi\"\"\",\"5\"\n"
                + "\"b\",\"two\nlines\",\"\"\nplain,unquoted,1\n\"\"\"\",\"x\",\"2\"";
        assertEquals(csv, repaired(csv));
    }

    @Test
    void quotesInsideAFieldThatNobodyEscapedStayText() throws IOException {
        List<CSVRecord> rows = records("\"18 января\",\"Grok-ის \"შიშველი\" ტერორი\",\"84\"\n"
                + "\"18 января\",\"Dr. O's \"3 questions\"\",\"7\"\n"
                + "\"18 января\",\"\"Quoted\" start\",\"9\"");
        assertEquals(3, rows.size());
        assertEquals("Grok-ის \"შიშველი\" ტერორი", rows.get(0).get(1));
        assertEquals("84", rows.get(0).get(2));
        assertEquals("Dr. O's \"3 questions\"", rows.get(1).get(1));
        assertEquals("7", rows.get(1).get(2));
        assertEquals("\"Quoted\" start", rows.get(2).get(1));
        assertEquals("9", rows.get(2).get(2));
    }

    @Test
    void lineEndsAreKeptSoLineNumbersStayExact() throws IOException {
        String csv = "\"a\",\"say \"x\" now\nnext line\",\"1\"\n\"b\",\"c\",\"2\"";
        String repaired = repaired(csv);
        assertEquals(csv.chars().filter(c -> c == '\n').count(), repaired.chars().filter(c -> c == '\n').count());
        List<CSVRecord> rows = records(csv);
        assertEquals("say \"x\" now\nnext line", rows.get(0).get(1));
        assertEquals("b", rows.get(1).get(0));
    }
}
