package org.practicepulse.reputation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.practicepulse.reputation.ReplySafetyRules.Kind;
import org.practicepulse.reputation.ReplySafetyRules.Rule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks a practice's public reply to a review for disclosures of protected health information:
 * confirming that the reviewer is a patient, naming them, dates of service, diagnoses, treatment,
 * medication, test results, insurance and billing. The rules are data (see {@link ReplySafetyRules});
 * this class applies them sentence by sentence and explains every finding.
 */
@ApplicationScoped
public class ReplySafetyChecker {

    /** Abbreviations whose period does not end a sentence ("Dr. Reyes", "8 a.m."). */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<!\\b(?:Dr|Mr|Mrs|Ms|Mx|St|Jr|Sr|Prof|vs|No|[ap]\\.m|e\\.g|i\\.e))[.!?]+[\"')\\]]*(?=\\s|$)|\\n");
    /** Display names that are not names. */
    private static final Set<String> NOT_A_NAME = Set.of("a", "an", "the", "google", "yelp", "user", "anonymous",
            "customer", "patient", "guest", "verified", "reviewer", "mom", "dad");

    private final ReplySafetyRules rules;
    private final SentimentAnalyzer sentiment;

    @Inject
    public ReplySafetyChecker(SentimentAnalyzer sentiment) {
        this(ReplySafetyRules.bundled(), sentiment);
    }

    ReplySafetyChecker(ReplySafetyRules rules, SentimentAnalyzer sentiment) {
        this.rules = rules;
        this.sentiment = sentiment;
    }

    public ReplyCheck check(String replyText, String reviewText) {
        return check(replyText, reviewText, null);
    }

    /**
     * @param reviewText the review being answered, if known: health details it mentions count when the reply repeats them,
     *            and its sentiment picks the tone of the suggested reply
     * @param reviewerName the review's author as displayed, if known
     */
    public ReplyCheck check(String replyText, String reviewText, String reviewerName) {
        String reply = replyText == null ? "" : replyText;
        // same length, so offsets stay those of the reply
        String text = reply.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u00a0', ' ');
        List<int[]> sentences = sentences(text);
        List<ReplyFinding> findings = new ArrayList<>();
        for (Rule rule : rules.rules) {
            for (int[] span : candidates(rule, text, reviewText, reviewerName)) {
                int[] sentence = sentenceAt(sentences, span[0]);
                if (rule.sentenceContext() != null
                        && !rule.sentenceContext().matcher(text.substring(sentence[0], sentence[1])).find()) {
                    continue;
                }
                if (!rules.identityRules.contains(rule.id()) && isSuppressed(text.substring(sentence[0], span[0]))) {
                    continue;
                }
                if (findings.stream().anyMatch(f -> f.start() < span[1] && span[0] < f.end())) {
                    continue;
                }
                findings.add(new ReplyFinding(rule.id(), reply.substring(span[0], span[1]), span[0], span[1], rule.explanation()));
            }
        }
        findings.sort(Comparator.comparingInt(ReplyFinding::start));
        return new ReplyCheck(risk(findings), List.copyOf(findings), suggestedReply(reviewText));
    }

    private List<int[]> candidates(Rule rule, String text, String reviewText, String reviewerName) {
        List<int[]> spans = new ArrayList<>();
        if (rule.kind() == Kind.PATTERNS) {
            for (Pattern pattern : rule.patterns()) {
                boolean narrowed = Rule.hasExcerptGroup(pattern);
                for (Matcher m = pattern.matcher(text); m.find();) {
                    spans.add(narrowed ? new int[] { m.start("excerpt"), m.end("excerpt") } : new int[] { m.start(), m.end() });
                }
            }
        } else if (rule.kind() == Kind.REVIEW_ECHO && reviewText != null) {
            for (Pattern term : rule.patterns()) {
                if (term.matcher(reviewText).find()) {
                    for (Matcher m = term.matcher(text); m.find();) {
                        spans.add(new int[] { m.start(), m.end() });
                    }
                }
            }
        } else if (rule.kind() == Kind.REVIEWER_NAME && reviewerName != null) {
            for (String part : reviewerName.split("[\\s.,]+")) {
                if (part.codePointCount(0, part.length()) < 2 || NOT_A_NAME.contains(part.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                // as written (a name is capitalised), and not a clinician's ("Dr. Reyes")
                Pattern name = Pattern.compile("(?<!\\bDr\\.?\\s)\\b" + Pattern.quote(part) + "\\b");
                for (Matcher m = name.matcher(text); m.find();) {
                    spans.add(new int[] { m.start(), m.end() });
                }
            }
        }
        spans.sort(Comparator.comparingInt(span -> span[0]));
        return spans;
    }

    private boolean isSuppressed(String sentenceBeforeMatch) {
        return rules.suppressors.stream().anyMatch(s -> s.pattern().matcher(sentenceBeforeMatch).find());
    }

    /** The highest severity found; a name together with any other finding identifies a patient: high. */
    private ReplyRisk risk(List<ReplyFinding> findings) {
        ReplyRisk risk = ReplyRisk.LOW;
        for (ReplyFinding finding : findings) {
            ReplyRisk severity = severity(finding.rule());
            if (severity.compareTo(risk) > 0) {
                risk = severity;
            }
        }
        boolean identity = findings.stream().anyMatch(f -> rules.identityRules.contains(f.rule()));
        boolean other = findings.stream().anyMatch(f -> !rules.identityRules.contains(f.rule()));
        return identity && other ? ReplyRisk.HIGH : risk;
    }

    private ReplyRisk severity(String ruleId) {
        return rules.rules.stream().filter(r -> r.id().equals(ruleId)).map(Rule::severity).max(Comparator.naturalOrder())
                .orElseThrow();
    }

    private String suggestedReply(String reviewText) {
        SentimentLabel tone = reviewText == null || reviewText.isBlank() ? SentimentLabel.NEUTRAL
                : sentiment.analyze(reviewText).label();
        return rules.suggestedReplies.get(tone);
    }

    /** [start, end) of each sentence, leading whitespace excluded. */
    static List<int[]> sentences(String text) {
        List<int[]> sentences = new ArrayList<>();
        int start = 0;
        Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            addSentence(sentences, text, start, end.end());
            start = end.end();
        }
        addSentence(sentences, text, start, text.length());
        return sentences;
    }

    private static void addSentence(List<int[]> sentences, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start < end) {
            sentences.add(new int[] { start, end });
        }
    }

    private static int[] sentenceAt(List<int[]> sentences, int offset) {
        for (int[] sentence : sentences) {
            if (offset < sentence[1]) {
                return new int[] { Math.min(sentence[0], offset), sentence[1] };
            }
        }
        return new int[] { offset, offset };
    }
}
