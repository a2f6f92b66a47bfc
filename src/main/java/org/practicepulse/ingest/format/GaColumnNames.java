package org.practicepulse.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.practicepulse.ingest.CsvColumns;

/**
 * What a Google Analytics download calls its columns (normalised names). GA4 and Universal Analytics
 * differ here; the layout of their files is read alike by {@link GaTrafficTables}.
 *
 * @param conversions     columns that hold every conversion of the row (GA4 key events, UA goal completions)
 * @param conversionParts columns that hold one conversion each (one key event, one goal), added up
 *                        when the file has no column for all of them
 */
record GaColumnNames(List<String> sourceMedium, List<String> source, List<String> medium, List<String> channel,
        List<String> sessions, List<String> conversions, Pattern conversionParts, List<String> date, List<String> nthDay,
        List<String> comparedRange) {

    /** Every dimension we store a traffic row by. */
    List<String> dimensions() {
        List<String> all = new ArrayList<>(sourceMedium);
        all.addAll(source);
        all.addAll(medium);
        all.addAll(channel);
        return all;
    }

    /** A table of sessions by source/medium or channel (perhaps by day too). */
    boolean isTrafficHeader(CsvColumns header) {
        return index(header, sessions) >= 0 && index(header, dimensions()) >= 0;
    }

    /**
     * The schema of a traffic table: sessions and a source, medium or channel dimension are its key
     * columns; conversions are expected; dates and the given metrics are known. Columns GA adds are
     * not read, and named in a warning.
     */
    CsvColumns.Schema schema(String format, String conversionsLabel, List<String> knownMetrics) {
        List<CsvColumns.Column> columns = new ArrayList<>();
        columns.add(CsvColumns.Column.key(sessions.get(0), sessions.toArray(String[]::new)));
        columns.add(CsvColumns.Column.key("a source / medium, source, medium or channel column", dimensions().toArray(String[]::new)));
        columns.add(CsvColumns.Column.expectedMatching(conversionsLabel, conversionParts.pattern(), conversions.toArray(String[]::new)));
        for (List<String> names : List.of(sourceMedium, source, medium, channel, date, nthDay, comparedRange)) {
            names.forEach(n -> columns.add(CsvColumns.Column.optional(n)));
        }
        columns.addAll(CsvColumns.Column.optional(knownMetrics));
        return CsvColumns.Schema.of(format, CsvColumns.Unknown.IGNORED, columns);
    }

    static int index(CsvColumns header, List<String> aliases) {
        return header.indexOf(aliases.toArray(String[]::new));
    }
}
