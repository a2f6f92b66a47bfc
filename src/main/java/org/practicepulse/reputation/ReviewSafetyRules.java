package org.practicepulse.reputation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which reviews mention an adverse event, an emergency or self-harm: the rules of
 * resources/reputation/review-safety-rules.json (which says how they apply), compiled once.
 * Changing what is escalated means editing that file, not code.
 */
public final class ReviewSafetyRules {

    static final String RESOURCE = "reputation/review-safety-rules.json";
    /** How far back, within the sentence, a negation is looked for. */
    private static final int NEGATION_WINDOW = 60;

    record Category(String id, String explanation, boolean negationSuppresses, List<Pattern> patterns) {
    }

    // The file's shape.
    record RuleFile(List<String> about, String negatedBy, List<CategoryEntry> categories) {
    }

    record CategoryEntry(String id, String explanation, boolean negationSuppresses, List<String> patterns) {
    }

    private final Pattern negatedBy;
    private final List<Category> categories;

    private ReviewSafetyRules(Pattern negatedBy, List<Category> categories) {
        this.negatedBy = negatedBy;
        this.categories = categories;
    }

    public static ReviewSafetyRules bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final ReviewSafetyRules INSTANCE = read();
    }

    /** The ids of the categories the texts mention (null texts are skipped), in the rule file's order; empty when none. */
    public List<String> categoriesIn(String... texts) {
        List<String> found = new ArrayList<>();
        for (Category category : categories) {
            if (mentions(category, texts)) {
                found.add(category.id());
            }
        }
        return List.copyOf(found);
    }

    private boolean mentions(Category category, String... texts) {
        for (String raw : texts) {
            if (raw == null) {
                continue;
            }
            String text = raw.replace('\u2019', '\'').replace('\u2018', '\'');
            for (Pattern pattern : category.patterns()) {
                for (Matcher m = pattern.matcher(text); m.find();) {
                    if (!category.negationSuppresses() || !negatedBy.matcher(sentenceBefore(text, m.start())).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Up to NEGATION_WINDOW characters before the match, not crossing a sentence or clause end. */
    private static String sentenceBefore(String text, int start) {
        String before = text.substring(Math.max(0, start - NEGATION_WINDOW), start);
        int cut = Math.max(Math.max(before.lastIndexOf('.'), before.lastIndexOf('!')),
                Math.max(Math.max(before.lastIndexOf('?'), before.lastIndexOf('\n')), Math.max(before.lastIndexOf(';'),
                        Math.max(before.lastIndexOf(','), before.lastIndexOf(':')))));
        return before.substring(cut + 1);
    }

    private static ReviewSafetyRules read() {
        try (InputStream in = ReviewSafetyRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            RuleFile file = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, RuleFile.class);
            List<Category> categories = file.categories().stream().map(c -> new Category(c.id(), c.explanation(),
                    c.negationSuppresses(), c.patterns().stream().map(p -> ReplySafetyRules.compile(p, false)).toList())).toList();
            return new ReviewSafetyRules(ReplySafetyRules.compile(file.negatedBy(), false), categories);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
