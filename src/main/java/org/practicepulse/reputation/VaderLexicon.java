package org.practicepulse.reputation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * VADER's two word lists, bundled unchanged from vaderSentiment 3.3.2 (MIT, see
 * resources/reputation/vader/LICENSE.txt): word valences (-4..4, mean of ten human ratings) and
 * emoji descriptions ("😁" -> "beaming face with smiling eyes").
 *
 * <p>Fourteen tokens are rated twice in the word list, once among the emoticons and slang and once
 * among the words ("d:" -2.9 and 1.2, "lol" 2.9 and 1.8, "ok" 1.6 and 1.2). Each line is the mean
 * of ten ratings of the same token, so we take the mean of both lines (the mean of the twenty
 * ratings); the reference's dictionary kept whichever came last, an accident of file order.
 */
public final class VaderLexicon {

    private static final String FOLDER = "reputation/vader/";

    private final Map<String, Double> valences;
    private final Map<String, String> emojiDescriptions;

    private VaderLexicon(Map<String, Double> valences, Map<String, String> emojiDescriptions) {
        this.valences = Map.copyOf(valences);
        this.emojiDescriptions = Map.copyOf(emojiDescriptions);
    }

    /** The lists bundled with the application, read once. */
    public static VaderLexicon bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final VaderLexicon INSTANCE = new VaderLexicon(
                readValences("vader_lexicon.txt"), readDescriptions("emoji_utf8_lexicon.txt"));
    }

    /** The valence of a lower-cased token, or null when the token is not a lexicon entry. */
    public Double valence(String lowerCaseToken) {
        return valences.get(lowerCaseToken);
    }

    public boolean contains(String lowerCaseToken) {
        return valences.containsKey(lowerCaseToken);
    }

    /**
     * The description of a single-code-point emoji, or null. Entries made of several code points
     * (flags, skin tones, ZWJ sequences) never match, exactly as in the reference, which looks up
     * one character at a time.
     */
    public String emojiDescription(int codePoint) {
        return emojiDescriptions.get(new String(Character.toChars(codePoint)));
    }

    /** Word valences: lines of "token TAB mean rating [TAB ...]"; a token rated twice gets the mean of its lines. */
    private static Map<String, Double> readValences(String file) {
        Map<String, double[]> sumAndCount = new HashMap<>();
        for (String[] fields : readTabbed(file)) {
            double[] entry = sumAndCount.computeIfAbsent(fields[0], k -> new double[2]);
            entry[0] += Double.parseDouble(fields[1]);
            entry[1]++;
        }
        Map<String, Double> valences = new HashMap<>();
        sumAndCount.forEach((token, entry) -> valences.put(token, entry[0] / entry[1]));
        return valences;
    }

    /** Emoji descriptions: lines of "emoji TAB description"; a later duplicate wins, as in the reference's dict. */
    private static Map<String, String> readDescriptions(String file) {
        Map<String, String> descriptions = new HashMap<>();
        for (String[] fields : readTabbed(file)) {
            descriptions.put(fields[0], fields[1]);
        }
        return descriptions;
    }

    private static List<String[]> readTabbed(String file) {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = VaderLexicon.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FOLDER + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty()) {
                    lines.add(trimmed.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + file, e);
        }
        return lines;
    }
}
