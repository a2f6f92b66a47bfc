package org.practicepulse.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A weekly trend as the dashboard draws it: impressions per platform stacked in bars, and the
 * engagement rate of all platforms as a line on a second axis.
 */
public record TrendChart(String title, List<String> categories, Map<String, List<Long>> barsBySeries, String barAxis,
        List<Double> line, String lineName) {

    private static final DateTimeFormatter AXIS_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    /** A week's label on every weekly chart's axis: its Monday, "Sep 14". */
    public static String weekLabel(LocalDate weekStart) {
        return AXIS_DAY.format(weekStart);
    }
}
