package org.practicepulse.report;

import java.util.List;

import org.practicepulse.analytics.ReportingPeriod;
import org.practicepulse.practice.Practice;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Posts of the period the risk scorer flagged, in the digest after negative reviews. Returns
 * nothing until the risk feature lands (its own branch has the rules and the scorer); that
 * branch fills in this method, and nothing else of the digest changes.
 */
@ApplicationScoped
public class RiskyPostsAttention implements AttentionSource {

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<AttentionItem> items(Practice practice, ReportingPeriod period) {
        return List.of();
    }
}
