package org.practicepulse.ingest.format;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.RowRejectedException;

/** A review's stars as the sites write them: 4, "4", 4.0, "4/5", "4 stars", or Google's FOUR. */
final class StarRating {

    private static final List<String> GOOGLE_WORDS = List.of("ONE", "TWO", "THREE", "FOUR", "FIVE");

    private StarRating() {
    }

    /** Stars 1–5; null for an empty cell or Google's STAR_RATING_UNSPECIFIED. Half stars and anything else are rejected. */
    static Integer of(String raw, String column) {
        if (CellValues.isEmpty(raw) || "STAR_RATING_UNSPECIFIED".equals(raw.strip())) {
            return null;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        int word = GOOGLE_WORDS.indexOf(s);
        if (word >= 0) {
            return word + 1;
        }
        s = s.replaceFirst("\\s*(/\\s*5|STARS?)$", "");
        try {
            BigDecimal stars = new BigDecimal(s);
            if (stars.stripTrailingZeros().scale() <= 0 && stars.compareTo(BigDecimal.ONE) >= 0
                    && stars.compareTo(BigDecimal.valueOf(5)) <= 0) {
                return stars.intValue();
            }
        } catch (NumberFormatException e) {
            // falls through to the rejection
        }
        throw new RowRejectedException(column + " '" + CellValues.abbreviate(raw) + "' is not a whole number of stars from 1 to 5");
    }
}
