package org.practicepulse.reputation;

import java.util.List;

/**
 * What the reputation analysis concludes about one review; stored with it on import.
 *
 * @param safetyReasons the safety categories the review mentions (see {@link ReviewSafetyRules}); empty when none
 * @param replyRisk     the disclosure risk of the practice's existing reply; null without a reply
 */
public record ReviewAssessment(Sentiment sentiment, boolean negative, List<String> safetyReasons, ReplyRisk replyRisk) {

    public boolean safety() {
        return !safetyReasons.isEmpty();
    }

    /**
     * Negative = 1 or 2 stars, or 3 stars with negative sentiment. A review without stars (sites that
     * have none) is negative when its sentiment is.
     */
    public static boolean isNegative(Integer rating, SentimentLabel sentiment) {
        if (rating == null || rating == 3) {
            return sentiment == SentimentLabel.NEGATIVE;
        }
        return rating <= 2;
    }
}
