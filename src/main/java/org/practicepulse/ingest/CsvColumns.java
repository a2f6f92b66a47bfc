package org.practicepulse.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The header of a CSV table: column names, normalised (trimmed, lower case), to their positions.
 * What each format knows of its header (the key columns that identify it, the columns it reads,
 * the columns it recognises) is a {@link Schema}, checked here for every format alike.
 */
public final class CsvColumns {

    private final List<String> names;
    /** The names as the file writes them (stripped), for messages. */
    private final List<String> labels;
    private final Map<String, Integer> positions = new LinkedHashMap<>();

    private CsvColumns(List<String> names, List<String> labels) {
        this.names = Collections.unmodifiableList(names);
        this.labels = Collections.unmodifiableList(labels);
        for (int i = 0; i < names.size(); i++) {
            positions.putIfAbsent(names.get(i), i); // the first of duplicate names wins
        }
    }

    private CsvColumns(List<String> names) {
        this(names, names);
    }

    public static CsvColumns of(CSVRecord header) {
        return ofNames(header.toList());
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

    /** The name of column i as the file writes it (BOM and surrounding blanks removed). */
    public String label(int i) {
        return labels.get(i);
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
        List<String> labels = new ArrayList<>(names.size());
        for (String n : names) {
            normalised.add(normalise(n));
            labels.add(n == null ? "" : n.replace("\uFEFF", "").strip().replaceAll("\\s+", " "));
        }
        return new CsvColumns(normalised, labels);
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

    /**
     * Like {@link #countsExcept(CsvColumns, CSVRecord, Set)}, but lenient with the columns the schema
     * does not know: a new column that holds anything but counts is left out instead of rejecting the
     * row (the drift warning has named it already).
     */
    public static Map<String, Long> countsExcept(CsvColumns columns, CSVRecord row, Set<String> excluded, Schema schema) {
        ExtraColumns extra = columns.extraColumns(excluded, schema);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int k = 0; k < extra.positions.length && extra.positions[k] < row.size(); k++) {
            int i = extra.positions[k];
            String name = columns.names.get(i);
            if (counts.containsKey(name)) {
                continue;
            }
            Long value;
            if (extra.known[k]) {
                value = CellValues.nonNegativeCount(row.get(i), name);
            } else {
                try {
                    value = CellValues.nonNegativeCount(row.get(i), name);
                } catch (RowRejectedException e) {
                    value = null;
                }
            }
            if (value != null) {
                counts.put(name, value);
            }
        }
        return counts;
    }

    /** The columns that feed a row's extra counters, and whether the schema knows each: the same for every row. */
    private record ExtraColumns(Set<String> excluded, Schema schema, int[] positions, boolean[] known) {
    }

    /** Worked out once per header (not per row): asking the schema runs its name patterns. */
    private volatile ExtraColumns extraColumns;

    private ExtraColumns extraColumns(Set<String> excluded, Schema schema) {
        ExtraColumns cached = extraColumns;
        if (cached != null && cached.excluded == excluded && cached.schema == schema) {
            return cached;
        }
        int[] positions = new int[names.size()];
        boolean[] known = new boolean[names.size()];
        int n = 0;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!excluded.contains(name) && !name.isEmpty()) {
                positions[n] = i;
                known[n++] = schema.knows(name);
            }
        }
        cached = new ExtraColumns(excluded, schema, Arrays.copyOf(positions, n), Arrays.copyOf(known, n));
        extraColumns = cached;
        return cached;
    }

    /** Rejects a row that is not as wide as the header: its cells would be read under the wrong names. */
    public static void requireWidth(CsvColumns columns, CSVRecord row) {
        if (row.size() != columns.size()) {
            throw new RowRejectedException("the row has " + row.size() + " fields, the header has " + columns.size());
        }
    }

    /**
     * One column a format knows: its label (as the platform names it, for messages) and the
     * normalised names it goes by (aliases of renamed versions), or a pattern of names.
     *
     * @param role key columns identify the format (detection requires every one); expected columns
     *             feed a stored value, so a file without one is imported with a warning naming it;
     *             optional columns are known but come and go (rates, legacy or selectable metrics)
     */
    public record Column(String label, Role role, List<String> names, Pattern pattern) {

        /** How a column counts for detection and drift warnings. */
        public enum Role {
            KEY, EXPECTED, OPTIONAL
        }

        /** A column that identifies the format; without aliases it goes by its label. */
        public static Column key(String label, String... aliases) {
            return new Column(label, Role.KEY, namesOf(label, aliases), null);
        }

        /** A column whose value is stored; a missing one is named in a warning. */
        public static Column expected(String label, String... aliases) {
            return new Column(label, Role.EXPECTED, namesOf(label, aliases), null);
        }

        /** Known columns that may be absent without a warning. */
        public static Column optional(String label, String... aliases) {
            return new Column(label, Role.OPTIONAL, namesOf(label, aliases), null);
        }

        /** Every column whose normalised name matches the regular expression (a family: "promoted .*"). */
        public static Column optionalMatching(String label, String regex) {
            return new Column(label, Role.OPTIONAL, List.of(), Pattern.compile(regex));
        }

        /** An expected column that goes by any name matching the regular expression (or one of the names). */
        public static Column expectedMatching(String label, String regex, String... aliases) {
            return new Column(label, Role.EXPECTED, List.of(aliases).stream().map(CsvColumns::normalise).toList(),
                    Pattern.compile(regex));
        }

        /** Several optional columns at once, each by its own name. */
        public static List<Column> optional(List<String> labels) {
            return labels.stream().map(Column::optional).toList();
        }

        private static List<String> namesOf(String label, String... aliases) {
            return aliases.length == 0 ? List.of(normalise(label)) : List.of(aliases).stream().map(CsvColumns::normalise).toList();
        }

        public boolean matches(String normalisedName) {
            return names.contains(normalisedName) || pattern != null && pattern.matcher(normalisedName).matches();
        }

        /** True when the header has this column under one of its names. */
        public boolean isIn(CsvColumns header) {
            return header.names.stream().anyMatch(this::matches);
        }
    }

    /** What a format does with the columns it does not know. */
    public enum Unknown {
        /** Not read at all. */
        IGNORED("ignored"),
        /** Their whole numbers are kept in the row's {@code extra}, by column name. */
        KEPT_AS_EXTRA("kept in extra by name where they hold counts");

        private final String what;

        Unknown(String what) {
            this.what = what;
        }
    }

    /**
     * What one format knows of its header: key columns (required for detection), expected columns (a
     * missing one is reported), optional ones, and what happens to the others. Every format declares
     * one, so that column drift (a renamed, missing or new column) is reported alike everywhere:
     * the file imports with a warning naming what was missing and what was unknown, as long as its
     * key columns are there; without them it is not recognised at all.
     */
    public static final class Schema {

        private final String format;
        private final List<Column> columns;
        private final Unknown unknown;
        private final Predicate<String> alsoKnown;

        private Schema(String format, List<Column> columns, Unknown unknown, Predicate<String> alsoKnown) {
            this.format = format;
            this.columns = List.copyOf(columns);
            this.unknown = unknown;
            this.alsoKnown = alsoKnown;
        }

        /** The schema of the format with this id. */
        public static Schema of(String format, Unknown unknown, List<Column> columns) {
            return new Schema(format, columns, unknown, name -> false);
        }

        public static Schema of(String format, Unknown unknown, Column... columns) {
            return of(format, unknown, List.of(columns));
        }

        /** The same schema, which also knows the names this predicate accepts (names computed elsewhere). */
        public Schema alsoKnowing(Predicate<String> names) {
            Predicate<String> before = alsoKnown;
            return new Schema(format, columns, unknown, n -> before.test(n) || names.test(n));
        }

        /** The same schema with more columns. */
        public Schema with(List<Column> more) {
            List<Column> all = new ArrayList<>(columns);
            all.addAll(more);
            return new Schema(format, all, unknown, alsoKnown);
        }

        public List<Column> columns() {
            return columns;
        }

        public List<Column> keys() {
            return columns.stream().filter(c -> c.role() == Column.Role.KEY).toList();
        }

        /** The first name of every key column: what a format looks for where it has no header (JSON keys). */
        public List<String> keyNames() {
            return keys().stream().map(c -> c.names().get(0)).toList();
        }

        /** True when the header has every key column. */
        public boolean recognises(CsvColumns header) {
            return keys().stream().allMatch(c -> c.isIn(header));
        }

        /**
         * True when every key column is present by one of its names: for files without a header line
         * (JSON, whose keys a format looks for in the text).
         */
        public boolean recognisesNames(Predicate<String> present) {
            return keys().stream().allMatch(c -> c.names().stream().anyMatch(present));
        }

        /** The labels of the expected columns the header lacks. */
        public List<String> missing(CsvColumns header) {
            return columns.stream().filter(c -> c.role() == Column.Role.EXPECTED && !c.isIn(header)).map(Column::label).toList();
        }

        /** True for a (normalised) name this schema knows. */
        public boolean knows(String name) {
            return alsoKnown.test(name) || columns.stream().anyMatch(c -> c.matches(name));
        }

        /** The header's columns this schema does not know, as the file names them (blank names left out). */
        public List<String> unknown(CsvColumns header) {
            List<String> found = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.names().get(i);
                if (!name.isEmpty() && !knows(name) && !found.contains(header.label(i))) {
                    found.add(header.label(i));
                }
            }
            return found;
        }

        /**
         * Names, in one warning each, the expected columns the header lacks and the columns it has
         * that this format does not know. Nothing is said of a header that has everything it should.
         *
         * @param where what the header belongs to, for files of several tables ("sheet 'Metrics'"), or null
         */
        public void report(CsvColumns header, Long line, ImportSink sink, String where) {
            String in = where == null ? "" : where + ": ";
            List<String> unknownColumns = unknown(header);
            if (!unknownColumns.isEmpty()) {
                sink.warn(line, in + "unknown column" + (unknownColumns.size() == 1 ? "" : "s") + " " + unknown.what + ": "
                        + String.join(", ", unknownColumns.stream().map(CellValues::abbreviate).toList()));
            }
            List<String> missing = missing(header);
            if (!missing.isEmpty()) {
                sink.warn(line, in + (missing.size() == 1 ? "column" : "columns") + " missing from this " + format
                        + " export: " + String.join(", ", missing) + "; " + (missing.size() == 1 ? "its values are" : "their values are")
                        + " stored as not reported (null)");
            }
        }

        public void report(CsvColumns header, Long line, ImportSink sink) {
            report(header, line, sink, null);
        }
    }
}
