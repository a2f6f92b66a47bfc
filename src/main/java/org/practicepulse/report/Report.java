package org.practicepulse.report;

import java.time.Instant;
import java.util.List;

import org.practicepulse.analytics.ReportingPeriod;

/** A dashboard of one practice and period, as sections of typed tables, ready for any writer. */
public record Report(String practiceSlug, String practiceName, Dashboard dashboard, ReportingPeriod period,
        Instant generatedAt, List<ReportSection> sections) {

    public Report {
        sections = List.copyOf(sections);
    }

    /** practice_dashboard_from_to.extension: the name says whose report it is and which days it covers. */
    public String fileName(String extension) {
        return practiceSlug + "_" + dashboard.id() + "_" + period.from() + "_" + period.to() + "." + extension;
    }
}
