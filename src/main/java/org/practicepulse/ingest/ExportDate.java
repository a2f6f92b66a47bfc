package org.practicepulse.ingest;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date an export was made, which is the snapshot date of its lifetime counters. Exports name
 * their period in the file name ({@code tweet_activity_metrics_x_20210801_20210901_en.csv},
 * {@code account_analytics_content_2026-07-08_2026-10-05.csv}; Meta Business Suite:
 * {@code Aug-01-2026_Nov-15-2026_1039829308656930.csv}): the last date in the name is taken.
 * Without one, the caller falls back to the file's modification date, then to today.
 */
public final class ExportDate {

    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})(?!\\d)");
    /** Meta Business Suite's month-day-year ("Nov-15-2026"), English month abbreviations. */
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?i)(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-(\\d{1,2})-(\\d{4})(?!\\d)");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private ExportDate() {
    }

    public static Optional<LocalDate> fromFileName(String fileName, LocalDate today) {
        if (fileName == null) {
            return Optional.empty();
        }
        LocalDate last = null;
        int lastAt = -1;
        Matcher m = DATE.matcher(fileName);
        while (m.find()) {
            LocalDate d = date(m.group(1), m.group(2), m.group(3), today);
            if (d != null && m.start() > lastAt) {
                last = d;
                lastAt = m.start();
            }
        }
        m = MONTH_DAY_YEAR.matcher(fileName);
        while (m.find()) {
            String month = String.valueOf(MONTHS.indexOf(m.group(1).toLowerCase(java.util.Locale.ROOT)) / 3 + 1);
            LocalDate d = date(m.group(3), month, m.group(2), today);
            if (d != null && m.start() > lastAt) {
                last = d;
                lastAt = m.start();
            }
        }
        return Optional.ofNullable(last);
    }

    /** The date, or null when it is none (part of an id), before 2000 or after today. */
    private static LocalDate date(String year, String month, String day, LocalDate today) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return d.getYear() >= 2000 && !d.isAfter(today) ? d : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
