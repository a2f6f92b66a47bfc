package org.practicepulse.ingest;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date an export was made, which is the snapshot date of its lifetime counters. Exports name
 * their period in the file name ({@code tweet_activity_metrics_x_20210801_20210901_en.csv},
 * {@code account_analytics_content_2026-07-08_2026-10-05.csv}): the last date in the name is
 * taken. Without one, the caller falls back to the file's modification date, then to today.
 */
public final class ExportDate {

    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})(?!\\d)");

    private ExportDate() {
    }

    public static Optional<LocalDate> fromFileName(String fileName, LocalDate today) {
        if (fileName == null) {
            return Optional.empty();
        }
        LocalDate last = null;
        Matcher m = DATE.matcher(fileName);
        while (m.find()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                if (d.getYear() >= 2000 && !d.isAfter(today)) {
                    last = d;
                }
            } catch (DateTimeException e) {
                // not a date, e.g. part of an id
            }
        }
        return Optional.ofNullable(last);
    }
}
