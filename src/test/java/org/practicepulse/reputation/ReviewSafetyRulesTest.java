package org.practicepulse.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The safety rule list (resources/reputation/review-safety-rules.json) on the sentences it exists for. */
class ReviewSafetyRulesTest {

    private static final ReviewSafetyRules RULES = ReviewSafetyRules.bundled();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            The nurse gave my son the wrong vaccine and he had an allergic reaction. | adverse-event
            She had a severe reaction to the flu shot.                                | adverse-event
            They misdiagnosed my pneumonia as a cold.                                 | adverse-event
            A medication error that nobody will own up to.                            | adverse-event
            I got an infection after the mole removal.                                | adverse-event
            We ended up in the ER that night.                                         | emergency
            My dad was rushed to the hospital after his appointment.                  | emergency
            I called 911 from the parking lot.                                        | emergency
            The waiting room was an emergency of its own kind, but the ER was fine.   | emergency
            Honestly I wanted to die after hearing the bill.                          | self-harm
            I have thought about suicide and this office did nothing.                 | self-harm
            I am not suicidal, but please take depression seriously.                  | self-harm
            After the wrong dose my mother was admitted to the hospital.              | emergency,adverse-event
            No allergic reaction at all and no side effects from the vaccine.         | -
            I was worried about a reaction to the vaccine, but there was none.        | adverse-event
            Zero complications after my procedure, thank you Dr. Okafor!              | -
            Without any complications from the surgery, I was home the same day.      | -
            She explained the side effects of the medication clearly.                 | -
            The wait was long but the staff were lovely.                              | -
            Great care for my stroke recovery: never had a better physio.             | emergency
            Her answers were er, unclear.                                             | -
            The doctor's ego was life threatening to my patience, lol.                | emergency
            """)
    void findsTheCategoriesASentenceMentions(String text, String expected) {
        assertEquals(expected == null ? List.of() : List.of(expected.split(",")), RULES.categoriesIn(text));
    }

    @ParameterizedTest(name = "{0} stars, {1} -> negative {2}")
    @CsvSource(textBlock = """
            1, POSITIVE, true
            2, NEUTRAL,  true
            3, NEGATIVE, true
            3, NEUTRAL,  false
            3, POSITIVE, false
            4, NEGATIVE, false
            5, NEGATIVE, false
             , NEGATIVE, true
             , POSITIVE, false
            """)
    void negativeMeansFewStarsOrThreeStarsWithNegativeWords(Integer rating, SentimentLabel sentiment, boolean negative) {
        assertEquals(negative, ReviewAssessment.isNegative(rating, sentiment));
    }
}
