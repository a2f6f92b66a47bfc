package org.practicepulse.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import org.practicepulse.web.ApiException;

/** The days [from, to], both included, in a practice's time zone. */
public record ReportingPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** The longest period a query may ask for. */
    public static final int MAX_YEARS = 5;

    /** Parses the API's from/to parameters; every mistake is a 400 with a reason. */
    public static ReportingPeriod parse(String from, String to, ZoneId zone) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start.isAfter(end)) {
            throw ApiException.badRequest("bad period", "'from' (" + start + ") is after 'to' (" + end + ")");
        }
        if (start.plusYears(MAX_YEARS).isBefore(end)) {
            throw ApiException.badRequest("bad period", "the period is longer than " + MAX_YEARS + " years");
        }
        return new ReportingPeriod(start, end, zone);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing parameter", "'" + name + "' is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("bad date", "'" + name + "' must be a date as YYYY-MM-DD, not '" + abbreviate(value) + "'");
        }
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Monday of the ISO week holding 'from'. */
    public LocalDate firstWeek() {
        return from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 27) + "...";
    }
}
