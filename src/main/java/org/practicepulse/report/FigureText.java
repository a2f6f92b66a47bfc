package org.practicepulse.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.practicepulse.analytics.ReportingPeriod;

/** Figures as people read them (US English, like the dashboard): in the PDF and the digest e-mail. */
public final class FigureText {

    /** What an empty cell shows: not reported, which is not zero. */
    public static final String NOT_REPORTED = "—";
    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);

    private FigureText() {
    }

    /** 4,150 or 12.5; the dash when not reported. */
    public static String count(Number value) {
        if (value == null) {
            return NOT_REPORTED;
        }
        if (value instanceof Long || value instanceof Integer) {
            return new DecimalFormat("#,##0", US).format(value.longValue());
        }
        return new DecimalFormat("#,##0.##", US).format(value instanceof BigDecimal b ? b : BigDecimal.valueOf(value.doubleValue()));
    }

    /** 3.70% (two decimals, as the dashboard). */
    public static String percent(Double ratio) {
        return ratio == null ? NOT_REPORTED : new DecimalFormat("0.00%", US).format(ratio);
    }

    /** +12.3% or -4.0%: a relative change. */
    public static String change(Double change) {
        return change == null ? NOT_REPORTED : (change >= 0 ? "+" : "") + new DecimalFormat("0.0%", US).format(change);
    }

    /** The size of a change in words, without its sign: 12%, 0.4%. */
    public static String changeSize(double change) {
        double size = Math.abs(change);
        return new DecimalFormat(size < 0.1 ? "0.#%" : "0%", US).format(size);
    }

    /** Sep 1, 2026 – Sep 30, 2026. */
    public static String period(ReportingPeriod period) {
        return DAY.format(period.from()) + " – " + DAY.format(period.to());
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** A cell as the PDF shows it. */
    public static String cell(Cell cell) {
        if (cell.isEmpty()) {
            return cell.type() == Cell.Type.TEXT ? "" : NOT_REPORTED;
        }
        return switch (cell.type()) {
            case TEXT -> (String) cell.value();
            case INTEGER, DECIMAL -> count((Number) cell.value());
            case PERCENT -> percent((Double) cell.value());
            case DATE -> cell.value().toString();
            case DATE_TIME -> MINUTE.format((LocalDateTime) cell.value());
        };
    }
}
