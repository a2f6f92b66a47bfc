package org.practicepulse.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.practicepulse.analytics.MetricFigures;
import org.practicepulse.analytics.MetricsService;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The weekly engagement dashboard's two last panels, "Follower growth" and "Social sessions and
 * conversions", from the same /api/metrics/weekly answer as the weekly trend: one row per ISO
 * week (all platforms), drawn in the PDF as the dashboard's charts.
 */
@ApplicationScoped
public class WeeklyFollowersAndTrafficSections implements SectionProvider {

    public static final String FOLLOWERS_TITLE = "Follower growth";
    public static final String TRAFFIC_TITLE = "Social sessions and conversions";

    @Override
    public int order() {
        return 55;
    }

    @Override
    public boolean contributesTo(Dashboard dashboard) {
        return dashboard == Dashboard.WEEKLY_ENGAGEMENT;
    }

    @Override
    public List<ReportSection> sections(ReportContext context) {
        MetricsService.Weekly weekly = context.weekly();
        List<List<Cell>> followers = new ArrayList<>();
        List<List<Cell>> traffic = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<Long> gained = new ArrayList<>();
        List<Double> growthRate = new ArrayList<>();
        List<Long> sessions = new ArrayList<>();
        List<Double> conversionRate = new ArrayList<>();
        for (MetricsService.Week week : weekly.weeks()) {
            MetricFigures f = week.figures();
            followers.add(List.of(Cell.text(week.week()), Cell.date(week.weekStart()), Cell.date(week.weekEnd()),
                    Cell.integer(f.followers()), Cell.integer(f.followersGained()), Cell.percent(f.followerGrowthRate().value())));
            traffic.add(List.of(Cell.text(week.week()), Cell.date(week.weekStart()), Cell.date(week.weekEnd()),
                    Cell.integer(f.sessions()), Cell.count(f.conversions()), Cell.percent(f.conversionRate().value())));
            categories.add(TrendChart.weekLabel(week.weekStart()));
            gained.add(f.followersGained());
            growthRate.add(f.followerGrowthRate().value());
            sessions.add(f.sessions());
            conversionRate.add(f.conversionRate().value());
        }
        List<String> weekColumns = List.of("Week", "Week start", "Week end");
        List<String> followerColumns = new ArrayList<>(weekColumns);
        followerColumns.addAll(List.of("Followers", "Net follower growth", "Follower growth rate"));
        List<String> trafficColumns = new ArrayList<>(weekColumns);
        trafficColumns.addAll(List.of("Social sessions", "Conversions", "Conversion rate"));
        boolean anyFollowers = gained.stream().anyMatch(v -> v != null);
        boolean anyTraffic = sessions.stream().anyMatch(v -> v != null);
        return List.of(
                section(FOLLOWERS_TITLE, followerColumns, followers, anyFollowers, new TrendChart(
                        "Net follower growth and growth rate, by week (" + weekly.timeZone() + ")", categories,
                        series("Net follower growth", gained), "Net follower growth", growthRate, "Follower growth rate")),
                section(TRAFFIC_TITLE, trafficColumns, traffic, anyTraffic, new TrendChart(
                        "Social sessions and conversion rate, by week (" + weekly.timeZone() + ")", categories,
                        series("Social sessions", sessions), "Social sessions", conversionRate, "Conversion rate")));
    }

    /** The chart when the practice reports such figures at all; else the table, whose empty cells say "not reported". */
    private static ReportSection section(String title, List<String> columns, List<List<Cell>> rows, boolean any,
            TrendChart chart) {
        return any ? new ReportSection(title, ReportSection.Layout.CHART, columns, rows, chart)
                : ReportSection.table(title, columns, rows);
    }

    private static Map<String, List<Long>> series(String name, List<Long> values) {
        Map<String, List<Long>> bars = new LinkedHashMap<>();
        bars.put(name, values);
        return bars;
    }

}
