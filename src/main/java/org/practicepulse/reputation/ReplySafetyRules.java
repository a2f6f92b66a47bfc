package org.practicepulse.reputation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reply checker's rules, read from resources/reputation/reply-safety-rules.json (which says
 * how they are applied) and compiled once. Changing what counts as a disclosure means editing
 * that file, not code.
 */
final class ReplySafetyRules {

    static final String RESOURCE = "reputation/reply-safety-rules.json";

    enum Kind {
        /** Findings are the matches of the rule's patterns. */
        PATTERNS,
        /** Findings are the reviewer's name in the reply. */
        REVIEWER_NAME,
        /** Findings are the rule's terms found both in the review and in the reply. */
        REVIEW_ECHO
    }

    record Rule(String id, Kind kind, ReplyRisk severity, String explanation, List<Pattern> patterns,
            Pattern sentenceContext) {

        /** Whether the pattern narrows its excerpt to a group named "excerpt". */
        static boolean hasExcerptGroup(Pattern pattern) {
            return pattern.pattern().contains("(?<excerpt>");
        }
    }

    record Suppressor(Pattern pattern, String reason) {
    }

    final List<Rule> rules;
    final List<Suppressor> suppressors;
    final Set<String> identityRules;
    final Map<SentimentLabel, String> suggestedReplies;

    private ReplySafetyRules(List<Rule> rules, List<Suppressor> suppressors, Set<String> identityRules,
            Map<SentimentLabel, String> suggestedReplies) {
        this.rules = rules;
        this.suppressors = suppressors;
        this.identityRules = identityRules;
        this.suggestedReplies = suggestedReplies;
    }

    static ReplySafetyRules bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final ReplySafetyRules INSTANCE = read();
    }

    // The file's shape.
    record RuleFile(List<String> about, Map<String, String> contexts, List<SuppressorEntry> suppressWhenPrecededBy,
            List<String> identityRules, List<RuleEntry> rules, Map<String, String> suggestedReplies) {
    }

    record SuppressorEntry(String pattern, String reason) {
    }

    record RuleEntry(String id, String kind, String severity, String explanation, boolean caseSensitive,
            String sentenceMustMatch, List<String> patterns, List<String> terms) {
    }

    private static ReplySafetyRules read() {
        try (InputStream in = ReplySafetyRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            RuleFile file = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, RuleFile.class);
            return compile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static ReplySafetyRules compile(RuleFile file) {
        Map<String, Pattern> contexts = new HashMap<>();
        file.contexts().forEach((name, regex) -> contexts.put(name, compile(regex, false)));
        List<Rule> rules = file.rules().stream().map(entry -> {
            Kind kind = entry.kind() == null ? Kind.PATTERNS : Kind.valueOf(entry.kind().toUpperCase(Locale.ROOT).replace('-', '_'));
            Pattern context = null;
            if (entry.sentenceMustMatch() != null) {
                context = contexts.get(entry.sentenceMustMatch());
                if (context == null) {
                    throw new IllegalStateException(RESOURCE + ": rule " + entry.id() + " names an unknown context " + entry.sentenceMustMatch());
                }
            }
            List<Pattern> patterns = switch (kind) {
                case PATTERNS -> entry.patterns().stream().map(p -> compile(p, entry.caseSensitive())).toList();
                // a term matches as a whole word, plural included
                case REVIEW_ECHO -> entry.terms().stream().map(t -> compile("\\b" + Pattern.quote(t).replace(" ", "\\E \\Q") + "(?:s|es)?\\b", false)).toList();
                case REVIEWER_NAME -> List.<Pattern>of();
            };
            return new Rule(entry.id(), kind, ReplyRisk.of(entry.severity()), entry.explanation(), patterns, context);
        }).toList();
        List<Suppressor> suppressors = file.suppressWhenPrecededBy().stream()
                .map(s -> new Suppressor(compile(s.pattern(), false), s.reason())).toList();
        Map<SentimentLabel, String> replies = new EnumMap<>(SentimentLabel.class);
        for (SentimentLabel label : SentimentLabel.values()) {
            String reply = file.suggestedReplies().get(label.id());
            if (reply == null) {
                throw new IllegalStateException(RESOURCE + ": no suggested reply for " + label.id() + " reviews");
            }
            replies.put(label, reply);
        }
        return new ReplySafetyRules(rules, suppressors, Set.copyOf(file.identityRules()), replies);
    }

    /** A space matches any run of whitespace, " ?" any run or none. */
    static Pattern compile(String regex, boolean caseSensitive) {
        String spaced = regex.replace(" ?", "\\s*").replace(" ", "\\s+");
        return Pattern.compile(spaced, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
