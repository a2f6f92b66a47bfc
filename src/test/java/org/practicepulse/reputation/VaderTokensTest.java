package org.practicepulse.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VaderTokensTest {

    private final VaderLexicon lexicon = VaderLexicon.bundled();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            good!!!   | good
            no.       | no
            ok,       | ok
            #blessed  | blessed
            "great"   | great
            :)        | :)
            :D        | :D
            D:        | D:
            <3        | <3
            ...       | ...
            """)
    void stripsEdgePunctuationExceptFromEmoticons(String token, String expected) {
        assertEquals(expected, VaderTokens.stripPunctuationUnlessEmoticon(token, lexicon));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            gooood    | good
            soooo     | so
            coool     | cool
            noooo     | no
            loooove   | love
            cool      | null
            good      | null
            bzzzt     | null
            """)
    void reducesElongatedWordsToTheLexiconWord(String word, String expected) {
        assertEquals(expected, VaderTokens.reduceElongation(word, lexicon));
    }

    @Test
    void keepsCaseInWordsAndMarksElongatedWords() {
        VaderTokens tokens = VaderTokens.of("The staff were SOOOO nice!!", lexicon);
        assertEquals(List.of("The", "staff", "were", "SOOOO", "nice"), tokens.words());
        assertEquals(List.of("the", "staff", "were", "so", "nice"), tokens.lower());
        assertTrue(tokens.elongated(3));
        assertFalse(tokens.elongated(4));
    }

    @Test
    void modifiersReachAcrossListCommasButNotSentenceEndsOrTheirOwnComma() {
        VaderTokens list = VaderTokens.of("not smart, handsome, nor funny", lexicon);
        assertTrue(list.reaches(2, 2), "not -> handsome");
        VaderTokens answer = VaderTokens.of("Nope, still clueless", lexicon);
        assertFalse(answer.reaches(2, 2), "Nope, -> clueless");
        assertTrue(answer.reaches(2, 1), "still -> clueless");
        VaderTokens sentences = VaderTokens.of("Nothing happened! You suck", lexicon);
        assertFalse(sentences.reaches(3, 3), "Nothing -> suck");
        assertTrue(sentences.reaches(3, 1), "You -> suck");
        VaderTokens title = VaderTokens.of("Not Dr. Lee's best", lexicon);
        assertTrue(title.reaches(3, 3), "Not -> best across Dr.");
        VaderTokens emoticon = VaderTokens.of("D: not good", lexicon);
        assertTrue(emoticon.reaches(2, 2), "an emoticon ending in a colon ends no clause");
    }
}
