package org.practicepulse.ingest.format;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.practicepulse.ingest.CellValues;
import org.practicepulse.ingest.ImportSink;
import org.practicepulse.ingest.RowRejectedException;

/** What the X exports, old and new, have in common: whose account they are, post ids, days. */
final class XExports {

    static final String PLATFORM = "x";
    /** The handle of an account no file tells us. */
    static final String UNKNOWN_HANDLE = "unknown";

    private static final Pattern PERMALINK_HANDLE = Pattern.compile("https?://(?:www\\.|mobile\\.)?(?:twitter|x)\\.com/([A-Za-z0-9_]{1,15})/status/");
    /** analytics.twitter.com names: tweet_activity_metrics_<handle>_<from>_… and daily_tweet_activity_metrics_<handle>_… */
    private static final Pattern LEGACY_FILE_HANDLE = Pattern.compile("tweet_activity_metrics_([A-Za-z0-9_]{1,15})_\\d{8}_");
    /**
     * x.com names its downloads account_overview_analytics.csv, account_analytics_content_….csv:
     * no handle. We read one put in front of the name: LakesideFamMed_account_overview_analytics.csv.
     */
    private static final Pattern PREFIX_FILE_HANDLE = Pattern.compile("^@?([A-Za-z0-9_]{1,15})[_\\- ]+(?:account|video)_", Pattern.CASE_INSENSITIVE);
    /** "Sun, Aug 30, 2026" as x.com/i/account_analytics writes it; re-saved files may hold 2026-08-30. */
    private static final DateTimeFormatter ANALYTICS_DAY = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("[EEE, ]MMM d, uuuu").toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);

    private XExports() {
    }

    static Optional<String> handleFromPermalink(String permalink) {
        if (permalink == null) {
            return Optional.empty();
        }
        Matcher m = PERMALINK_HANDLE.matcher(permalink);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<String> handleFromLegacyFileName(String fileName) {
        Matcher m = LEGACY_FILE_HANDLE.matcher(fileName == null ? "" : fileName);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<String> handleFromFileNamePrefix(String fileName) {
        Matcher m = PREFIX_FILE_HANDLE.matcher(fileName == null ? "" : fileName);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The handle a file name gives, or {@link #UNKNOWN_HANDLE} with a warning saying how to name the file. */
    static String handleOfFile(Optional<String> fromName, String expectedName, ImportSink sink) {
        if (fromName.isPresent()) {
            return fromName.get();
        }
        sink.warn(null, "the file does not say whose X account it is and its name carries no handle (expected "
                + expectedName + "); its figures are stored under the account '" + UNKNOWN_HANDLE + "'");
        return UNKNOWN_HANDLE;
    }

    /** The post id of a row: digits; a spreadsheet-mangled id (6.49E+17) is kept with a warning. */
    static String postId(String raw, String column, long line, ImportSink sink) {
        String id = raw == null ? "" : raw.strip();
        if (id.isEmpty()) {
            throw new RowRejectedException(column + " is empty");
        }
        if (CellValues.isMangledId(id)) {
            sink.warn(line, column + " '" + id + "' is in scientific notation (the file went through a spreadsheet); digits may be lost");
        } else if (!id.chars().allMatch(Character::isDigit)) {
            throw new RowRejectedException(column + " '" + CellValues.abbreviate(id) + "' is not a tweet id");
        }
        return id;
    }

    /** A day of the new analytics exports: "Sun, Aug 30, 2026" (weekday checked), "Aug 30, 2026" or 2026-08-30. */
    static LocalDate analyticsDay(String raw, String column) {
        if (raw == null || raw.isBlank()) {
            throw new RowRejectedException(column + " is empty");
        }
        String s = raw.strip();
        try {
            return s.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(s) : LocalDate.parse(s, ANALYTICS_DAY);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column + " '" + CellValues.abbreviate(raw) + "' is not a day like \"Sun, Aug 30, 2026\"");
        }
    }

    /** A count of posts, which the account-day row keeps as an int. */
    static Integer postCount(String raw, String column) {
        Long value = CellValues.nonNegativeCount(raw, column);
        if (value != null && value > Integer.MAX_VALUE) {
            throw new RowRejectedException(column + ": " + value + " is out of range");
        }
        return value == null ? null : value.intValue();
    }
}
