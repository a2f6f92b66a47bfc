package org.practicepulse.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How we read the cells of every export: the number forms and placeholders the platforms produce. */
public final class CellValues {

    /** Cells that mean "no value": dashes, N/A and friends. */
    private static final Set<String> EMPTY = Set.of("", "-", "--", "—", "n/a", "na", "null", "none");
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern SCIENTIFIC_ID = Pattern.compile("\\d(\\.\\d+)?[eE]\\+?\\d+");

    private CellValues() {
    }

    public static boolean isEmpty(String raw) {
        return raw == null || EMPTY.contains(raw.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * A whole count: {@code 89}, {@code "89.0"}, {@code "3,215"}, {@code 1.2K}, {@code 3M}; null for an
     * empty cell or placeholder. Anything else (text, fractions, NaN, 1e309, out of range) is rejected.
     */
    public static Long count(String raw, String column) {
        if (isEmpty(raw)) {
            return null;
        }
        String s = raw.strip();
        Long plain = plainWholeNumber(s);
        if (plain != null) {
            return plain;
        }
        BigDecimal multiplier = BigDecimal.ONE;
        char last = Character.toUpperCase(s.charAt(s.length() - 1));
        if (last == 'K' || last == 'M' || last == 'B') {
            multiplier = BigDecimal.TEN.pow(last == 'K' ? 3 : last == 'M' ? 6 : 9);
            s = s.substring(0, s.length() - 1).strip();
        }
        if (THOUSANDS.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        if (!PLAIN.matcher(s).matches()) {
            throw new RowRejectedException(column + ": '" + abbreviate(raw) + "' is not a number");
        }
        BigDecimal value = new BigDecimal(s).multiply(multiplier);
        if (multiplier.equals(BigDecimal.ONE) && value.stripTrailingZeros().scale() > 0) {
            throw new RowRejectedException(column + ": '" + abbreviate(raw) + "' is not a whole number");
        }
        try {
            return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new RowRejectedException(column + ": '" + abbreviate(raw) + "' is out of range");
        }
    }

    /**
     * The common cell, {@code 89} or {@code 89.0} (X writes every count so), read without regular
     * expressions or BigDecimal; null for anything else, which takes the general path.
     */
    private static Long plainWholeNumber(String s) {
        int end = s.length();
        if (end > 2 && s.charAt(end - 2) == '.' && s.charAt(end - 1) == '0') {
            end -= 2;
        }
        if (end == 0 || end > 18) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < end; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return null;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    /**
     * A decimal as exports write them: {@code 0.0561}, {@code "3,215.5"}, {@code 95.43%} (returned as
     * 95.43, the caller knows the unit), {@code 1.2K}; null for an empty cell or placeholder.
     * NaN, infinities and exponents beyond 1e15 are rejected.
     */
    public static BigDecimal decimal(String raw, String column) {
        if (isEmpty(raw)) {
            return null;
        }
        String s = raw.strip();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        BigDecimal multiplier = BigDecimal.ONE;
        char last = s.isEmpty() ? ' ' : Character.toUpperCase(s.charAt(s.length() - 1));
        if (last == 'K' || last == 'M' || last == 'B') {
            multiplier = BigDecimal.TEN.pow(last == 'K' ? 3 : last == 'M' ? 6 : 9);
            s = s.substring(0, s.length() - 1).strip();
        }
        if (THOUSANDS.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        if (!PLAIN.matcher(s).matches()) {
            throw new RowRejectedException(column + ": '" + abbreviate(raw) + "' is not a number");
        }
        BigDecimal value = new BigDecimal(s).multiply(multiplier);
        if (value.abs().compareTo(new BigDecimal("1e15")) > 0) {
            throw new RowRejectedException(column + ": '" + abbreviate(raw) + "' is out of range");
        }
        return value;
    }

    /** A duration written {@code H:MM:SS}, {@code MM:SS} or plain seconds, in whole seconds. */
    public static Long durationSeconds(String raw, String column) {
        if (isEmpty(raw)) {
            return null;
        }
        String s = raw.strip();
        if (!s.matches("\\d+(:\\d{1,2}){0,2}(\\.\\d+)?")) {
            throw new RowRejectedException(column + ": '" + abbreviate(raw) + "' is not a duration like 1:02:03");
        }
        double seconds = 0;
        for (String part : s.split(":")) {
            seconds = seconds * 60 + Double.parseDouble(part);
        }
        return Math.round(seconds);
    }

    /** The first and last years a post, review or day of an export can fall in. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /**
     * The moment, when its year (in UTC) is between {@link #FIRST_YEAR} and {@link #LAST_YEAR}; else the row
     * is rejected: year 0 or 9999 is a placeholder or a broken cell, never a post's date.
     */
    public static java.time.Instant plausible(java.time.Instant instant, String raw, String column) {
        int year = instant.atOffset(java.time.ZoneOffset.UTC).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new RowRejectedException(column + " '" + abbreviate(raw) + "' is outside " + FIRST_YEAR + "-" + LAST_YEAR);
        }
        return instant;
    }

    /** HTML entities decoded ({@code &amp;} → {@code &}); the decoder is skipped for text without any. */
    public static String htmlDecoded(String text) {
        return text == null || text.indexOf('&') < 0 ? text : org.apache.commons.text.StringEscapeUtils.unescapeHtml4(text);
    }

    /** The day, when its year is between {@link #FIRST_YEAR} and {@link #LAST_YEAR}; else the row is rejected. */
    public static java.time.LocalDate plausible(java.time.LocalDate day, String raw, String column) {
        if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw new RowRejectedException(column + " '" + abbreviate(raw) + "' is outside " + FIRST_YEAR + "-" + LAST_YEAR);
        }
        return day;
    }

    /** A count that cannot be negative. */
    public static Long nonNegativeCount(String raw, String column) {
        Long value = count(raw, column);
        if (value != null && value < 0) {
            throw new RowRejectedException(column + ": " + value + " is negative");
        }
        return value;
    }

    /** True for an id that a spreadsheet has turned into scientific notation (6.49E+17): digits were lost. */
    public static boolean isMangledId(String id) {
        return id != null && SCIENTIFIC_ID.matcher(id.strip()).matches();
    }

    /** Cell text cut to a length fit for an error message. */
    public static String abbreviate(String raw) {
        if (raw == null) {
            return "";
        }
        String oneLine = raw.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cc}", "");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
