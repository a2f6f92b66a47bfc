package org.practicepulse.report;

import java.util.ArrayList;
import java.util.List;

import org.practicepulse.analytics.ReportingPeriod;
import org.practicepulse.practice.Practice;
import org.practicepulse.reputation.ReviewsQuery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reviews written in the period that are negative (rating 1–2, or 3 with negative sentiment) or
 * mention a safety concern, newest first: the first thing the digest asks the owner to look at.
 * The same reviews GET /api/reviews marks negative or safety.
 */
@ApplicationScoped
public class NegativeReviewsAttention implements AttentionSource {

    /** Listed one by one; the rest are counted. */
    static final int LISTED = 5;
    private static final int READ = 500;

    @Inject
    ReviewsQuery reviews;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<AttentionItem> items(Practice practice, ReportingPeriod period) {
        List<ReviewsQuery.ReviewView> flagged = reviews.list(practice.id, new ReviewsQuery.Filter(period, null, null, null, null, READ))
                .stream().filter(r -> r.negative() || r.safety()).toList();
        List<AttentionItem> items = new ArrayList<>();
        for (ReviewsQuery.ReviewView r : flagged.subList(0, Math.min(LISTED, flagged.size()))) {
            String kind = r.safety() ? "Safety concern in a review" : "Negative review";
            String stars = r.rating() == null ? "" : ", " + r.rating() + "★";
            String reply = r.replied() ? "answered" : "not answered yet";
            String text = r.text() == null || r.text().isBlank() ? "(rating only)" : "“" + ReportDigest.excerpt(r.text()) + "”";
            items.add(new AttentionItem(kind + " on " + r.site() + stars + " (" + reply + ")",
                    text + (r.author() == null ? "" : " by " + r.author())));
        }
        if (flagged.size() > LISTED) {
            items.add(new AttentionItem((flagged.size() - LISTED) + " more negative or safety-flagged reviews",
                    "see the Reputation dashboard"));
        }
        return items;
    }
}
