package org.practicepulse.analytics;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Engagement figures of a period and of its ISO weeks, all summed from one query's cells. */
@ApplicationScoped
public class EngagementService {

    @Inject
    PostTotalsQuery query;

    /** One ISO week: Monday to Sunday in the practice's time zone, limited to the period. */
    public record Week(String week, LocalDate weekStart, LocalDate weekEnd, EngagementFigures figures,
            Map<String, EngagementFigures> byPlatform) {
    }

    public EngagementFigures summary(long practiceId, ReportingPeriod period, String platform) {
        PostTotals total = PostTotals.NONE;
        for (PostTotalsQuery.Cell cell : query.byWeekAndPlatform(practiceId, period, platform)) {
            total = total.plus(cell.totals());
        }
        return EngagementFigures.of(total);
    }

    /** Every week of the period, weeks without posts included (with zeros). */
    public List<Week> weekly(long practiceId, ReportingPeriod period, String platform) {
        Map<LocalDate, Map<String, PostTotals>> cells = new TreeMap<>();
        for (PostTotalsQuery.Cell cell : query.byWeekAndPlatform(practiceId, period, platform)) {
            cells.computeIfAbsent(cell.week(), w -> new TreeMap<>()).merge(cell.platform(), cell.totals(), PostTotals::plus);
        }
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = period.firstWeek(); !monday.isAfter(period.to()); monday = monday.plusWeeks(1)) {
            Map<String, PostTotals> platforms = cells.getOrDefault(monday, Map.of());
            PostTotals total = platforms.values().stream().reduce(PostTotals.NONE, PostTotals::plus);
            Map<String, EngagementFigures> byPlatform = new TreeMap<>();
            platforms.forEach((p, t) -> byPlatform.put(p, EngagementFigures.of(t)));
            LocalDate start = monday.isBefore(period.from()) ? period.from() : monday;
            LocalDate sunday = monday.plusDays(6);
            LocalDate end = sunday.isAfter(period.to()) ? period.to() : sunday;
            String label = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            weeks.add(new Week(label, start, end, EngagementFigures.of(total), byPlatform));
        }
        return weeks;
    }
}
