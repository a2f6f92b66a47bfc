package org.practicepulse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Year inference for dates written without one, and the month names of the languages exports come in. */
class YearlessDatesTest {

    private static final YearlessDates NOV_16_2026 = YearlessDates.endingOn(LocalDate.of(2026, 11, 16));

    @Test
    void aDateIsTheMostRecentOccurrenceNotAfterTheExportDay() {
        assertEquals(LocalDate.of(2026, 11, 16), NOV_16_2026.resolve("November 16"), "the export day itself");
        assertEquals(LocalDate.of(2026, 11, 15), NOV_16_2026.resolve("November 15"));
        assertEquals(LocalDate.of(2025, 11, 17), NOV_16_2026.resolve("November 17"), "a day after the export is last year's");
        assertEquals(LocalDate.of(2026, 8, 1), NOV_16_2026.resolve("August 1"));
    }

    @Test
    void aDecemberDateInAJanuaryExportBelongsToThePreviousYear() {
        YearlessDates january = YearlessDates.endingOn(LocalDate.of(2027, 1, 5));
        assertEquals(LocalDate.of(2026, 12, 28), january.resolve("December 28"));
        assertEquals(LocalDate.of(2026, 12, 31), january.resolve("31 de diciembre"));
        assertEquals(LocalDate.of(2027, 1, 1), january.resolve("1月1日"));
        assertEquals(LocalDate.of(2027, 1, 5), january.resolve("5 января"));
    }

    @Test
    void february29IsTheLastLeapDayNotAfterTheExport() {
        assertEquals(LocalDate.of(2024, 2, 29), YearlessDates.endingOn(LocalDate.of(2026, 3, 1)).resolve("February 29"));
        assertEquals(LocalDate.of(2028, 2, 29), YearlessDates.endingOn(LocalDate.of(2028, 3, 1)).resolve("29 de febrero"));
        assertEquals(LocalDate.of(2024, 2, 29), YearlessDates.endingOn(LocalDate.of(2028, 2, 28)).resolve("Feb 29"),
                "the 2028 one is still to come");
        assertEquals(LocalDate.of(2028, 2, 29), YearlessDates.startingOn(LocalDate.of(2026, 3, 1)).resolve("February 29"));
        assertThrows(RowRejectedException.class, () -> NOV_16_2026.resolve("February 30"));
    }

    @Test
    void startingOnTakesTheFirstOccurrenceOnOrAfterTheFirstDay() {
        YearlessDates fromAugust = YearlessDates.startingOn(LocalDate.of(2026, 8, 1));
        assertEquals(LocalDate.of(2026, 8, 1), fromAugust.resolve("August 1"));
        assertEquals(LocalDate.of(2026, 11, 15), fromAugust.resolve("November 15"));
        assertEquals(LocalDate.of(2027, 7, 31), fromAugust.resolve("July 31"));
    }

    @Test
    void spanishPortugueseFrenchGermanAndItalianMonthNamesAreRead() {
        assertEquals(LocalDate.of(2026, 3, 8), NOV_16_2026.resolve("8 de marzo"));
        assertEquals(LocalDate.of(2026, 9, 27), NOV_16_2026.resolve("27 de septiembre"));
        assertEquals(LocalDate.of(2026, 8, 10), NOV_16_2026.resolve("10 de agosto"));
        assertEquals(LocalDate.of(2026, 3, 8), NOV_16_2026.resolve("8 de março"));
        assertEquals(LocalDate.of(2026, 8, 15), NOV_16_2026.resolve("15 août"));
        assertEquals(LocalDate.of(2026, 3, 1), NOV_16_2026.resolve("1er mars"));
        assertEquals(LocalDate.of(2026, 3, 8), NOV_16_2026.resolve("8. März"));
        assertEquals(LocalDate.of(2026, 10, 3), NOV_16_2026.resolve("3 ottobre"));
        assertEquals(LocalDate.of(2025, 12, 24), NOV_16_2026.resolve("24 dic."));
        assertEquals(LocalDate.of(2026, 11, 9), NOV_16_2026.resolve("9 Kasım"));
    }

    @Test
    void russianJapaneseKoreanAndVietnameseDatesAreRead() {
        assertEquals(LocalDate.of(2026, 1, 18), NOV_16_2026.resolve("18 января"));
        assertEquals(LocalDate.of(2026, 4, 20), NOV_16_2026.resolve("20 апреля"));
        assertEquals(LocalDate.of(2026, 5, 9), NOV_16_2026.resolve("9 мая"));
        assertEquals(LocalDate.of(2026, 7, 14), NOV_16_2026.resolve("7月14日"));
        assertEquals(LocalDate.of(2026, 7, 14), NOV_16_2026.resolve("7월 14일"));
        assertEquals(LocalDate.of(2026, 8, 18), NOV_16_2026.resolve("18 tháng Tám"));
        assertEquals(LocalDate.of(2026, 11, 2), NOV_16_2026.resolve("2 tháng Mười Một"));
        assertEquals(LocalDate.of(2026, 8, 18), NOV_16_2026.resolve("18 tháng 8"));
    }

    @Test
    void aWrittenYearIsKept() {
        assertEquals(LocalDate.of(2024, 9, 27), NOV_16_2026.resolve("Sep 27, 2024"));
        assertEquals(LocalDate.of(2023, 8, 8), NOV_16_2026.resolve("Aug 8, 2023"));
        assertEquals(LocalDate.of(2027, 1, 2), NOV_16_2026.resolve("2027-01-02"), "a full date is never moved");
        assertEquals(LocalDate.of(2026, 7, 12), NOV_16_2026.resolve("2026-07-12 09:00"));
        assertEquals(LocalDate.of(2025, 3, 8), NOV_16_2026.resolve("8 de marzo de 2025"));
        assertEquals(LocalDate.of(2025, 7, 14), NOV_16_2026.resolve("2025年7月14日"));
    }

    @Test
    void textThatIsNotADateRejectsTheRow() {
        RowRejectedException e = assertThrows(RowRejectedException.class, () -> NOV_16_2026.resolve("Smarch 12"));
        assertTrue(e.getMessage().contains("'Smarch 12' is not a date"), e.getMessage());
        assertThrows(RowRejectedException.class, () -> NOV_16_2026.resolve(""));
        assertThrows(RowRejectedException.class, () -> NOV_16_2026.resolve("13月1日"));
        assertThrows(RowRejectedException.class, () -> NOV_16_2026.resolve("undefined"));
    }

    @Test
    void theExportAnchorIsTheEpochInTheZipNameThenTheOverviewFirstDayThenTheExportDate(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("Overview.csv"), "\"Date\"\n");
        ZoneId chicago = ZoneId.of("America/Chicago");
        LocalDate exportDate = LocalDate.of(2026, 8, 1);

        // 1794844800 = 2026-11-16T16:00:00Z
        ExportFile zipped = new ExportFile(csv, "Overview.csv", chicago, exportDate,
                "Overview_2026-08-01_1794844800_drmayaokafor.zip");
        assertEquals(LocalDate.of(2026, 11, 16), YearlessDates.forExport(zipped).anchor());
        assertEquals(LocalDate.of(2026, 8, 2), YearlessDates.forExport(zipped).resolve("August 2"));

        // 1767225600 = 2026-01-01T00:00:00Z, still 31 December in Chicago
        ExportFile newYear = new ExportFile(csv, "Overview_2025-11-02_1767225600_drmayaokafor.csv", chicago, exportDate);
        assertEquals(LocalDate.of(2025, 12, 31), YearlessDates.forExport(newYear).anchor());

        ExportFile noEpoch = new ExportFile(csv, "Overview_2026-08-01_drmayaokafor.csv", chicago, exportDate);
        assertEquals(LocalDate.of(2026, 11, 15), YearlessDates.forExport(noEpoch).resolve("November 15"));

        ExportFile plain = new ExportFile(csv, "Overview.csv", chicago, LocalDate.of(2027, 1, 3));
        assertEquals(LocalDate.of(2026, 12, 30), YearlessDates.forExport(plain).resolve("December 30"));
    }
}
