package org.practicepulse.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.practicepulse.analytics.MetricFigures;
import org.practicepulse.analytics.MetricsService;

import jakarta.enterprise.context.ApplicationScoped;

/** The weekly trend by platform, as /api/metrics/weekly answers it; the PDF draws it as the dashboard's chart. */
@ApplicationScoped
public class WeeklyTrendSection implements SectionProvider {

    public static final String ALL_PLATFORMS = "All platforms";

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean contributesTo(Dashboard dashboard) {
        return dashboard == Dashboard.WEEKLY_ENGAGEMENT;
    }

    @Override
    public List<ReportSection> sections(ReportContext context) {
        MetricsService.Weekly weekly = context.weekly();
        TreeSet<String> platforms = new TreeSet<>();
        weekly.weeks().forEach(w -> platforms.addAll(w.byPlatform().keySet()));
        List<List<Cell>> rows = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        Map<String, List<Long>> bars = new LinkedHashMap<>();
        platforms.forEach(p -> bars.put(p, new ArrayList<>()));
        List<Double> rates = new ArrayList<>();
        for (MetricsService.Week week : weekly.weeks()) {
            rows.add(row(week, ALL_PLATFORMS, week.figures()));
            week.byPlatform().forEach((platform, figures) -> rows.add(row(week, platform, figures)));
            categories.add(TrendChart.weekLabel(week.weekStart()));
            for (String platform : platforms) {
                MetricFigures figures = week.byPlatform().get(platform);
                // As the dashboard's chart: a platform without impressions that week is a zero-height bar.
                bars.get(platform).add(figures == null || figures.impressions() == null ? 0L : figures.impressions());
            }
            rates.add(week.figures().engagementRate().value());
        }
        List<String> columns = List.of("Week", "Week start", "Week end", "Platform", "Posts", "Impressions", "Reach",
                "Engagements", "Engagement rate", "Link clicks", "Video views");
        TrendChart chart = new TrendChart("Impressions by platform and engagement rate, by week (" + weekly.timeZone() + ")",
                categories, bars, "Impressions", rates, "Engagement rate");
        return List.of(new ReportSection("Weekly trend", ReportSection.Layout.CHART, columns, rows, chart));
    }

    private static List<Cell> row(MetricsService.Week week, String platform, MetricFigures f) {
        return List.of(Cell.text(week.week()), Cell.date(week.weekStart()), Cell.date(week.weekEnd()), Cell.text(platform),
                Cell.integer(f.posts()), Cell.integer(f.impressions()), Cell.integer(f.reach()), Cell.integer(f.engagements()),
                Cell.percent(f.engagementRate().value()), Cell.integer(f.clicks()), Cell.integer(f.videoViews()));
    }
}
