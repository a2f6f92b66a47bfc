package org.practicepulse.ingest;

import java.time.Instant;

/**
 * A review as one export row (or JSON object) describes it. Nulls are "not in this file": a re-import
 * never erases a known value with them (see ImportWriter for the exact merge).
 *
 * @param site            the review site as a slug: google, yelp, trustpilot, healthgrades …
 * @param externalId      the site's id of the review
 * @param location        the practice location or the site's id of it, when the export names one
 * @param provider        the clinician reviewed, for sites that review clinicians (Healthgrades, Vitals …)
 * @param rating          stars 1–5; null for sites or rows without a rating
 * @param text            the review in the words and language of its author
 * @param textTranslation the site's machine translation of {@code text} (Google), if any
 * @param updatedAt       when the site says the review was last edited; an older copy never replaces a newer one
 * @param replyText       the practice's public reply; null when the file has none (which is not a deletion)
 * @param repliedAt       when the reply was written or last edited
 * @param replyDeleted    the file says the reply was removed: the known reply is erased
 */
public record ReviewRow(String site, String externalId, String location, String provider, Integer rating, String title,
        String text, String textTranslation, String author, Instant createdAt, Instant updatedAt, String replyText,
        Instant repliedAt, boolean replyDeleted, String url) {
}
