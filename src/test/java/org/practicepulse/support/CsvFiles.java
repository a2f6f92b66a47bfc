package org.practicepulse.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Export files read the plain way (Commons CSV, BOM dropped), independently of the importers. */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** Every record, the header included. */
    public static List<CSVRecord> records(Path file) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(text(file))).getRecords();
    }

    /** The data records, read by header name. */
    public static List<CSVRecord> rowsByHeader(Path file) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text(file)))
                .getRecords();
    }

    /** The text, decoded by its byte-order mark (UTF-16LE or UTF-8), without the mark. */
    public static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A count cell: null when blank. */
    public static Long countOrNull(String cell) {
        return cell == null || cell.isBlank() ? null : Long.valueOf(cell.strip());
    }

    /** The sum of the parts given; null when none is. */
    public static Long sumOfReported(Long... parts) {
        Long sum = null;
        for (Long part : parts) {
            if (part != null) {
                sum = (sum == null ? 0 : sum) + part;
            }
        }
        return sum;
    }
}
