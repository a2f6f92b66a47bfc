package org.practicepulse.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.practicepulse.analytics.MetricsService;
import org.practicepulse.analytics.PostsQuery;
import org.practicepulse.analytics.ReportingPeriod;
import org.practicepulse.practice.Practice;
import org.practicepulse.reputation.ReviewsQuery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Makes reports: the sections every provider contributes to a dashboard, written in the format asked for. */
@ApplicationScoped
public class Reports {

    @Inject
    MetricsService metrics;
    @Inject
    PostsQuery posts;
    @Inject
    ReviewsQuery reviews;
    @Inject
    Instance<SectionProvider> providers;
    @Inject
    Instance<ReportWriter> writers;

    /** The analytics answers of one practice, dashboard and period, computed on first use. */
    public ReportContext context(Practice practice, Dashboard dashboard, ReportingPeriod period) {
        return new ReportContext(practice, dashboard, period, metrics, posts, reviews);
    }

    public Report build(ReportContext context) {
        List<SectionProvider> contributing = new ArrayList<>();
        for (SectionProvider provider : providers) {
            if (provider.contributesTo(context.dashboard())) {
                contributing.add(provider);
            }
        }
        contributing.sort(Comparator.comparingInt(SectionProvider::order).thenComparing(p -> p.getClass().getName()));
        List<ReportSection> sections = new ArrayList<>();
        for (SectionProvider provider : contributing) {
            sections.addAll(provider.sections(context));
        }
        return new Report(context.practice().slug, context.practice().name, context.dashboard(), context.period(),
                Instant.now(), sections);
    }

    public ReportFile write(Report report, ReportFormat format) {
        for (ReportWriter writer : writers) {
            if (writer.format() == format) {
                try {
                    return writer.write(report);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not write the " + format.id() + " report", e);
                }
            }
        }
        throw new IllegalStateException("no writer for " + format);
    }

    public ReportFile export(Practice practice, Dashboard dashboard, ReportingPeriod period, ReportFormat format) {
        return write(build(context(practice, dashboard, period)), format);
    }
}
