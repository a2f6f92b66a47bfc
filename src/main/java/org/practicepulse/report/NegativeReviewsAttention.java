package org.practicepulse.report;

import java.util.List;

import org.practicepulse.analytics.ReportingPeriod;
import org.practicepulse.practice.Practice;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * New negative reviews of the period, first in the digest. Returns nothing until the reputation
 * feature lands (its own branch defines what "negative" means and reads the review table); that
 * branch fills in this method, and nothing else of the digest changes.
 */
@ApplicationScoped
public class NegativeReviewsAttention implements AttentionSource {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<AttentionItem> items(Practice practice, ReportingPeriod period) {
        return List.of();
    }
}
