package org.practicepulse.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.AccountDayRow;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.CsvRecords;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;
import org.practicepulse.ingest.YearlessDates;

/**
 * What TikTok Studio's downloads share: the account, which TikTok names only in the zip
 * ({@code Overview_<first day>_<epoch>_<handle>.zip}, {@code Followers_<handle>.zip},
 * {@code Content_<handle>.zip}); every field quoted, titles' quotes not escaped; "undefined" for
 * a figure TikTok does not have.
 */
final class TikTokStudio {

    static final String PLATFORM = "tiktok";
    static final String UNKNOWN_ACCOUNT = "unknown";

    private static final Pattern DOWNLOAD_NAME = Pattern.compile(
            "(?:Overview_\\d{4}-\\d{2}-\\d{2}_\\d{9,13}|Followers|Content|Viewers)_([A-Za-z0-9_.]{2,24}?)(?: \\(\\d+\\))?\\.(?:zip|csv|xlsx)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK_HANDLE = Pattern.compile("tiktok\\.com/@([A-Za-z0-9_.]{2,24})/");

    /** Makes the account's day of one row of a daily file. */
    @FunctionalInterface
    interface DayReader {
        AccountDayRow day(String handle, LocalDate day, CsvColumns columns, CSVRecord row);
    }

    private TikTokStudio() {
    }

    /** Reads a daily file (Overview, FollowerHistory): one day of the account per row, dates without a year. */
    static void readDays(ExportFile file, ImportSink sink, CsvColumns.Schema schema, DayReader reader) throws IOException {
        String handle = accountHandle(file, sink);
        YearlessDates dates = YearlessDates.forExport(file);
        CsvColumns[] columns = new CsvColumns[1];
        try (Reader in = open(file)) {
            CsvRecords.forEach(in, CsvRecords.STANDARD, sink, (line, record) -> {
                if (columns[0] == null) {
                    columns[0] = CsvColumns.of(record);
                    schema.report(columns[0], line, sink);
                    return;
                }
                if (record.size() != columns[0].size()) {
                    throw new RowRejectedException("the row has " + record.size() + " fields, the header has " + columns[0].size());
                }
                LocalDate day = dates.resolve(columns[0].cell(record, "date"));
                sink.accountDay(reader.day(handle, day, columns[0], record));
            });
        }
    }

    /** The handle in TikTok's name of the zip (or of the file, if someone named it so). */
    static Optional<String> handleFromNames(ExportFile file) {
        for (String name : new String[] { file.archiveName().orElse(""), file.fileName() == null ? "" : file.fileName() }) {
            String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
            Matcher m = DOWNLOAD_NAME.matcher(last);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The handle of a video link ({@code https://www.tiktok.com/@handle/video/<id>}). */
    static Optional<String> handleFromLink(String link) {
        Matcher m = LINK_HANDLE.matcher(link == null ? "" : link);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The account of a daily file; "unknown", with a warning, when it came without TikTok's zip name. */
    static String accountHandle(ExportFile file, ImportSink sink) {
        Optional<String> handle = handleFromNames(file);
        if (handle.isEmpty()) {
            warnUnknownAccount(sink);
        }
        return handle.orElse(UNKNOWN_ACCOUNT);
    }

    static void warnUnknownAccount(ImportSink sink) {
        sink.warn(null, "TikTok names the account only in its zip (e.g. 'Followers_<handle>.zip'); this file came without "
                + "that name, so its rows were stored under the account '" + UNKNOWN_ACCOUNT + "'");
    }

    static Reader open(ExportFile file) throws IOException {
        return new UnescapedQuotesReader(file.openReader());
    }

    /** A count as TikTok writes it; "undefined" (a figure TikTok does not have for that day) is null. */
    static Long count(String raw, String column) {
        return isUndefined(raw) ? null : CellValues.nonNegativeCount(raw, column);
    }

    static Long signedCount(String raw, String column) {
        return isUndefined(raw) ? null : CellValues.count(raw, column);
    }

    private static boolean isUndefined(String raw) {
        return raw != null && raw.strip().equalsIgnoreCase("undefined");
    }

    /**
     * Every count column of the row not in {@code stored}, by column name. A column the schema does
     * not know (TikTok added it) is kept when it holds counts and left out when it does not.
     */
    static Map<String, Long> extra(CsvColumns columns, CSVRecord row, Set<String> stored, CsvColumns.Schema schema) {
        Map<String, Long> extra = new LinkedHashMap<>();
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
            String name = columns.names().get(i);
            if (!stored.contains(name) && !name.isEmpty()) {
                Long value;
                try {
                    value = signedCount(row.get(i), name);
                } catch (RowRejectedException e) {
                    if (schema.knows(name)) {
                        throw e;
                    }
                    value = null;
                }
                if (value != null) {
                    extra.put(name, value);
                }
            }
        }
        return extra;
    }
}
