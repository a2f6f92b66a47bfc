package org.practicepulse.risk;

import java.util.Arrays;
import java.util.Set;

/**
 * One text as the rules see it: quotation marks normalised ({@code plain}), and lower-cased
 * ({@code folded}), both with the same offsets as the original; sentences and word windows are
 * computed only when a rule asks for them.
 */
final class TextView {

    private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "mx", "st", "vs", "jr", "sr", "no",
            "etc", "approx", "dept", "inc", "ltd", "prof", "rev", "fig", "e.g", "i.e", "ave", "blvd", "rd", "ln", "mt", "ft",
            "oz", "lb", "lbs", "min", "hr", "hrs", "apt", "ste", "univ", "corp");
    private static final int LONGEST_ABBREVIATION = 6;

    final String original;
    final String plain;
    final String folded;
    private int[] sentenceStarts;
    private int[] tokenStarts;

    TextView(String text) {
        this.original = text;
        char[] plainChars = text.toCharArray();
        char[] foldedChars = new char[plainChars.length];
        for (int i = 0; i < plainChars.length; i++) {
            char c = plainChars[i];
            switch (c) {
                case '\u2018', '\u2019', '\u02bc', '\u2032' -> c = '\'';
                case '\u201c', '\u201d', '\u201e', '\u2033' -> c = '"';
                case '\u2010', '\u2011', '\u2012', '\u2013' -> c = '-';
                case '\u00a0', '\u202f' -> c = ' ';
                default -> {
                }
            }
            plainChars[i] = c;
            // Character-wise lower case keeps every offset (String.toLowerCase may change the length).
            foldedChars[i] = Character.toLowerCase(c);
        }
        this.plain = new String(plainChars);
        this.folded = new String(foldedChars);
    }

    int length() {
        return original.length();
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Word characters of windows: letters, digits, apostrophes inside words ("don't" is one word). */
    private boolean inWord(int i) {
        char c = folded.charAt(i);
        if (isWordChar(c)) {
            return true;
        }
        return c == '\'' && i > 0 && i + 1 < folded.length() && isWordChar(folded.charAt(i - 1)) && isWordChar(folded.charAt(i + 1));
    }

    /**
     * Whether some run of at least n digits, separated only by spaces, dashes, dots, slashes or
     * brackets ("(312) 555-0142"), occurs: the only texts worth asking libphonenumber about.
     */
    boolean hasDigitRun(int n) {
        int digits = 0;
        int separators = 0;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits >= n) {
                    return true;
                }
                separators = 0;
            } else if (digits > 0 && " -.()/+".indexOf(c) >= 0 && ++separators <= 2) {
                continue;
            } else {
                digits = 0;
                separators = 0;
            }
        }
        return false;
    }

    /** Offsets where a word or a symbol begins (not whitespace): where patterns are tried. */
    int[] tokenStarts() {
        if (tokenStarts == null) {
            int[] starts = new int[Math.max(8, length() / 4)];
            int n = 0;
            for (int i = 0; i < length(); i++) {
                char c = plain.charAt(i);
                boolean word = isWordChar(c);
                if (word ? i == 0 || !isWordChar(plain.charAt(i - 1)) : !Character.isWhitespace(c)) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                    }
                    starts[n++] = i;
                }
            }
            tokenStarts = Arrays.copyOf(starts, n);
        }
        return tokenStarts;
    }

    /** Start of the sentence holding this offset. */
    int sentenceStart(int pos) {
        int[] starts = sentenceStarts();
        int i = Arrays.binarySearch(starts, pos);
        return i >= 0 ? starts[i] : starts[-i - 2];
    }

    /** End (exclusive) of the sentence holding this offset. */
    int sentenceEnd(int pos) {
        int[] starts = sentenceStarts();
        int i = Arrays.binarySearch(starts, pos);
        int next = i >= 0 ? i + 1 : -i - 1;
        return next < starts.length ? starts[next] : length();
    }

    /** The start of the n-th word before pos, not crossing the sentence start. */
    int wordsBefore(int pos, int n) {
        int limit = sentenceStart(pos);
        int i = pos;
        for (int words = 0; words < n; words++) {
            while (i > limit && !inWord(i - 1)) {
                i--;
            }
            if (i <= limit) {
                return limit;
            }
            while (i > limit && inWord(i - 1)) {
                i--;
            }
        }
        return i;
    }

    /** The end of the n-th word after pos, not crossing the sentence end. */
    int wordsAfter(int pos, int n) {
        int limit = pos >= length() ? length() : sentenceEnd(pos);
        int i = pos;
        for (int words = 0; words < n; words++) {
            while (i < limit && !inWord(i)) {
                i++;
            }
            if (i >= limit) {
                return limit;
            }
            while (i < limit && inWord(i)) {
                i++;
            }
        }
        return i;
    }

    /** True when the span stands in quotation marks ('cure', "detox"): the author mentions the words. */
    boolean quoted(int start, int end) {
        if (start == 0 || !isQuote(plain.charAt(start - 1))) {
            return false;
        }
        int i = end;
        while (i < length() && ".,!?".indexOf(plain.charAt(i)) >= 0) {
            i++;
        }
        return i < length() && isQuote(plain.charAt(i));
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    private int[] sentenceStarts() {
        if (sentenceStarts == null) {
            int[] starts = new int[8];
            int n = 0;
            starts[n++] = 0;
            int len = length();
            for (int i = 0; i < len; i++) {
                char c = plain.charAt(i);
                boolean boundary;
                if (c == '\n' || c == '\r') {
                    boundary = true;
                } else if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                    int next = i + 1;
                    while (next < len && ".!?\"')\u2026".indexOf(plain.charAt(next)) >= 0) {
                        next++;
                    }
                    boundary = (next >= len || Character.isWhitespace(plain.charAt(next))) && !(c == '.' && abbreviation(i));
                    i = next - 1;
                } else {
                    boundary = false;
                }
                if (boundary && i + 1 < len) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                    }
                    starts[n++] = i + 1;
                }
            }
            sentenceStarts = Arrays.copyOf(starts, n);
        }
        return sentenceStarts;
    }

    /** A full stop after "Dr", "Mrs", "e.g" or a single initial ("Kevin M.") ends no sentence. */
    private boolean abbreviation(int dot) {
        int start = dot;
        while (start > 0 && dot - start <= LONGEST_ABBREVIATION
                && (Character.isLetter(folded.charAt(start - 1)) || folded.charAt(start - 1) == '.')) {
            start--;
        }
        int length = dot - start;
        if (length == 1 && Character.isLetter(plain.charAt(start))) {
            return Character.isUpperCase(plain.charAt(start));
        }
        return length > 0 && length <= LONGEST_ABBREVIATION && (start == 0 || !Character.isLetter(folded.charAt(start - 1)))
                && ABBREVIATIONS.contains(folded.substring(start, dot));
    }
}
