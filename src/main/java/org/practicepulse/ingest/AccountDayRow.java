package org.practicepulse.ingest;

import java.time.LocalDate;
import java.util.Map;

/**
 * One day of one account (page, channel, profile). Null means not reported. {@code followers} is
 * the total at the end of the day; {@code followsGained}/{@code unfollows} are that day's changes.
 */
public record AccountDayRow(String platform, String accountHandle, LocalDate day, Long followers, Long followsGained,
        Long unfollows, Long profileVisits, Long websiteClicks, Long impressions, Long reach, Long engagements,
        Long videoViews, Long watchTimeSeconds, Integer postsPublished, Map<String, Long> extra) {
}
