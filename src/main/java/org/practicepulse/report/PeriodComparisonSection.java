package org.practicepulse.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.practicepulse.analytics.Metric;
import org.practicepulse.analytics.MetricsService;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each figure of the period beside the preceding period of equal length and the relative change,
 * straight from the API's summary. The weekly engagement report shows the dashboard's tiles; the
 * leadership report every metric.
 */
@ApplicationScoped
public class PeriodComparisonSection implements SectionProvider {

    /** The dashboard's tiles, in its order. */
    static final List<Metric> DASHBOARD_TILES = List.of(Metric.POSTS, Metric.IMPRESSIONS, Metric.REACH, Metric.ENGAGEMENTS,
            Metric.ENGAGEMENT_RATE, Metric.CLICKS, Metric.SESSIONS, Metric.CONVERSIONS, Metric.CONVERSION_RATE,
            Metric.FOLLOWERS_GAINED);

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean contributesTo(Dashboard dashboard) {
        return true;
    }

    @Override
    public List<ReportSection> sections(ReportContext context) {
        MetricsService.Summary summary = context.summary();
        boolean leadership = context.dashboard() == Dashboard.LEADERSHIP;
        List<Metric> metrics = leadership ? Arrays.asList(Metric.values()) : DASHBOARD_TILES;
        Map<String, Double> now = summary.figures().values();
        Map<String, Double> before = summary.previous().figures().values();
        List<List<Cell>> rows = new ArrayList<>();
        for (Metric metric : metrics) {
            rows.add(List.of(Cell.text(metric.label()), figure(metric, now.get(metric.key())),
                    figure(metric, before.get(metric.key())), Cell.percent(summary.change().get(metric.key()))));
        }
        List<String> columns = List.of("Metric", "This period (" + summary.from() + " to " + summary.to() + ")",
                "Previous period (" + summary.previous().from() + " to " + summary.previous().to() + ")", "Change");
        return List.of(ReportSection.tiles(leadership ? "Period comparison" : "Key figures", columns, rows));
    }

    private static Cell figure(Metric metric, Double value) {
        return metric.kind() == Metric.Kind.RATIO ? Cell.percent(value) : Cell.count(value);
    }
}
