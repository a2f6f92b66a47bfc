package org.practicepulse.report;

import java.util.List;
import java.util.Map;

/**
 * A weekly trend as the dashboard draws it: impressions per platform stacked in bars, and the
 * engagement rate of all platforms as a line on a second axis.
 */
public record TrendChart(String title, List<String> categories, Map<String, List<Long>> barsBySeries, String barAxis,
        List<Double> line, String lineName) {
}
