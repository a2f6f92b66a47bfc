package org.practicepulse.reputation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A text cut into VADER's tokens: whitespace-separated, edge punctuation stripped. Beside each
 * token it keeps what the rules need to know about the raw text around it:
 * <ul>
 * <li>{@link #words()}: the tokens as written (case kept, for the ALL CAPS rule);</li>
 * <li>{@link #lower()}: the tokens lower-cased, elongated words reduced to the lexicon word
 * ("soooo" -> "so", "gooood" -> "good");</li>
 * <li>{@link #elongated(int)}: whether the writer stretched the word;</li>
 * <li>{@link #reaches(int, int)}: whether a negation or degree word can modify a later token,
 * which it cannot across a sentence end (".", "!", "?", ";") nor past its own comma or colon
 * ("Nope, still clueless": "Nope," is an answer, not a negation of "clueless"). Commas between
 * the two do not stop it: "not smart, handsome, nor funny" negates all three.</li>
 * </ul>
 */
final class VaderTokens {

    /** Abbreviations whose full stop ends no sentence ("Dr. Smith was not helpful"). */
    private static final Set<String> ABBREVIATIONS = Set.of("dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "vs.", "etc.",
            "e.g.", "i.e.", "jr.", "sr.");
    private static final String SENTENCE_ENDS = ".!?;";
    private static final String CLAUSE_ENDS = ",:";
    private static final Pattern LETTER_RUN = Pattern.compile("([a-z])\\1\\1");
    private static final Pattern RUN_OF_THREE_OR_MORE = Pattern.compile("([a-z])\\1{2,}");

    private final List<String> words;
    private final List<String> lower;
    private final boolean[] endsSentence;
    private final boolean[] endsClause;
    private final boolean[] elongated;

    private VaderTokens(List<String> words, List<String> lower, boolean[] endsSentence, boolean[] endsClause,
            boolean[] elongated) {
        this.words = words;
        this.lower = lower;
        this.endsSentence = endsSentence;
        this.endsClause = endsClause;
        this.elongated = elongated;
    }

    /** Tokens of a text whose emoji are already replaced by their descriptions. */
    static VaderTokens of(String text, VaderLexicon lexicon) {
        List<String> raw = whitespaceSeparated(text);
        List<String> words = new ArrayList<>(raw.size());
        List<String> lower = new ArrayList<>(raw.size());
        boolean[] endsSentence = new boolean[raw.size()];
        boolean[] endsClause = new boolean[raw.size()];
        boolean[] elongated = new boolean[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            String token = raw.get(i);
            String word = stripPunctuationUnlessEmoticon(token, lexicon);
            String lowerWord = word.toLowerCase(Locale.ROOT);
            String reduced = reduceElongation(lowerWord, lexicon);
            words.add(word);
            lower.add(reduced != null ? reduced : lowerWord);
            elongated[i] = reduced != null;
            endsSentence[i] = endsWithOneOf(token, SENTENCE_ENDS, lexicon);
            endsClause[i] = endsWithOneOf(token, CLAUSE_ENDS, lexicon);
        }
        return new VaderTokens(List.copyOf(words), List.copyOf(lower), endsSentence, endsClause, elongated);
    }

    List<String> words() {
        return words;
    }

    List<String> lower() {
        return lower;
    }

    int size() {
        return words.size();
    }

    boolean elongated(int i) {
        return elongated[i];
    }

    /**
     * Whether the token {@code back} places before token {@code i} can negate or modify it: no
     * sentence ends from that token up to {@code i}, and that token does not end with a comma or colon.
     */
    boolean reaches(int i, int back) {
        if (endsClause[i - back]) {
            return false;
        }
        for (int k = 1; k <= back; k++) {
            if (endsSentence[i - k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Edge punctuation goes ("good!" -> "good", "#blessed" -> "blessed", "no." -> "no"), except
     * from a token that is itself a lexicon entry, which keeps emoticons such as ":)", ":D" and
     * "&lt;3" whole. A token of punctuation only ("...") stays as it is. (VaderSentiment 3.3.2
     * instead kept every token that stripping would cut to two characters or fewer, so "no.",
     * "ok!" and "NO!" were never found in the lexicon.)
     */
    static String stripPunctuationUnlessEmoticon(String token, VaderLexicon lexicon) {
        if (lexicon.contains(token.toLowerCase(Locale.ROOT))) {
            return token;
        }
        String stripped = stripAsciiPunctuation(token);
        return stripped.isEmpty() ? token : stripped;
    }

    /**
     * Writers stretch words for emphasis ("soooo gooood", "noooo"): a word the lexicon lacks,
     * with a letter three or more times in a row, is looked up with those runs cut to two
     * letters, then to one. Returns the lexicon word (or booster, or negation) found, else null.
     */
    static String reduceElongation(String lowerWord, VaderLexicon lexicon) {
        if (lexicon.contains(lowerWord) || VaderSentiment.BOOSTERS.containsKey(lowerWord)
                || !LETTER_RUN.matcher(lowerWord).find()) {
            return null;
        }
        for (String replacement : new String[] { "$1$1", "$1" }) {
            String candidate = RUN_OF_THREE_OR_MORE.matcher(lowerWord).replaceAll(replacement);
            if (lexicon.contains(candidate) || VaderSentiment.BOOSTERS.containsKey(candidate)
                    || VaderSentiment.negated(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Emoticons (":/", "D:") and abbreviations ("Dr.") end nothing. */
    private static boolean endsWithOneOf(String rawToken, String ends, VaderLexicon lexicon) {
        String lowerToken = rawToken.toLowerCase(Locale.ROOT);
        if (lexicon.contains(lowerToken) || ABBREVIATIONS.contains(lowerToken)) {
            return false;
        }
        return ends.indexOf(rawToken.charAt(rawToken.length() - 1)) >= 0;
    }

    private static List<String> whitespaceSeparated(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (isPythonWhitespace(codePoint)) {
                i += Character.charCount(codePoint);
                continue;
            }
            int start = i;
            while (i < text.length() && !isPythonWhitespace(codePoint = text.codePointAt(i))) {
                i += Character.charCount(codePoint);
            }
            tokens.add(text.substring(start, i));
        }
        return tokens;
    }

    private static String stripAsciiPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && isAsciiPunctuation(token.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiPunctuation(token.charAt(end - 1))) {
            end--;
        }
        return token.substring(start, end);
    }

    /** Python's string.punctuation. */
    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    /** Python's str.isspace() for one character: Unicode space separators and bidi whitespace classes. */
    static boolean isPythonWhitespace(int codePoint) {
        if (Character.getType(codePoint) == Character.SPACE_SEPARATOR) {
            return true;
        }
        byte direction = Character.getDirectionality(codePoint);
        return direction == Character.DIRECTIONALITY_WHITESPACE || direction == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
                || direction == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
    }
}
