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

    /**
     * The examples of vaderSentiment 3.3.2's README and demo, with the compound scores it prints.
     * One example is scored differently on purpose, see {@link #pooledDuplicateRatingsChangeOneReferenceExample()}.
     */
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

    @Test
    void pooledDuplicateRatingsChangeOneReferenceExample() {
        // the reference prints 0.5249 with "lol" = 1.8, its later line; both lines pooled give 2.35
        assertEquals(0.6385, vader.compound("Today only kinda sux! But I'll get by, lol"), 0.0);
        VaderLexicon lexicon = VaderLexicon.bundled();
        assertEquals((2.9 + 1.8) / 2, lexicon.valence("lol"), 1e-12);
        assertEquals((-2.9 + 1.2) / 2, lexicon.valence("d:"), 1e-12);
        assertEquals((2.7 + 2.6) / 2, lexicon.valence("x-d"), 1e-12);
        assertEquals(-2.5, lexicon.valence("bad"), 0.0); // a word rated once keeps its rating
        // "D:" (dismay) now reads negative; the reference read it as +1.2
        assertEquals(VaderSentiment.normalize(-0.85), vader.compound("D:"), 0.00005);
    }

    @Test
    void htmlEntitiesAreDecodedBeforeScoring() {
        assertEquals(vader.compound("Great staff & doctors"), vader.compound("Great staff &amp; doctors"), 0.0);
        // "&lt;3" is the "<3" emoticon (1.9); the reference found nothing in it
        assertEquals(VaderSentiment.normalize(1.9), vader.compound("&lt;3"), 0.00005);
        assertEquals(vader.compound("<3"), vader.compound("&lt;3"), 0.0);
        assertEquals(vader.compound("It's great"), vader.compound("It&#39;s great"), 0.0);
    }

    @Test
    void shortWordsWithPunctuationAreFoundInTheLexicon() {
        // the reference kept "No." and "ok!" whole (two letters after stripping) and so scored them 0
        assertEquals(VaderSentiment.normalize(-1.2), vader.compound("No."), 0.00005);
        assertEquals(VaderSentiment.normalize((1.6 + 1.2) / 2 + 0.292), vader.compound("ok!"), 0.00005);
        // emoticons stay whole
        assertEquals(VaderSentiment.normalize(2.0), vader.compound(":)"), 0.00005);
        assertEquals(0.0, vader.compound("..."), 0.0);
    }

    @Test
    void negationDoesNotReachIntoTheNextSentenceNorPastItsOwnComma() {
        // "suck" (-1.9) is not negated by "Nothing" of the sentence before; the reference made it +0.4015
        assertEquals(VaderSentiment.normalize(-1.9 - 0.292), vader.compound("Nothing happened! You suck"), 0.00005);
        // "Nope," answers; it negates nothing ("clueless" -1.5); the reference: +0.2755
        assertEquals(VaderSentiment.normalize(-1.5), vader.compound("Nope, still clueless."), 0.00005);
        assertTrue(vader.compound("The nurse was not, however, rude") < 0);
        assertTrue(vader.compound("Not good. Great staff") > 0);
        // a list shares its negation, and an abbreviation's full stop ends no sentence
        assertEquals(-0.7424, vader.compound("VADER is not smart, handsome, nor funny."), 0.0);
        assertEquals(VaderSentiment.normalize(3.2 * VaderSentiment.N_SCALAR), vader.compound("Not Dr. Lee's best work"), 0.00005);
    }

    @Test
    void repeatedNoCountsAsNegativeEachTime() {
        // the reference turned every "no" after the first into +0.888 and scored "no no no" +0.4168
        assertEquals(VaderSentiment.normalize(-3 * 1.2), vader.compound("no no no"), 0.00005);
        assertEquals(vader.compound("no no no"), vader.compound("NO NO NO"), 0.0);
        // "no" before a sentiment word still negates it
        assertEquals(VaderSentiment.normalize(-2.5 * VaderSentiment.N_SCALAR), vader.compound("no bad news"), 0.00005);
    }

    @Test
    void elongatedWordsCountAsTheWordWithEmphasis() {
        // "soooo" is the booster "so" (+0.293), "gooood" is "good" (1.9) stretched (+0.293)
        assertEquals(VaderSentiment.normalize(1.9 + 0.293 + 0.293), vader.compound("soooo gooood"), 0.00005);
        assertEquals(VaderSentiment.normalize(-1.2 - 0.293), vader.compound("Noooo"), 0.00005);
        // a stretched booster is the booster; the stretch adds emphasis to sentiment words only
        assertEquals(vader.compound("The wait was so bad"), vader.compound("The wait was soooo bad"), 0.0);
        assertTrue(vader.compound("The wait was so baaad") < vader.compound("The wait was so bad"));
        // "cool" (1.3) is a lexicon word and stays as it is; "coool" is "cool" stretched
        assertEquals(VaderSentiment.normalize(1.3), vader.compound("cool"), 0.00005);
        assertEquals(VaderSentiment.normalize(1.3 + 0.293), vader.compound("coool"), 0.00005);
    }

    @Test
    void emoticonsAndLaughterAreNeitherNegatedNorBoosted() {
        // ":)" (+2.0) after "not bad" stays positive; the reference negated it too and scored 0.0951
        assertEquals(VaderSentiment.normalize(-2.5 * VaderSentiment.N_SCALAR + 2.0), vader.compound("not bad :)"), 0.00005);
        // "lol" two words after "don't" is not negated (the reference: -0.3252)
        assertEquals(VaderSentiment.normalize(2.35), vader.compound("I don't know lol"), 0.00005);
        assertTrue(VaderSentiment.isParalinguistic(":)") && VaderSentiment.isParalinguistic("<3")
                && VaderSentiment.isParalinguistic(":p") && VaderSentiment.isParalinguistic("lol"));
        assertFalse(VaderSentiment.isParalinguistic("good") || VaderSentiment.isParalinguistic("no"));
    }
}
