package org.practicepulse.risk;

import java.util.List;
import java.util.Map;

/**
 * The rule file as written (src/main/resources/risk/rules.json, or pulse.risk.rules-file), before
 * validation and compilation. Field by field documentation: README, section "Professionalism risk".
 */
public record RuleFile(String version, Scoring scoring, String phoneRegion, Map<String, TermList> lists, List<Rule> rules) {

    /** How findings combine into a score: score = 100 * (1 - product of (1 - weight of each finding)). */
    public record Scoring(Map<String, Double> weights, Levels levels, Integer maxFindingsPerRule) {
    }

    /** The lowest scores of the levels medium and high; below medium is low. */
    public record Levels(Integer medium, Integer high) {
    }

    /** A named list of terms, referenced from rules as "@name"; extensible lists may grow per practice. */
    public record TermList(String description, List<String> terms, Boolean extensible) {
    }

    public record Rule(String id, String category, String severity, Match match, List<Condition> requires,
            List<Condition> unless, Downgrade downgrade, List<String> platforms, String explanation, String guidance) {
    }

    /**
     * What a rule looks for: terms (case-insensitive, whole words, trailing * for any word ending,
     * "@list" for a named list), regular expressions (case-insensitive unless they say (?-i)), or a
     * detector ("phone"). Patterns run only when one of the anchors (terms) occurs, if anchors are given.
     */
    public record Match(List<String> terms, List<String> patterns, List<String> anchors, String detector,
            List<String> excludeNumberTypes) {
    }

    /**
     * Context around a match. scope: before / after / around (a number of words, within the sentence),
     * sentence, post, or quoted (the match stands in quotation marks: mentioned, not used).
     */
    public record Condition(String scope, Integer words, List<String> terms, List<String> patterns) {
    }

    /** A lower severity when the condition holds, e.g. an endorsement with an adequate disclosure. */
    public record Downgrade(String severity, Condition when, String note) {
    }

    /** A practice's own additions (pulse.risk.extra-rules-dir/&lt;practice-slug&gt;.json). */
    public record Extension(String version, Map<String, List<String>> lists, List<Rule> rules) {
    }
}
