package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The export date read from a file name: the last date the name holds, in each platform's spelling. */
class ExportDateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void theLastDateOfTheNameIsTheExportDate() {
        assertEquals(Optional.of(LocalDate.of(2026, 9, 1)),
                ExportDate.fromFileName("tweet_activity_metrics_drmaya_20260801_20260901_en.csv", TODAY));
        assertEquals(Optional.of(LocalDate.of(2026, 10, 5)),
                ExportDate.fromFileName("account_analytics_content_2026-07-08_2026-10-05.csv", TODAY));
        // Meta Business Suite: month abbreviation, day, year; the page id after it is no date
        assertEquals(Optional.of(LocalDate.of(2026, 11, 15)),
                ExportDate.fromFileName("Aug-01-2026_Nov-15-2026_1039829308656930.csv", TODAY));
        assertEquals(Optional.of(LocalDate.of(2025, 8, 31)),
                ExportDate.fromFileName("aug-01-2025_AUG-31-2025_1039829308656930.csv", TODAY));
    }

    @Test
    void noDateImpossibleDatesAndFutureDatesAreNotExportDates() {
        assertEquals(Optional.empty(), ExportDate.fromFileName("Overview.csv", TODAY));
        assertEquals(Optional.empty(), ExportDate.fromFileName("Feb-30-2026_posts.csv", TODAY));
        assertEquals(Optional.of(LocalDate.of(2026, 8, 1)),
                ExportDate.fromFileName("Aug-01-2026_Dec-31-2026_1039829308656930.csv", TODAY), "the end lies ahead");
        assertEquals(Optional.empty(), ExportDate.fromFileName(null, TODAY));
    }
}
