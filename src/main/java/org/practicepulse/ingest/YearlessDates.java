package org.practicepulse.ingest;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as exports write them for people, in the language of the exporter's screen and often
 * without a year: {@code "April 12"}, {@code "8 de marzo"}, {@code "18 января"}, {@code "7月14日"},
 * {@code "18 tháng Tám"}, {@code "Sep 27, 2024"}. A date with a year keeps it; a date without one
 * gets the year that puts it on the right side of an anchor day of the export:
 * <ul>
 * <li>{@link #endingOn}: the most recent occurrence not after the anchor (the export day: a
 * "December 30" in a January export is last year's);</li>
 * <li>{@link #startingOn}: the first occurrence on or after the anchor (the first day of the data).</li>
 * </ul>
 * Which anchor a file has is decided by {@link #forExport}.
 */
public final class YearlessDates {

    /** An epoch-seconds stamp in a file name (TikTok: {@code Overview_2026-08-01_1794844800_handle.zip}), 2017 to 2033. */
    private static final Pattern EPOCH_SECONDS = Pattern.compile("(?<!\\d)(1[5-9]\\d{8})(?!\\d)");
    /** TikTok names an Overview download after the FIRST day it covers. */
    private static final Pattern TIKTOK_OVERVIEW_FIRST_DAY = Pattern.compile("(?:^|[/\\\\])Overview_(\\d{4})-(\\d{2})-(\\d{2})(?:_|\\.|$)");

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ t]\\d.*)?");
    private static final Pattern CJK = Pattern.compile("(?:(\\d{4}) ?[年년] ?)?(\\d{1,2}) ?[月월] ?(\\d{1,2}) ?[日일]?");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})(?:er|º|°)? (\\p{L}+(?: \\p{L}+){0,2}?)(?: (\\d{4}))?(?: г)?");
    private static final Pattern MONTH_FIRST = Pattern.compile("(\\p{L}+) (\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?");
    private static final Pattern VIETNAMESE_NUMERIC = Pattern.compile("(\\d{1,2}) thang (\\d{1,2})(?: nam (\\d{4}))?");
    /** How far to look for a year in which the day exists (29 February: up to 8 years apart). */
    private static final int YEARS_TO_SEARCH = 9;

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        months(1, "january", "jan", "enero", "ene", "janeiro", "janvier", "janv", "januar", "gennaio", "gen", "januari",
                "ocak", "stycznia", "styczen", "января", "январь", "янв", "thang mot", "thang gieng");
        months(2, "february", "feb", "febrero", "fevereiro", "fev", "fevrier", "fevr", "februar", "febbraio", "februari",
                "pebrero", "subat", "lutego", "luty", "февраля", "февраль", "фев", "thang hai");
        months(3, "march", "mar", "marzo", "marco", "mars", "marz", "maart", "maret", "mart", "marca", "marzec", "марта",
                "март", "мар", "thang ba");
        months(4, "april", "apr", "abril", "abr", "avril", "avr", "aprile", "nisan", "kwietnia", "kwiecien", "апреля",
                "апрель", "апр", "thang tu");
        months(5, "may", "mayo", "maio", "mai", "maggio", "mag", "mei", "mayis", "maja", "maj", "мая", "май", "thang nam");
        months(6, "june", "jun", "junio", "junho", "juin", "juni", "giugno", "giu", "haziran", "czerwca", "czerwiec",
                "июня", "июнь", "июн", "thang sau");
        months(7, "july", "jul", "julio", "julho", "juillet", "juil", "juli", "luglio", "lug", "temmuz", "lipca", "lipiec",
                "июля", "июль", "июл", "thang bay");
        months(8, "august", "aug", "agosto", "ago", "aout", "agustus", "agu", "agt", "agustos", "sierpnia", "sierpien",
                "augustus", "августа", "август", "авг", "thang tam");
        months(9, "september", "sep", "sept", "septiembre", "setembro", "set", "septembre", "settembre", "eylul",
                "wrzesnia", "wrzesien", "сентября", "сентябрь", "сен", "сент", "thang chin");
        months(10, "october", "oct", "octubre", "outubro", "out", "octobre", "oktober", "okt", "ottobre", "ott", "ekim",
                "pazdziernika", "pazdziernik", "октября", "октябрь", "окт", "thang muoi");
        months(11, "november", "nov", "noviembre", "novembro", "novembre", "nopember", "kasim", "listopada", "listopad",
                "ноября", "ноябрь", "ноя", "thang muoi mot");
        months(12, "december", "dec", "diciembre", "dic", "dezembro", "dez", "decembre", "dezember", "dicembre",
                "desember", "des", "aralik", "grudnia", "grudzien", "декабря", "декабрь", "дек", "thang muoi hai", "thang chap");
    }

    private final LocalDate anchor;
    private final boolean anchorIsLastDay;

    private YearlessDates(LocalDate anchor, boolean anchorIsLastDay) {
        this.anchor = anchor;
        this.anchorIsLastDay = anchorIsLastDay;
    }

    /** Dates without a year fall on the anchor or before it, as recently as possible. */
    public static YearlessDates endingOn(LocalDate lastDay) {
        return new YearlessDates(lastDay, true);
    }

    /** Dates without a year fall on the anchor or after it, as early as possible. */
    public static YearlessDates startingOn(LocalDate firstDay) {
        return new YearlessDates(firstDay, false);
    }

    /**
     * The anchor of this export: the day of an epoch-seconds stamp in the file's or its zip's name
     * (the moment TikTok made the download), in the practice's time zone; else the first day of a
     * TikTok {@code Overview_<first day>} name; else {@link ExportFile#exportDate()}.
     */
    public static YearlessDates forExport(ExportFile file) {
        LocalDate latestPossible = LocalDate.now(file.practiceZone()).plusDays(1);
        for (String name : names(file)) {
            Matcher epoch = EPOCH_SECONDS.matcher(name);
            while (epoch.find()) {
                LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(epoch.group(1))), file.practiceZone());
                if (!day.isAfter(latestPossible)) {
                    return endingOn(day);
                }
            }
        }
        for (String name : names(file)) {
            Matcher first = TIKTOK_OVERVIEW_FIRST_DAY.matcher(name);
            if (first.find()) {
                try {
                    return startingOn(LocalDate.of(Integer.parseInt(first.group(1)), Integer.parseInt(first.group(2)),
                            Integer.parseInt(first.group(3))));
                } catch (DateTimeException e) {
                    // not a date after all
                }
            }
        }
        return endingOn(file.exportDate());
    }

    private static String[] names(ExportFile file) {
        return new String[] { file.fileName() == null ? "" : file.fileName(), file.archiveName().orElse("") };
    }

    public LocalDate anchor() {
        return anchor;
    }

    /** The date the text names; its year inferred when it has none. Unreadable text rejects the row. */
    public LocalDate resolve(String text) {
        if (CellValues.isEmpty(text)) {
            throw new RowRejectedException("the date is empty");
        }
        Written written = read(text).orElseThrow(() -> new RowRejectedException("'" + CellValues.abbreviate(text)
                + "' is not a date like 'April 12', '8 de marzo', '7月14日' or '2026-04-12'"));
        try {
            if (written.year() != null) {
                return LocalDate.of(written.year(), written.month(), written.day());
            }
            return inferYear(MonthDay.of(written.month(), written.day()))
                    .orElseThrow(() -> new RowRejectedException("'" + CellValues.abbreviate(text) + "' does not exist near "
                            + anchor));
        } catch (DateTimeException e) {
            throw new RowRejectedException("'" + CellValues.abbreviate(text) + "' is not a real date");
        }
    }

    private Optional<LocalDate> inferYear(MonthDay day) {
        for (int i = 0; i < YEARS_TO_SEARCH; i++) {
            int year = anchorIsLastDay ? anchor.getYear() - i : anchor.getYear() + i;
            if (day.isValidYear(year)) {
                LocalDate date = day.atYear(year);
                if (anchorIsLastDay ? !date.isAfter(anchor) : !date.isBefore(anchor)) {
                    return Optional.of(date);
                }
            }
        }
        return Optional.empty();
    }

    /** A date as written: month and day, and the year when the text has one. */
    record Written(Integer year, int month, int day) {
    }

    /** Reads the text without resolving it; empty when it is not a date this class knows. */
    static Optional<Written> read(String text) {
        String s = normalise(text);
        Matcher m = ISO.matcher(s);
        if (m.matches()) {
            return Optional.of(new Written(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        m = CJK.matcher(s);
        if (m.matches()) {
            return Optional.of(new Written(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        m = VIETNAMESE_NUMERIC.matcher(s);
        if (m.matches()) {
            return Optional.of(new Written(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
        }
        m = DAY_FIRST.matcher(s);
        if (m.matches() && MONTHS.containsKey(m.group(2))) {
            return Optional.of(new Written(year(m.group(3)), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1))));
        }
        m = MONTH_FIRST.matcher(s);
        if (m.matches() && MONTHS.containsKey(m.group(1))) {
            return Optional.of(new Written(year(m.group(3)), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return Optional.empty();
    }

    private static Integer year(String digits) {
        return digits == null ? null : Integer.valueOf(digits);
    }

    /**
     * Lower case without accents (so "März", "août", "Kasım" and "tháng Tám" match however they were
     * typed), dots and commas as spaces, the Spanish and Portuguese "de" dropped, spaces collapsed.
     */
    private static String normalise(String text) {
        String s = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        // NFC again: decomposition splits Korean syllables (월, 일) into letters that must be rejoined
        s = Normalizer.normalize(s, Normalizer.Form.NFC)
                .replace('ı', 'i')
                .replace('ł', 'l')
                .replace('đ', 'd');
        s = s.replaceAll("[.,]", " ").replaceAll("\\s+", " ").strip();
        return s.replaceAll("(?<=\\p{L}|\\d) (?:de|del) (?=\\p{L}|\\d)", " ");
    }

    private static void months(int month, String... names) {
        for (String name : names) {
            Integer earlier = MONTHS.put(normalise(name), month);
            if (earlier != null && earlier != month) {
                throw new IllegalStateException("month name '" + name + "' means both " + earlier + " and " + month);
            }
        }
    }
}
