package org.practicepulse.analytics;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Summary and weekly figures of a period, with the preceding period and provenance. */
@ApplicationScoped
public class MetricsService {

    @Inject
    MetricsQuery query;
    @Inject
    Provenance provenance;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String practice, LocalDate from, LocalDate to, String platform, String account,
            @JsonUnwrapped MetricFigures figures, Period previous, Map<String, Double> change,
            List<Provenance.DefinitionBreak> definitionBreaks, Map<String, Provenance.Explanation> explain) {
    }

    /** The preceding period of equal length. */
    public record Period(LocalDate from, LocalDate to, @JsonUnwrapped MetricFigures figures) {
    }

    /** One ISO week (Monday to Sunday, practice time zone), cut to the period. */
    public record Week(String week, LocalDate weekStart, LocalDate weekEnd, @JsonUnwrapped MetricFigures figures,
            Map<String, MetricFigures> byPlatform) {
    }

    public record Weekly(String practice, LocalDate from, LocalDate to, String platform, String account, String timeZone,
            List<Week> weeks, List<Provenance.DefinitionBreak> definitionBreaks) {
    }

    public Summary summary(String practiceSlug, MetricsQuery.Scope scope, ReportingPeriod period, String account,
            boolean explain) {
        LocalDate previousTo = period.from().minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(period.days() - 1);
        PeriodData data = query.load(scope, previousFrom, period.to());
        MetricFigures current = data.figures(period.from(), period.to(), null);
        MetricFigures previous = data.figures(previousFrom, previousTo, null);
        return new Summary(practiceSlug, period.from(), period.to(), scope.platform(), account, current,
                new Period(previousFrom, previousTo, previous), change(current, previous),
                provenance.definitionBreaks(scope, period), explain ? provenance.explain(scope, period) : null);
    }

    public Weekly weekly(String practiceSlug, MetricsQuery.Scope scope, ReportingPeriod period, String account) {
        PeriodData data = query.load(scope, period.from(), period.to());
        TreeSet<String> platforms = new TreeSet<>();
        data.posts().forEach(c -> platforms.add(c.platform()));
        data.traffic().forEach(c -> platforms.add(c.platform()));
        data.accounts().values().forEach(a -> platforms.add(a.platform()));
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = period.firstWeek(); !monday.isAfter(period.to()); monday = monday.plusWeeks(1)) {
            LocalDate start = monday.isBefore(period.from()) ? period.from() : monday;
            LocalDate sunday = monday.plusDays(6);
            LocalDate end = sunday.isAfter(period.to()) ? period.to() : sunday;
            Map<String, MetricFigures> byPlatform = new TreeMap<>();
            for (String platform : platforms) {
                byPlatform.put(platform, data.figures(start, end, platform));
            }
            String label = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            weeks.add(new Week(label, start, end, data.figures(start, end, null), byPlatform));
        }
        return new Weekly(practiceSlug, period.from(), period.to(), scope.platform(), account, scope.zone().getId(), weeks,
                provenance.definitionBreaks(scope, period));
    }

    /** One account's figures, with the clinician it belongs to. */
    public record AccountFigures(String platform, String account, String clinician, @JsonUnwrapped MetricFigures figures) {
    }

    /** Figures per account of the practice that has any data in the period, by platform and handle. */
    public List<AccountFigures> byAccount(MetricsQuery.Scope scope, ReportingPeriod period, List<Account> accounts) {
        List<AccountFigures> rows = new ArrayList<>();
        for (Account a : accounts) {
            MetricsQuery.Scope one = new MetricsQuery.Scope(scope.practiceId(), scope.zone(), scope.platform(), List.of(a.id()));
            MetricFigures f = query.load(one, period.from(), period.to()).figures(period.from(), period.to(), null);
            if (f.posts() > 0 || f.followers() != null || f.followersGained() != null) {
                rows.add(new AccountFigures(a.platform(), a.handle(), a.clinician(), f));
            }
        }
        return rows;
    }

    /** An account of the practice. */
    public record Account(long id, String platform, String handle, String clinician) {
    }

    /** Relative change (current − previous) / previous of every figure; null where previous is 0 or unknown. */
    static Map<String, Double> change(MetricFigures current, MetricFigures previous) {
        Map<String, Double> before = previous.values();
        Map<String, Double> change = new LinkedHashMap<>();
        current.values().forEach((key, now) -> {
            Double then = before.get(key);
            change.put(key, now == null || then == null || then == 0 ? null : (now - then) / Math.abs(then));
        });
        return change;
    }
}
