package org.practicepulse.report;

import java.util.List;

import org.practicepulse.analytics.ReportingPeriod;
import org.practicepulse.practice.Practice;

/**
 * Items that open the digest e-mail, before the engagement figures. CDI beans, found at start-up;
 * see {@link NegativeReviewsAttention} and {@link RiskyPostsAttention}.
 */
public interface AttentionSource {

    /** Position among the other sources: lower comes first. */
    int order();

    /** The items of the period (practice time zone); empty when there is nothing to look at. */
    List<AttentionItem> items(Practice practice, ReportingPeriod period);
}
