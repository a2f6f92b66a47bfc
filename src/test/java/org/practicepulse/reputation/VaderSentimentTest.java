package org.practicepulse.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VaderSentimentTest {

    private final VaderSentiment vader = new VaderSentiment(VaderLexicon.bundled());

    /** The examples of vaderSentiment 3.3.2's README and demo, with the compound scores it prints. */
    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            VADER is smart, handsome, and funny.                                                 |  0.8316
            VADER is smart, handsome, and funny!                                                 |  0.8439
            VADER is very smart, handsome, and funny.                                            |  0.8545
            VADER is VERY SMART, handsome, and FUNNY.                                            |  0.9227
            VADER is VERY SMART, handsome, and FUNNY!!!                                          |  0.9342
            VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!                             |  0.9469
            VADER is not smart, handsome, nor funny.                                             | -0.7424
            The book was good.                                                                   |  0.4404
            At least it isn't a horrible book.                                                   |  0.431
            The book was only kind of good.                                                      |  0.3832
            The plot was good, but the characters are uncompelling and the dialog is not great.  | -0.7042
            Today SUX!                                                                           | -0.5461
            Today only kinda sux! But I'll get by, lol                                           |  0.5249
            Make sure you :) or :D today!                                                        |  0.8633
            Catch utf-8 emoji such as 💘 and 💋 and 😁                                           |  0.875
            Not bad at all                                                                       |  0.431
            Sentiment analysis has never been good.                                              | -0.3412
            Sentiment analysis has never been this good!                                         |  0.5672
            Most automated sentiment analysis tools are shit.                                    | -0.5574
            With VADER, sentiment analysis is the shit!                                          |  0.6476
            Other sentiment analysis tools can be quite bad.                                     | -0.5849
            On the other hand, VADER is quite bad ass                                            |  0.802
            VADER is such a badass!                                                              |  0.4003
            Without a doubt, excellent idea.                                                     |  0.7013
            Roger Dodger is one of the most compelling variations on this theme.                 |  0.2944
            Roger Dodger is at least compelling as a variation on the theme.                     |  0.2263
            Roger Dodger is one of the least compelling variations on this theme.                | -0.1695
            Not such a badass after all.                                                         | -0.2584
            """)
    void scoresTheReferenceExamplesExactlyAsTheReferenceDoes(String text, double compound) {
        assertEquals(compound, vader.compound(text), 0.0);
    }

    @Test
    void negationFlipsAndDampensTheNextWords() {
        assertEquals(0.4404, vader.compound("The doctor was good."), 0.0);
        // "not", "n't" and "never" within three words: valence * -0.74
        assertEquals(-0.3412, vader.compound("The doctor was not good."), 0.0);
        assertEquals(-0.3412, vader.compound("The doctor wasn't good."), 0.0);
        assertEquals(-0.3412, vader.compound("The doctor was never good."), 0.0);
        assertEquals(-0.3412, vader.compound("The doctor was NOT good."), 0.0);
        // "never so" / "never this" intensify instead
        assertEquals(0.5777, vader.compound("The clinic has never been so good."), 0.0);
    }

    @Test
    void boostersAddAndDampenersSubtractLessTheFurtherAwayTheyAre() {
        double good = vader.compound("The staff were good.");
        double veryGood = vader.compound("The staff were very good.");
        double veryReallyGood = vader.compound("The staff were very really good.");
        double somewhatGood = vader.compound("The staff were somewhat good.");
        assertTrue(veryGood > good && veryReallyGood > veryGood && somewhatGood < good);
        // 1.9 + 0.293 next to the word, 1.9 + 0.293 * 0.95 one word further
        assertEquals(VaderSentiment.normalize(1.9 + 0.293), veryGood, 0.00005);
        assertEquals(VaderSentiment.normalize(1.9 + 0.293 + 0.293 * 0.95), veryReallyGood, 0.00005);
    }

    @Test
    void butHalvesWhatComesBeforeAndWeighsWhatComesAfter() {
        // good 1.9, terrible -2.1: 1.9 * 0.5 - 2.1 * 1.5 = -2.2
        assertEquals(VaderSentiment.normalize(1.9 * 0.5 - 2.1 * 1.5), vader.compound("The nurse was good but the wait was terrible"), 0.00005);
        assertEquals(-0.4939, vader.compound("The nurse was good but the wait was terrible"), 0.0);
    }

    @Test
    void capitalsEmphasiseOnlyInMixedCaseText() {
        assertEquals(VaderSentiment.normalize(3.1 + 0.733), vader.compound("The doctor was GREAT"), 0.00005);
        assertEquals(vader.compound("the doctor was great"), vader.compound("THE DOCTOR WAS GREAT"), 0.0);
        assertTrue(VaderSentiment.allCapDifferential(List.of("The", "doctor", "was", "GREAT")));
        assertFalse(VaderSentiment.allCapDifferential(List.of("THE", "DOCTOR")));
    }

    @Test
    void exclamationsAddUpToFourAndQuestionMarksFromTwo() {
        assertEquals(VaderSentiment.normalize(3.1 + 2 * 0.292), vader.compound("Great!!"), 0.00005);
        assertEquals(VaderSentiment.normalize(3.1 + 4 * 0.292), vader.compound("Great!!!!!!!"), 0.00005);
        assertEquals(VaderSentiment.normalize(3.1), vader.compound("Great?"), 0.00005);
        assertEquals(VaderSentiment.normalize(3.1 + 3 * 0.18), vader.compound("Great???"), 0.00005);
        assertEquals(VaderSentiment.normalize(3.1 + 0.96), vader.compound("Great?????"), 0.00005);
    }

    @Test
    void leastNegatesExceptInAtLeastAndVeryLeast() {
        assertTrue(vader.compound("the least helpful office") < 0);
        assertTrue(vader.compound("at least helpful") > 0);
    }

    @Test
    void emojiCountThroughTheirDescriptions() {
        // 😊 = "smiling face with smiling eyes"; 😠 = "angry face"
        assertEquals(0.7184, vader.compound("Dr. Reyes 😊"), 0.0);
        assertEquals(-0.5106, vader.compound("Waited two hours 😠"), 0.0);
        assertEquals(vader.compound("Thanks smiling face with smiling eyes"), vader.compound("Thanks😊"), 0.0);
    }

    @Test
    void noNegatesTheWordsAfterItAndEmptyTextIsNeutral() {
        assertTrue(vader.compound("No problems at all") > 0);
        assertEquals(0.0, vader.compound(""), 0.0);
        assertEquals(0.0, vader.compound("   "), 0.0);
        assertEquals(0.0, vader.compound("The office is on Main Street."), 0.0);
    }

    @Test
    void compoundStaysWithinMinusOneAndOne() {
        assertEquals(0.9957, vader.compound("GREAT GREAT GREAT GREAT great great great great great love love love!!!!"), 0.0);
        assertEquals(-0.9912, vader.compound("horrible horrible horrible horrible horrible awful awful awful worst worst worst!!!!"), 0.0);
    }
}
