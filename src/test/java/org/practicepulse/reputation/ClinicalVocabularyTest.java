package org.practicepulse.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClinicalVocabularyTest {

    private final SentimentAnalyzer plain = new SentimentAnalyzer(VaderLexicon.bundled(), false);
    private final SentimentAnalyzer clinical = new SentimentAnalyzer(VaderLexicon.bundled(), true);

    /** What plain VADER says, and what the clinical vocabulary makes of it. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            My strep test came back negative.                                             | -0.5719 |  0.0
            Negative test result, and the nurse called me the same day.                   | -0.5719 |  0.0
            I tested negative for flu.                                                    | -0.743  |  0.0
            Tested positive for covid, they called within an hour.                        |  0.5574 |  0.0
            Finally pain free after two years!                                            |  0.0    |  0.5562
            I am pain-free for the first time in years.                                   |  0.0    |  0.5106
            She listened and I am cancer-free today.                                      |  0.0    |  0.5106
            My heart condition was ignored for months.                                    |  0.4404 | -0.3182
            Dr. Okafor found my cancer early and I am so grateful.                        | -0.1365 |  0.5949
            Negative for cancer, thank you Dr. Okafor!                                    | -0.784  |  0.4199
            Thank you for treating my back pain and my anxiety, the whole team was kind.  |  0.2263 |  0.7096
            Got my flu shot in five minutes, thanks!                                      |  0.1511 |  0.4926
            """)
    void readsClinicalWordsAsFindingsAndTopicsNotOpinions(String review, double vader, double adjusted) {
        assertEquals(vader, plain.analyze(review).score(), 0.0, "plain VADER");
        assertEquals(adjusted, clinical.analyze(review).score(), 0.0, "with the clinical vocabulary");
    }

    @Test
    void leavesOpinionsComplaintsAndNegatedConditionsAlone() {
        for (String review : new String[] { "A very positive outcome after my surgery.", "The biopsy was benign, what a relief.",
                "The pain was unbearable and nobody helped.", "Great doctor but the pain never went away.",
                "Negative attitude at the front desk.", "The receptionist was negative for no reason.",
                "No pain at all during the procedure, thank you!", "Thanks for nothing, my pain is worse than ever." }) {
            assertEquals(plain.analyze(review), clinical.analyze(review), review);
        }
        assertEquals(SentimentLabel.POSITIVE, clinical.analyze("A very positive outcome after my surgery.").label());
        assertEquals(SentimentLabel.NEGATIVE, clinical.analyze("The pain was unbearable and nobody helped.").label());
        assertEquals(SentimentLabel.NEGATIVE, clinical.analyze("The receptionist was negative for no reason.").label());
    }

    @Test
    void aGratefulCancerReviewTurnsFromNegativeToPositive() {
        String review = "Dr. Okafor found my cancer early and I am so grateful.";
        assertEquals(SentimentLabel.NEGATIVE, plain.analyze(review).label());
        assertEquals(SentimentLabel.POSITIVE, clinical.analyze(review).label());
    }
}
