package org.practicepulse.ingest.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.practicepulse.ingest.AccountDayRow;
import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.CsvColumns;
import org.practicepulse.ingest.ExportFile;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.PostCounters;
import org.practicepulse.ingest.RowRejectedException;

/**
 * What the three files of a YouTube Studio export (Advanced mode, Export current view, CSV) share:
 * the channel, which YouTube names only in the zip ({@code Content 2026-08-01_2026-11-15 <channel>.zip}),
 * and the metric columns, which are whatever the user selected, each read by its kind.
 */
final class YouTubeStudio {

    static final String PLATFORM = "youtube";
    static final String UNKNOWN_CHANNEL = "unknown";

    /** "<dimension> <from>_<to> <channel>", as the zip (or the folder it unpacks to) is named; " (1)" added by browsers. */
    private static final Pattern EXPORT_NAME = Pattern.compile(
            "\\S.*? (\\d{4})-(\\d{2})-(\\d{2})_(\\d{4})-(\\d{2})-(\\d{2}) (.+?)(?: \\(\\d+\\))?(?:\\.zip)?");
    /** Money in the header's currency: "Estimated revenue (USD)", "RPM (EUR)". */
    private static final Pattern MONEY_OR_PERCENT = Pattern.compile(".*\\((?:[a-z]{3}|%)\\)");

    /** Counters YouTube reports per video and per day that are whole, non-negative numbers. */
    private static final Set<String> COUNTS = Set.of("views", "impressions", "likes", "dislikes", "shares",
            "comments added", "subscribers gained", "engaged views", "unique viewers", "new viewers", "returning viewers",
            "casual viewers", "regular viewers", "duration", "card clicks", "card impressions", "card teaser clicks",
            "card teaser impressions", "end screen element clicks", "end screen element impressions", "videos added",
            "videos removed", "playlist starts", "premium views", "youtube premium views");
    /** Counters that can be negative: net subscribers, and subscribers lost, which some exports write as -5. */
    private static final Set<String> SIGNED_COUNTS = Set.of("subscribers", "subscribers lost");
    private static final String WATCH_TIME_HOURS = "watch time (hours)";
    private static final String AVERAGE_VIEW_DURATION = "average view duration";

    /** How a metric column is read. */
    enum Kind {
        /** A whole number that cannot be negative. */
        COUNT,
        /** A whole number that may be negative. */
        SIGNED_COUNT,
        /** Hours as a decimal; kept as whole seconds. */
        HOURS,
        /** {@code H:MM:SS}; kept as whole seconds. */
        DURATION,
        /** Rates, percentages, averages, money: not counts, so not stored. */
        NOT_A_COUNT,
        /** A column we do not know: kept when it holds a whole number. */
        UNKNOWN
    }

    /** Range and channel of the export, from the zip's name. */
    record ExportName(LocalDate from, LocalDate to, String channel) {
    }

    private YouTubeStudio() {
    }

    static Kind kindOf(String column) {
        if (COUNTS.contains(column)) {
            return Kind.COUNT;
        }
        if (SIGNED_COUNTS.contains(column)) {
            return Kind.SIGNED_COUNT;
        }
        if (column.equals(WATCH_TIME_HOURS)) {
            return Kind.HOURS;
        }
        if (column.equals(AVERAGE_VIEW_DURATION)) {
            return Kind.DURATION;
        }
        if (MONEY_OR_PERCENT.matcher(column).matches() || column.startsWith("average ") || column.contains("rate")
                || column.contains("per viewer") || column.contains("revenue") || column.contains("rpm")
                || column.contains("cpm")) {
            return Kind.NOT_A_COUNT;
        }
        return Kind.UNKNOWN;
    }

    /**
     * The schema of one Studio file: its key and expected columns, and every metric YouTube Studio
     * names (counts, hours, durations, rates, money) as known; a metric we do not know is kept in
     * extra when it holds whole numbers, and named in the drift warning.
     */
    static CsvColumns.Schema schema(String format, CsvColumns.Column... columns) {
        return CsvColumns.Schema.of(format, CsvColumns.Unknown.KEPT_AS_EXTRA, columns).alsoKnowing(n -> kindOf(n) != Kind.UNKNOWN);
    }

    /** True for a column name YouTube Studio writes for a metric (detection of the one-metric Totals.csv). */
    static boolean isKnownMetric(String column) {
        return switch (kindOf(column)) {
            case COUNT -> !column.equals("duration");
            case SIGNED_COUNT, HOURS, DURATION -> true;
            case NOT_A_COUNT -> MONEY_OR_PERCENT.matcher(column).matches() || column.startsWith("average ");
            case UNKNOWN -> false;
        };
    }

    /** The zip's name (or the folder inside it) as YouTube writes it; empty for a lone or renamed file. */
    static Optional<ExportName> exportName(ExportFile file) {
        List<String> names = new ArrayList<>();
        file.archiveName().ifPresent(name -> names.add(lastSegment(name)));
        String[] parts = (file.fileName() == null ? "" : file.fileName()).split("[/\\\\]");
        for (int i = parts.length - 2; i >= 0; i--) {
            names.add(parts[i]);
        }
        for (String name : names) {
            Matcher m = EXPORT_NAME.matcher(name);
            if (m.matches()) {
                try {
                    return Optional.of(new ExportName(date(m, 1), date(m, 4), m.group(7).strip()));
                } catch (DateTimeException e) {
                    // dates that are not dates: not YouTube's name
                }
            }
        }
        return Optional.empty();
    }

    /** The channel the export names; "unknown", with a warning, when the file came without YouTube's zip name. */
    static String channel(ExportFile file, ImportSink sink) {
        Optional<ExportName> name = exportName(file);
        if (name.isPresent()) {
            return name.get().channel();
        }
        sink.warn(null, "YouTube names the channel only in its zip ('Content <from>_<to> <channel>.zip'); this file came "
                + "without that name, so its rows were stored under the account '" + UNKNOWN_CHANNEL + "'");
        return UNKNOWN_CHANNEL;
    }

    /**
     * The metric cells of a row, by column, in whole units (hours and durations as seconds). Empty
     * cells are left out; rates, percentages and money are not counts and are left out too.
     */
    static Map<String, Long> values(CsvColumns columns, CSVRecord row, List<Integer> metricPositions) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (int i : metricPositions) {
            String column = columns.names().get(i);
            String raw = i < row.size() ? row.get(i) : null;
            Long value = switch (kindOf(column)) {
                case COUNT -> CellValues.nonNegativeCount(raw, column);
                case SIGNED_COUNT -> CellValues.count(raw, column);
                case HOURS -> hoursAsSeconds(raw, column);
                case DURATION -> CellValues.durationSeconds(raw, column);
                case NOT_A_COUNT -> null;
                case UNKNOWN -> wholeNumberOrNull(raw, column);
            };
            if (value != null) {
                values.put(column, value);
            }
        }
        return values;
    }

    /** The name a value is kept under in {@code extra}: its column, with the unit it is stored in. */
    static String extraKey(String column) {
        return switch (kindOf(column)) {
            case HOURS -> column.replace("(hours)", "(seconds)");
            case DURATION -> column + " (seconds)";
            default -> column;
        };
    }

    /** A video's counters; everything else the row carries goes to {@link #postExtra}. */
    static PostCounters postCounters(Map<String, Long> v) {
        Long likes = v.get("likes");
        Long comments = v.get("comments added");
        Long shares = v.get("shares");
        // Subscribers gained is the closest to other platforms' follows; without it, the net figure
        Long follows = v.containsKey("subscribers gained") ? v.get("subscribers gained") : v.get("subscribers");
        return new PostCounters(v.get("impressions"), null, VideoEngagements.of(likes, comments, shares), likes, comments,
                shares, null, null, null, v.get("views"), v.get(WATCH_TIME_HOURS), follows);
    }

    static Map<String, Long> postExtra(Map<String, Long> v) {
        return extra(v, Set.of("impressions", "likes", "comments added", "shares", "views", WATCH_TIME_HOURS));
    }

    /** One day of the channel from the channel's daily totals. */
    static AccountDayRow accountDay(String channel, LocalDate day, Map<String, Long> v) {
        Long lost = v.get("subscribers lost");
        return new AccountDayRow(PLATFORM, channel, day, null, v.get("subscribers gained"), lost == null ? null : Math.abs(lost),
                null, null, v.get("impressions"), null,
                VideoEngagements.of(v.get("likes"), v.get("comments added"), v.get("shares")), v.get("views"),
                v.get(WATCH_TIME_HOURS), null,
                extra(v, Set.of("impressions", "views", WATCH_TIME_HOURS, "subscribers gained", "subscribers lost")));
    }

    private static Map<String, Long> extra(Map<String, Long> values, Set<String> stored) {
        Map<String, Long> extra = new LinkedHashMap<>();
        values.forEach((column, value) -> {
            if (!stored.contains(column)) {
                extra.put(extraKey(column), value);
            }
        });
        return extra;
    }

    private static Long hoursAsSeconds(String raw, String column) {
        BigDecimal hours = CellValues.decimal(raw, column);
        if (hours == null) {
            return null;
        }
        if (hours.signum() < 0) {
            throw new RowRejectedException(column + ": " + raw.strip() + " is negative");
        }
        return hours.multiply(BigDecimal.valueOf(3600)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** A column we do not know: its whole numbers are kept, anything else is not a count and is left out. */
    private static Long wholeNumberOrNull(String raw, String column) {
        try {
            BigDecimal value = CellValues.decimal(raw, column);
            return value == null || value.stripTrailingZeros().scale() > 0 ? null : value.longValueExact();
        } catch (RowRejectedException | ArithmeticException e) {
            return null;
        }
    }

    private static LocalDate date(Matcher m, int group) {
        return LocalDate.of(Integer.parseInt(m.group(group)), Integer.parseInt(m.group(group + 1)),
                Integer.parseInt(m.group(group + 2)));
    }

    private static String lastSegment(String name) {
        String[] parts = name.split("[/\\\\]");
        return parts[parts.length - 1];
    }
}
