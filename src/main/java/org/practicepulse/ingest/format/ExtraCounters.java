package org.practicepulse.ingest.format;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;

/**
 * The counters of a row that have no column of their own in our tables, kept by column name in
 * {@code extra}. Meta adds and drops columns from month to month, so a column we do not know is kept
 * when it holds whole numbers; one holding anything else is left out once, with a warning, and the
 * row is still imported (only the columns we map are strict).
 */
final class ExtraCounters {

    private final CsvColumns columns;
    private final Predicate<String> notCounters;
    private final Set<String> warned = new HashSet<>();

    /** @param notCounters true for the (normalised) names of columns that are text, flags, rates, money, or mapped already */
    ExtraCounters(CsvColumns columns, Predicate<String> notCounters) {
        this.columns = columns;
        this.notCounters = notCounters;
    }

    Map<String, Long> of(CSVRecord row, long line, ImportSink sink) {
        Map<String, Long> extra = new LinkedHashMap<>();
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
            String name = columns.names().get(i);
            if (name.isEmpty() || notCounters.test(name) || extra.containsKey(name)) {
                continue;
            }
            try {
                Long value = CellValues.count(row.get(i), name);
                if (value != null) {
                    extra.put(name, value);
                }
            } catch (RowRejectedException e) {
                if (warned.add(name)) {
                    sink.warn(line, "column '" + CellValues.abbreviate(name) + "' is not a whole count ('"
                            + CellValues.abbreviate(row.get(i)) + "'); it is not kept");
                }
            }
        }
        return extra;
    }
}
