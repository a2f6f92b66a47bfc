package org.practicepulse.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One typed cell of a report table. Writers decide how each type looks (a percentage style in
 * XLSX, a fraction in CSV, "3.70%" in PDF), so sections never format numbers themselves.
 * A null value is an empty cell: "not reported", never zero.
 */
public record Cell(Type type, Object value) {

    public enum Type {
        /** Text; checked for formula injection by every spreadsheet writer. */
        TEXT,
        /** A whole number (Long). */
        INTEGER,
        /** A number with decimals (Double). */
        DECIMAL,
        /** A ratio (Double, 0.037 = 3.7%). */
        PERCENT,
        /** A day (LocalDate). */
        DATE,
        /** A local date and time in the practice's time zone (LocalDateTime). */
        DATE_TIME
    }

    public static Cell text(String value) {
        return new Cell(Type.TEXT, value);
    }

    public static Cell integer(Long value) {
        return new Cell(Type.INTEGER, value);
    }

    public static Cell integer(long value) {
        return new Cell(Type.INTEGER, Long.valueOf(value));
    }

    public static Cell percent(Double value) {
        return new Cell(Type.PERCENT, value);
    }

    public static Cell date(LocalDate value) {
        return new Cell(Type.DATE, value);
    }

    public static Cell dateTime(LocalDateTime value) {
        return new Cell(Type.DATE_TIME, value);
    }

    /** A count that may carry decimals (GA4 conversions): whole numbers stay INTEGER cells. */
    public static Cell count(Number value) {
        if (value == null) {
            return new Cell(Type.INTEGER, null);
        }
        if (value instanceof Long || value instanceof Integer) {
            return integer(value.longValue());
        }
        BigDecimal exact = value instanceof BigDecimal b ? b : BigDecimal.valueOf(value.doubleValue());
        if (exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0) {
            return integer(exact.longValueExact());
        }
        return new Cell(Type.DECIMAL, exact.doubleValue());
    }

    public boolean isEmpty() {
        return value == null;
    }

    /** The numeric value of a number cell (INTEGER, DECIMAL, PERCENT); null otherwise or when empty. */
    public Double number() {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
