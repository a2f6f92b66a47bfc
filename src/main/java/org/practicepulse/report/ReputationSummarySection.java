package org.practicepulse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.practicepulse.analytics.Ratio;
import org.practicepulse.reputation.ReviewsQuery;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The reputation summary, as GET /api/reputation/summary answers it for the period (reviews count
 * by when they were written): one row for all sites with the rating distribution, then one row
 * per site. The per-site rows leave the distribution, safety and risky-reply cells empty because
 * the API does not break those down by site. In the weekly engagement report too: the practice
 * owner reads it there (issue 8: the PDF carries the reputation summary).
 */
@ApplicationScoped
public class ReputationSummarySection implements SectionProvider {

    public static final String TITLE = "Reputation summary";
    public static final String ALL_SITES = "All sites";
    public static final List<String> COLUMNS = List.of("Site", "Reviews", "Average rating", "1 star", "2 stars", "3 stars",
            "4 stars", "5 stars", "Negative", "Safety flagged", "Answered", "Response rate of", "Response rate",
            "Median response hours", "Net sentiment", "Risky replies");

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean contributesTo(Dashboard dashboard) {
        return true;
    }

    @Override
    public List<ReportSection> sections(ReportContext context) {
        ReviewsQuery.Summary s = context.reputation();
        List<List<Cell>> rows = new ArrayList<>();
        List<Cell> all = new ArrayList<>(List.of(Cell.text(ALL_SITES), Cell.integer(s.reviews()), decimal(s.averageRating())));
        Map<String, Long> distribution = s.ratingDistribution();
        for (int stars = 1; stars <= 5; stars++) {
            all.add(Cell.integer(distribution.get(Integer.toString(stars))));
        }
        all.add(Cell.integer(s.negative()));
        all.add(Cell.integer(s.safety()));
        addRate(all, s.responseRate());
        all.add(decimal(s.medianResponseHours()));
        all.add(Cell.percent(s.netSentiment()));
        all.add(Cell.integer(s.riskyReplies()));
        rows.add(all);
        for (ReviewsQuery.SiteFigures site : s.bySite()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.text(site.site()), Cell.integer(site.reviews()),
                    decimal(site.averageRating())));
            for (int stars = 1; stars <= 5; stars++) {
                row.add(Cell.integer((Long) null));
            }
            row.add(Cell.integer(site.negative()));
            row.add(Cell.integer((Long) null));
            addRate(row, site.responseRate());
            row.add(decimal(site.medianResponseHours()));
            row.add(Cell.percent(site.netSentiment()));
            row.add(Cell.integer((Long) null));
            rows.add(row);
        }
        return List.of(ReportSection.table(TITLE, COLUMNS, rows));
    }

    private static void addRate(List<Cell> row, Ratio rate) {
        row.add(Cell.count(rate.numerator()));
        row.add(Cell.count(rate.denominator()));
        row.add(Cell.percent(rate.value()));
    }

    private static Cell decimal(Double value) {
        return new Cell(Cell.Type.DECIMAL, value);
    }
}
