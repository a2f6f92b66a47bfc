package org.practicepulse.reputation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * VADER's two word lists, bundled unchanged from vaderSentiment 3.3.2 (MIT, see
 * resources/reputation/vader/LICENSE.txt): word valences (-4..4, mean of ten human ratings) and
 * emoji descriptions ("😁" -> "beaming face with smiling eyes").
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
                readTabbed("vader_lexicon.txt", Double::parseDouble), readTabbed("emoji_utf8_lexicon.txt", s -> s));
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

    /** Lines of "key TAB value [TAB ...]"; a later duplicate key wins, as in the reference's dict. */
    private static <T> Map<String, T> readTabbed(String file, Function<String, T> value) {
        Map<String, T> entries = new HashMap<>();
        try (InputStream in = VaderLexicon.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FOLDER + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] fields = trimmed.split("\t");
                entries.put(fields[0], value.apply(fields[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + file, e);
        }
        return entries;
    }
}
