package org.practicepulse.reputation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;

/**
 * VADER (Hutto, C.J. &amp; Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for
 * Sentiment Analysis of Social Media Text. ICWSM-14), ported from vaderSentiment 3.3.2, the release
 * whose lexicon and emoji list we bundle. Method names mirror the reference's so the two can be
 * read side by side, and its constants and quirks are kept (a capitalised zero-valence word still
 * gets the negative capitals bonus; "so"/"this" right before a word boosts it by 1.25 whenever
 * three words precede it), except for these deliberate deviations, each a general rule for social
 * text and reviews:
 * <ol>
 * <li>HTML entities are decoded first ("&amp;amp;" is "&amp;", "&amp;lt;3" is the "&lt;3" emoticon), as
 * exports and scraped reviews often carry them.</li>
 * <li>Edge punctuation is stripped from every token that is not itself a lexicon entry, so "no.",
 * "ok!" and "NO!" count; emoticons stay whole (see {@link VaderTokens}).</li>
 * <li>Negation and degree words do not reach into the next sentence ("Nothing happened! You suck"
 * does not negate "suck"), nor past their own comma or colon ("Nope, still clueless"); see
 * {@link VaderTokens#reaches}.</li>
 * <li>"no" before another "no" or a negation word is a negative word itself, not a determiner,
 * and a negation word is not negated by a "no" before it: "NO NO NO" counts three negatives
 * (the reference turned every "no" after the first into a positive).</li>
 * <li>Elongated words ("soooo gooood") are read as the lexicon word; a stretched sentiment word
 * gets a booster's emphasis (+/-0.293) on top.</li>
 * <li>Emoticons and laughter ({@link #isParalinguistic}: ":)", "&lt;3", ":p", "lol", "haha") are
 * neither negated nor boosted by the words before them: they comment on the whole text.</li>
 * <li>The "but" rule weights sentiments by position, as the paper describes, where the reference
 * finds each value's position with {@code list.index(value)} and so weights the first of two
 * equal values twice and the second not at all.</li>
 * <li>Lexicon entries listed twice take the mean of both ratings (see {@link VaderLexicon}).</li>
 * </ol>
 *
 * <p>The result is the compound score, rounded to 4 decimals like the reference's.
 */
public final class VaderSentiment {

    // Empirically derived mean rating changes (from the paper).
    static final double B_INCR = 0.293;
    static final double B_DECR = -0.293;
    static final double C_INCR = 0.733;
    static final double N_SCALAR = -0.74;
    static final double ALPHA = 15;

    static final Set<String> NEGATE = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
            "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
            "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
            "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
            "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    /** Degree adverbs: boosters (+) and dampeners (-). */
    static final Map<String, Double> BOOSTERS = boosters();

    /** Idioms and phrases containing lexicon words whose meaning differs from their words'. */
    static final Map<String, Double> SPECIAL_CASES = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5,
            "badass", 1.5, "bus stop", 0.0, "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);

    /** Laughter and kisses: comments on the whole text, like emoticons. */
    static final Set<String> LAUGHTER = Set.of("lol", "lmao", "lmfao", "rofl", "haha", "hahaha", "hehe", "xd", "xoxo");
    /** Emoticons with one letter: ":p", ":d", "xd", "8-d", "=l". */
    private static final Pattern LETTER_EMOTICON = Pattern.compile("[:;=8x]-?[a-z]");

    private final VaderLexicon lexicon;

    public VaderSentiment(VaderLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Plain VADER: the compound score in [-1, 1]. */
    public double compound(String text) {
        return compound(text, ValenceAdjustment.NONE);
    }

    /** VADER with a domain vocabulary's adjustments (see {@link ValenceAdjustment}). */
    public double compound(String text, ValenceAdjustment adjustment) {
        String described = describeEmoji(StringEscapeUtils.unescapeHtml4(text));
        VaderTokens tokens = VaderTokens.of(described, lexicon);
        if (tokens.size() == 0) {
            return 0.0;
        }
        List<String> words = tokens.words();
        List<String> lower = tokens.lower();
        boolean capDifferential = allCapDifferential(words);
        Double[] wordValences = adjustment.wordValences(lower);

        double[] sentiments = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            String item = lower.get(i);
            // words used as modifiers count nothing themselves
            if (BOOSTERS.containsKey(item)) {
                continue;
            }
            if (i < words.size() - 1 && item.equals("kind") && lower.get(i + 1).equals("of")) {
                continue;
            }
            Double valence = wordValences[i] != null ? wordValences[i] : lexicon.valence(item);
            if (valence == null || wordValences[i] != null && wordValences[i] == 0.0) {
                continue;
            }
            if (isParalinguistic(item)) {
                sentiments[i] = valence + capitalsEmphasis(words.get(i), valence, capDifferential);
                continue;
            }
            sentiments[i] = sentimentValence(valence, tokens, i, capDifferential);
            if (tokens.elongated(i) && sentiments[i] != 0) {
                sentiments[i] += sentiments[i] > 0 ? B_INCR : B_DECR;
            }
        }
        butCheck(lower, sentiments);
        adjustment.adjustSentiments(lower, sentiments);

        double sum = 0.0;
        for (double s : sentiments) {
            sum += s;
        }
        double emphasis = punctuationEmphasis(described);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        return round4(normalize(sum));
    }

    /** Emoticons (lexicon entries without letters, or with one as in ":p") and laughter. */
    static boolean isParalinguistic(String lowerToken) {
        return lowerToken.chars().noneMatch(c -> c >= 'a' && c <= 'z') || LAUGHTER.contains(lowerToken)
                || LETTER_EMOTICON.matcher(lowerToken).matches();
    }

    private static double capitalsEmphasis(String word, double valence, boolean capDifferential) {
        if (!isUpper(word) || !capDifferential) {
            return 0.0;
        }
        return valence > 0 ? C_INCR : -C_INCR;
    }

    private double sentimentValence(double lexiconValence, VaderTokens tokens, int i, boolean capDifferential) {
        List<String> words = tokens.words();
        List<String> lower = tokens.lower();
        String item = lower.get(i);
        double valence = lexiconValence;
        boolean itemIsNegation = item.equals("no") || negated(item);
        // "no" right before a lexicon word of its clause negates that word instead of counting as a
        // negative word, unless that word is a negation itself ("no no", "no, not")
        if (item.equals("no") && i != words.size() - 1 && lexicon.contains(lower.get(i + 1))
                && !lower.get(i + 1).equals("no") && !negated(lower.get(i + 1)) && tokens.reaches(i + 1, 1)) {
            valence = 0.0;
        }
        if (!itemIsNegation && (i > 0 && lower.get(i - 1).equals("no") && tokens.reaches(i, 1)
                || i > 1 && lower.get(i - 2).equals("no") && tokens.reaches(i, 2)
                || i > 2 && lower.get(i - 3).equals("no") && (lower.get(i - 1).equals("or") || lower.get(i - 1).equals("nor"))
                        && tokens.reaches(i, 3))) {
            valence = lexiconValence * N_SCALAR;
        }
        // ALL CAPS emphasis, only when the text also has words that are not all caps
        valence += capitalsEmphasis(words.get(i), valence, capDifferential);
        for (int start = 0; start < 3; start++) {
            int before = i - (start + 1);
            if (i > start && !lexicon.contains(lower.get(before)) && tokens.reaches(i, start + 1)) {
                // modifiers further away count less
                double s = scalarIncDec(words.get(before), lower.get(before), valence, capDifferential);
                if (start == 1 && s != 0) {
                    s *= 0.95;
                }
                if (start == 2 && s != 0) {
                    s *= 0.9;
                }
                valence += s;
                valence = negationCheck(valence, lower, start, i);
                if (start == 2) {
                    valence = specialIdiomsCheck(valence, lower, i);
                }
            }
        }
        return leastCheck(valence, lower, i);
    }

    private static double scalarIncDec(String word, String lowerWord, double valence, boolean capDifferential) {
        Double booster = BOOSTERS.get(lowerWord);
        if (booster == null) {
            return 0.0;
        }
        double scalar = valence < 0 ? -booster : booster;
        if (isUpper(word) && capDifferential) {
            scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        return scalar;
    }

    private static double negationCheck(double valence, List<String> lower, int start, int i) {
        if (start == 0 && negated(lower.get(i - 1))) {
            return valence * N_SCALAR;
        }
        if (start == 1) {
            if (lower.get(i - 2).equals("never") && isSoOrThis(lower.get(i - 1))) {
                return valence * 1.25;
            }
            if (lower.get(i - 2).equals("without") && lower.get(i - 1).equals("doubt")) {
                return valence;
            }
            if (negated(lower.get(i - 2))) {
                return valence * N_SCALAR;
            }
        }
        if (start == 2) {
            if (lower.get(i - 3).equals("never") && isSoOrThis(lower.get(i - 2)) || isSoOrThis(lower.get(i - 1))) {
                return valence * 1.25;
            }
            if (lower.get(i - 3).equals("without") && (lower.get(i - 2).equals("doubt") || lower.get(i - 1).equals("doubt"))) {
                return valence;
            }
            if (negated(lower.get(i - 3))) {
                return valence * N_SCALAR;
            }
        }
        return valence;
    }

    private static boolean isSoOrThis(String word) {
        return word.equals("so") || word.equals("this");
    }

    static boolean negated(String lowerWord) {
        return NEGATE.contains(lowerWord) || lowerWord.contains("n't");
    }

    private static double specialIdiomsCheck(double valence, List<String> lower, int i) {
        String oneZero = lower.get(i - 1) + " " + lower.get(i);
        String twoOneZero = lower.get(i - 2) + " " + lower.get(i - 1) + " " + lower.get(i);
        String twoOne = lower.get(i - 2) + " " + lower.get(i - 1);
        String threeTwoOne = lower.get(i - 3) + " " + lower.get(i - 2) + " " + lower.get(i - 1);
        String threeTwo = lower.get(i - 3) + " " + lower.get(i - 2);
        for (String sequence : List.of(oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo)) {
            Double special = SPECIAL_CASES.get(sequence);
            if (special != null) {
                valence = special;
                break;
            }
        }
        if (lower.size() - 1 > i) {
            Double special = SPECIAL_CASES.get(lower.get(i) + " " + lower.get(i + 1));
            if (special != null) {
                valence = special;
            }
        }
        if (lower.size() - 1 > i + 1) {
            Double special = SPECIAL_CASES.get(lower.get(i) + " " + lower.get(i + 1) + " " + lower.get(i + 2));
            if (special != null) {
                valence = special;
            }
        }
        // two-word dampeners such as "kind of", "sort of"
        for (String nGram : List.of(threeTwoOne, threeTwo, twoOne)) {
            Double booster = BOOSTERS.get(nGram);
            if (booster != null) {
                valence += booster;
            }
        }
        return valence;
    }

    /** "least" negates the next word, except in "at least" and "very least". */
    private double leastCheck(double valence, List<String> lower, int i) {
        if (i > 1 && !lexicon.contains(lower.get(i - 1)) && lower.get(i - 1).equals("least")) {
            if (!lower.get(i - 2).equals("at") && !lower.get(i - 2).equals("very")) {
                return valence * N_SCALAR;
            }
        } else if (i > 0 && !lexicon.contains(lower.get(i - 1)) && lower.get(i - 1).equals("least")) {
            return valence * N_SCALAR;
        }
        return valence;
    }

    /** Words before the first "but" count half, words after it one and a half times. */
    private static void butCheck(List<String> lower, double[] sentiments) {
        int but = lower.indexOf("but");
        if (but < 0) {
            return;
        }
        for (int i = 0; i < sentiments.length; i++) {
            if (i < but) {
                sentiments[i] *= 0.5;
            } else if (i > but) {
                sentiments[i] *= 1.5;
            }
        }
    }

    private static double punctuationEmphasis(String text) {
        long exclamations = Math.min(text.chars().filter(c -> c == '!').count(), 4);
        long questions = text.chars().filter(c -> c == '?').count();
        double questionEmphasis = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
        return exclamations * 0.292 + questionEmphasis;
    }

    static double normalize(double score) {
        double normalized = score / Math.sqrt(score * score + ALPHA);
        return Math.max(-1.0, Math.min(1.0, normalized));
    }

    /** Python's round(x, 4): half-even on the exact binary value. */
    private static double round4(double value) {
        return new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Each single-code-point emoji becomes its description, preceded by a space unless one is there. */
    String describeEmoji(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean previousSpace = true;
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            String description = lexicon.emojiDescription(codePoint);
            if (description != null) {
                if (!previousSpace) {
                    out.append(' ');
                }
                out.append(description);
                previousSpace = false;
            } else {
                out.appendCodePoint(codePoint);
                previousSpace = codePoint == ' ';
            }
        }
        return pythonStrip(out.toString());
    }

    /** True if some but not all tokens are ALL CAPS. */
    static boolean allCapDifferential(List<String> words) {
        long allCaps = words.stream().filter(VaderSentiment::isUpper).count();
        long differential = words.size() - allCaps;
        return differential > 0 && differential < words.size();
    }

    /** Python's str.isupper(): at least one cased character, and no lower-case or title-case one. */
    static boolean isUpper(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length();) {
            int codePoint = word.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLowerCase(codePoint) || Character.isTitleCase(codePoint)) {
                return false;
            }
            cased |= Character.isUpperCase(codePoint);
        }
        return cased;
    }

    private static String pythonStrip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && VaderTokens.isPythonWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && VaderTokens.isPythonWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> boosters = new HashMap<>();
        for (String word : List.of("absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
                "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
                "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
                "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging",
                "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly",
                "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
                "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually",
                "utter", "utterly", "very")) {
            boosters.put(word, B_INCR);
        }
        for (String word : List.of("almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
                "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely",
                "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of")) {
            boosters.put(word, B_DECR);
        }
        return Map.copyOf(boosters);
    }
}
