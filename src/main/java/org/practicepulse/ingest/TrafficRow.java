package org.practicepulse.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Website sessions and conversions of one day and one traffic source. A dimension the export does
 * not have is "" (GA4 channel-group reports have a channel but no source/medium, and the reverse).
 * Conversions are GA4 key events or UA goal completions; GA4 may report fractions.
 */
public record TrafficRow(LocalDate day, String source, String medium, String channel, Long sessions,
        BigDecimal conversions) {
}
