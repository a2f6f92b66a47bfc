package org.practicepulse.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The header of a CSV table: column names, normalised (trimmed, lower case), to their positions. */
public final class CsvColumns {

    private final List<String> names;
    private final Map<String, Integer> positions = new LinkedHashMap<>();

    private CsvColumns(List<String> names) {
        this.names = Collections.unmodifiableList(names);
        for (int i = 0; i < names.size(); i++) {
            positions.putIfAbsent(names.get(i), i); // the first of duplicate names wins
        }
    }

    public static CsvColumns of(CSVRecord header) {
        List<String> names = new ArrayList<>(header.size());
        header.forEach(h -> names.add(normalise(h)));
        return new CsvColumns(names);
    }

    /** The header in one line of text (as detection sees it); no columns when it is not CSV. */
    public static CsvColumns fromLine(String line) {
        CsvColumns columns = parseLine(line);
        int lastComma = line.lastIndexOf(',');
        if (columns.size() == 0 && lastComma > 0) {
            // a header longer than what detection reads ends mid-name, perhaps inside a quote: its complete names still count
            columns = parseLine(line.substring(0, lastComma));
        }
        return columns;
    }

    private static CsvColumns parseLine(String line) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(line)).setFormat(CSVFormat.RFC4180).get()) {
            List<CSVRecord> records = parser.getRecords();
            return records.isEmpty() ? new CsvColumns(List.of()) : of(records.get(0));
        } catch (IOException | UncheckedIOException e) {
            return new CsvColumns(List.of());
        }
    }

    public static String normalise(String name) {
        return name == null ? "" : name.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public boolean hasAll(List<String> required) {
        return required.stream().allMatch(positions::containsKey);
    }

    /** The position of the first of these names that the header has, or -1. */
    public int indexOf(String... aliases) {
        for (String alias : aliases) {
            Integer i = positions.get(alias);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** The cell of the named column in this row, or null when the header lacks it or the row is short. */
    public String cell(CSVRecord row, String... aliases) {
        int i = indexOf(aliases);
        return i < 0 || i >= row.size() ? null : row.get(i);
    }

    /**
     * Columns from names a format worked out itself (normalised here): for headers whose cells do not
     * name the columns alone (duplicate names told apart by a description row, spreadsheet header rows).
     */
    public static CsvColumns ofNames(List<String> names) {
        List<String> normalised = new ArrayList<>(names.size());
        names.forEach(n -> normalised.add(normalise(n)));
        return new CsvColumns(normalised);
    }

    /**
     * Every count of the row outside the named columns, by column name: the {@code extra} counters of
     * a row. Empty cells and placeholders are left out; a cell that is not a count rejects the row.
     */
    public static Map<String, Long> countsExcept(CsvColumns columns, CSVRecord row, Set<String> excluded) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
            String name = columns.names().get(i);
            if (!excluded.contains(name)) {
                Long value = CellValues.nonNegativeCount(row.get(i), name);
                if (value != null) {
                    counts.put(name, value);
                }
            }
        }
        return counts;
    }

    /** Rejects a row that is not as wide as the header: its cells would be read under the wrong names. */
    public static void requireWidth(CsvColumns columns, CSVRecord row) {
        if (row.size() != columns.size()) {
            throw new RowRejectedException("the row has " + row.size() + " fields, the header has " + columns.size());
        }
    }
}
