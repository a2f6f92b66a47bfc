package org.practicepulse.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

import org.practicepulse.analytics.ReportingPeriod;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * When a subscription's report goes out, and which days it covers. A schedule is a Quartz cron
 * expression in the practice's time zone ("weekly" and "monthly" are two of them); each sending
 * covers the days from the previous sending's day to the day before this one. So "weekly"
 * (Mondays 07:00) covers the previous ISO week, Monday to Sunday, and "monthly" (the 1st, 07:00)
 * the previous calendar month.
 */
public record DeliverySchedule(String schedule, String cron, ExecutionTime executions) {

    public static final String WEEKLY = "weekly";
    public static final String MONTHLY = "monthly";
    static final String WEEKLY_CRON = "0 0 7 ? * MON";
    static final String MONTHLY_CRON = "0 0 7 1 * ?";
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    /** How many sendings are checked for "at most one a day". */
    private static final int CHECKED_SENDINGS = 60;

    /** A period that is due: its days, and the moment it became due. */
    public record Due(ReportingPeriod period, ZonedDateTime dueAt) {
    }

    /** Reads "weekly", "monthly" or a Quartz cron expression; IllegalArgumentException says what is wrong. */
    public static DeliverySchedule parse(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            throw new IllegalArgumentException("'schedule' is required: weekly, monthly or a Quartz cron expression");
        }
        String text = schedule.strip();
        String cron = switch (text.toLowerCase(Locale.ROOT)) {
            case WEEKLY -> WEEKLY_CRON;
            case MONTHLY -> MONTHLY_CRON;
            default -> text;
        };
        Cron parsed;
        try {
            parsed = QUARTZ.parse(cron);
            parsed.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not weekly, monthly or a Quartz cron expression"
                    + " (seconds minutes hours day-of-month month day-of-week, e.g. '0 0 7 ? * MON'): " + e.getMessage());
        }
        DeliverySchedule result = new DeliverySchedule(cron.equals(text) ? text : text.toLowerCase(Locale.ROOT), cron,
                ExecutionTime.forCron(parsed));
        result.checkAtMostDaily();
        return result;
    }

    /**
     * The latest period due at 'now' (practice time zone): the one whose sending time is the last
     * one at or before now. Empty before the first sending.
     */
    public Optional<Due> latestDue(Instant now, ZoneId zone) {
        ZonedDateTime at = now.atZone(zone).plusSeconds(1); // "at or before now": cron-utils looks strictly before
        Optional<ZonedDateTime> last = executions.lastExecution(at);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Optional<ZonedDateTime> previous = executions.lastExecution(last.get());
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        LocalDate from = previous.get().toLocalDate();
        LocalDate to = last.get().toLocalDate().minusDays(1);
        return from.isAfter(to) ? Optional.empty() : Optional.of(new Due(new ReportingPeriod(from, to, zone), last.get()));
    }

    /** The next sending after 'now'. */
    public Optional<ZonedDateTime> next(Instant now, ZoneId zone) {
        return executions.nextExecution(now.atZone(zone));
    }

    /** Each sending covers at least one whole day, so two sendings never fall on the same day. */
    private void checkAtMostDaily() {
        ZonedDateTime at = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC"));
        Optional<ZonedDateTime> first = executions.nextExecution(at);
        if (first.isEmpty()) {
            throw new IllegalArgumentException("the schedule '" + abbreviate(schedule) + "' never sends anything");
        }
        ZonedDateTime previous = first.get();
        for (int i = 0; i < CHECKED_SENDINGS; i++) {
            Optional<ZonedDateTime> next = executions.nextExecution(previous);
            if (next.isEmpty()) {
                return;
            }
            if (next.get().toLocalDate().equals(previous.toLocalDate())) {
                throw new IllegalArgumentException("the schedule '" + abbreviate(schedule)
                        + "' sends more than once a day; a report covers whole days, so at most one a day");
            }
            previous = next.get();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
