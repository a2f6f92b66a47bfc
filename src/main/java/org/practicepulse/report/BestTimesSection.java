package org.practicepulse.report;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.practicepulse.analytics.PostsQuery;

import jakarta.enterprise.context.ApplicationScoped;

/** Engagement rate by weekday and hour of publication (/api/metrics/best-times), best first, with post counts so thin cells show. */
@ApplicationScoped
public class BestTimesSection implements SectionProvider {

    private static final Comparator<PostsQuery.TimeCell> BEST_FIRST = Comparator
            .comparing((PostsQuery.TimeCell c) -> c.engagementRate().value(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(PostsQuery.TimeCell::posts, Comparator.reverseOrder())
            .thenComparing(PostsQuery.TimeCell::weekday).thenComparing(PostsQuery.TimeCell::hour);

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean contributesTo(Dashboard dashboard) {
        return dashboard == Dashboard.WEEKLY_ENGAGEMENT;
    }

    @Override
    public List<ReportSection> sections(ReportContext context) {
        List<List<Cell>> rows = new ArrayList<>();
        for (PostsQuery.TimeCell cell : context.bestTimes().stream().sorted(BEST_FIRST).toList()) {
            rows.add(List.of(Cell.text(DayOfWeek.of(cell.weekday()).getDisplayName(TextStyle.FULL, Locale.US)),
                    Cell.integer(cell.hour()), Cell.integer(cell.posts()), Cell.percent(cell.engagementRate().value())));
        }
        return List.of(ReportSection.table("Best times to post",
                List.of("Weekday", "Hour (" + context.practice().timeZone + ")", "Posts", "Engagement rate"), rows));
    }
}
