package org.practicepulse.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

/**
 * A rule file compiled for speed: every term of every rule and condition sits in one Aho-Corasick
 * automaton, so a text is read once for all of them; regular expressions run only where their
 * anchors occur, and context conditions only around a match. Immutable and thread-safe.
 */
public final class RiskScorer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Fewer digits than this cannot be a full phone number; libphonenumber is not asked. */
    private static final int PHONE_MIN_DIGITS = 7;
    /**
     * Patterns with anchors run only within this many characters of an anchor, not over the whole
     * text: a pattern's match must lie that close to one of its anchors.
     */
    static final int ANCHOR_REACH = 100;

    private final String version;
    private final double[] weights = new double[Severity.values().length];
    private final int levelMedium;
    private final int levelHigh;
    private final int maxFindingsPerRule;
    private final String phoneRegion;
    private final TermAutomaton automaton;
    private final KeywordUse[][] keywordUses;
    private final Rule[] rules;
    private final int termSets;

    /** A keyword of the automaton is used by one term set, as a whole word or as a word prefix (term*). */
    private record KeywordUse(int set, boolean prefix, boolean checkLeft, boolean checkRight) {
    }

    private enum Scope {
        BEFORE, AFTER, AROUND, SENTENCE, POST, QUOTED
    }

    private record Condition(Scope scope, int words, int termSet, Pattern[] patterns) {
    }

    private record Rule(String id, String category, Severity severity, int termSet, Pattern[] patterns, boolean[] hitGroup,
            boolean[][] firstChars,
            int anchorSet, boolean phone, Set<PhoneNumberType> excludedNumbers, Condition[] requires, Condition[] unless,
            Severity downgradeTo, Condition downgradeWhen, String downgradeNote, Set<String> platforms, String explanation,
            String guidance) {
    }

    /** Compiles a validated rule file (see {@link RuleFileReader}). */
    public RiskScorer(RuleFile file) {
        this.version = file.version();
        for (Severity s : Severity.values()) {
            weights[s.ordinal()] = file.scoring().weights().get(s.id());
        }
        this.levelMedium = file.scoring().levels().medium();
        this.levelHigh = file.scoring().levels().high();
        this.maxFindingsPerRule = file.scoring().maxFindingsPerRule();
        this.phoneRegion = file.phoneRegion();
        TermSets sets = new TermSets(file.lists());
        List<Rule> compiled = new ArrayList<>();
        for (RuleFile.Rule r : file.rules()) {
            RuleFile.Match m = r.match();
            Pattern[] patterns = compile(m.patterns());
            boolean[] hitGroup = new boolean[patterns.length];
            for (int i = 0; i < patterns.length; i++) {
                hitGroup[i] = patterns[i].pattern().contains("(?<hit>");
            }
            Set<PhoneNumberType> excluded = EnumSet.noneOf(PhoneNumberType.class);
            if (m.excludeNumberTypes() != null) {
                m.excludeNumberTypes().forEach(t -> excluded.add(PhoneNumberType.valueOf(t)));
            }
            RuleFile.Downgrade d = r.downgrade();
            boolean[][] firstChars = new boolean[patterns.length][];
            for (int i = 0; i < patterns.length; i++) {
                firstChars[i] = firstChars(patterns[i]);
            }
            compiled.add(new Rule(r.id(), r.category(), Severity.of(r.severity()), sets.add(m.terms()), patterns, hitGroup,
                    firstChars,
                    sets.add(m.anchors()), "phone".equals(m.detector()), excluded, conditions(r.requires(), sets),
                    conditions(r.unless(), sets), d == null ? null : Severity.of(d.severity()),
                    d == null ? null : condition(d.when(), sets), d == null ? null : d.note(),
                    r.platforms() == null ? null : Set.copyOf(r.platforms()), r.explanation(), r.guidance()));
        }
        this.rules = compiled.toArray(Rule[]::new);
        this.termSets = sets.count;
        this.keywordUses = sets.uses();
        this.automaton = new TermAutomaton(sets.keywords());
    }

    public String version() {
        return version;
    }

    /** Scores a text; platform (x, facebook, ...) limits platform-specific rules, null means any platform. */
    public RiskAssessment score(String text, String platform) {
        if (text == null || text.isBlank()) {
            return new RiskAssessment(0, level(0), version, List.of());
        }
        TextView view = new TextView(text);
        Hits hits = new Hits(termSets);
        automaton.scan(view.folded, (keyword, start, end) -> {
            for (KeywordUse use : keywordUses[keyword]) {
                if (use.checkLeft && start > 0 && TextView.isWordChar(view.folded.charAt(start - 1))) {
                    continue;
                }
                int hitEnd = end;
                if (use.prefix) {
                    while (hitEnd < view.length() && TextView.isWordChar(view.folded.charAt(hitEnd))) {
                        hitEnd++;
                    }
                } else if (use.checkRight && end < view.length() && TextView.isWordChar(view.folded.charAt(end))) {
                    continue;
                }
                hits.add(use.set, start, hitEnd);
            }
        });
        List<RiskFinding> candidates = new ArrayList<>();
        int[][] phones = null;
        for (Rule rule : rules) {
            if (rule.platforms != null && platform != null && !rule.platforms.contains(platform)) {
                continue;
            }
            if (rule.termSet >= 0) {
                for (int i = 0; i < hits.count; i++) {
                    if (hits.set[i] == rule.termSet) {
                        consider(rule, view, hits, hits.start[i], hits.end[i], candidates);
                    }
                }
            } else if (rule.phone) {
                if (phones == null) {
                    phones = phones(view);
                }
                for (int[] p : phones) {
                    if (!rule.excludedNumbers.contains(PhoneNumberType.values()[p[2]])) {
                        consider(rule, view, hits, p[0], p[1], candidates);
                    }
                }
            } else {
                int[] windows = rule.anchorSet < 0 ? new int[] { 0, view.length() } : hits.windows(rule.anchorSet, ANCHOR_REACH, view.length());
                if (windows.length > 0) {
                    findPatterns(rule, view, hits, windows, candidates);
                }
            }
        }
        List<RiskFinding> findings = keepStrongest(candidates);
        double clean = 1;
        for (RiskFinding f : findings) {
            clean *= 1 - weights[f.severity().ordinal()];
        }
        int score = (int) Math.round(100 * (1 - clean));
        return new RiskAssessment(score, level(score), version, findings);
    }

    /**
     * Tries each pattern at every word or symbol start inside the windows (lookingAt), not at every
     * character: several times fewer attempts than Matcher.find, and the same matches for patterns
     * that begin with a word, a symbol or a lookbehind.
     */
    private void findPatterns(Rule rule, TextView view, Hits hits, int[] windows, List<RiskFinding> out) {
        int[] starts = view.tokenStarts();
        for (int p = 0; p < rule.patterns.length; p++) {
            boolean[] first = rule.firstChars[p];
            Matcher m = rule.patterns[p].matcher(view.plain);
            for (int w = 0; w < windows.length; w += 2) {
                int windowEnd = windows[w + 1];
                int next = windows[w];
                int i = Arrays.binarySearch(starts, next);
                for (i = i >= 0 ? i : -i - 1; i < starts.length && starts[i] < windowEnd; i++) {
                    char c = view.plain.charAt(starts[i]);
                    if (starts[i] < next || c < 128 && !first[c]) {
                        continue;
                    }
                    m.region(starts[i], windowEnd).useTransparentBounds(true).useAnchoringBounds(false);
                    if (m.lookingAt()) {
                        boolean group = rule.hitGroup[p] && m.start("hit") >= 0;
                        int start = group ? m.start("hit") : m.start();
                        int end = group ? m.end("hit") : m.end();
                        if (end > start) {
                            consider(rule, view, hits, start, end, out);
                            next = m.end();
                        }
                    }
                }
            }
        }
    }

    /**
     * The ASCII characters a match of the pattern can begin with: a one-character text on which the
     * match fails without reading to its end rules that character out. Patterns with a lookbehind
     * depend on what precedes the match and may begin anywhere.
     */
    static boolean[] firstChars(Pattern pattern) {
        boolean[] first = new boolean[128];
        boolean lookbehind = pattern.pattern().contains("(?<=") || pattern.pattern().contains("(?<!");
        for (char c = 0; c < 128; c++) {
            Matcher m = pattern.matcher(String.valueOf(c));
            first[c] = lookbehind || m.lookingAt() || m.hitEnd();
        }
        return first;
    }

    private String level(int score) {
        return score >= levelHigh ? "high" : score >= levelMedium ? "medium" : "low";
    }

    private void consider(Rule rule, TextView view, Hits hits, int start, int end, List<RiskFinding> out) {
        for (Condition c : rule.requires) {
            if (!holds(c, view, hits, start, end)) {
                return;
            }
        }
        for (Condition c : rule.unless) {
            if (holds(c, view, hits, start, end)) {
                return;
            }
        }
        Severity severity = rule.severity;
        String explanation = rule.explanation;
        if (rule.downgradeWhen != null && holds(rule.downgradeWhen, view, hits, start, end)) {
            severity = rule.downgradeTo;
            explanation = explanation + " " + rule.downgradeNote;
        }
        out.add(new RiskFinding(rule.category, rule.id, view.original.substring(start, end), start, end, severity,
                explanation, rule.guidance));
    }

    /** Whether the context of the match [start, end) satisfies the condition; the match itself is not its context. */
    private static boolean holds(Condition c, TextView view, Hits hits, int start, int end) {
        int from;
        int to;
        switch (c.scope) {
            case QUOTED -> {
                return view.quoted(start, end);
            }
            case BEFORE -> {
                from = view.wordsBefore(start, c.words);
                to = start;
            }
            case AFTER -> {
                from = end;
                to = view.wordsAfter(end, c.words);
            }
            case AROUND -> {
                from = view.wordsBefore(start, c.words);
                to = view.wordsAfter(end, c.words);
            }
            case SENTENCE -> {
                from = view.sentenceStart(start);
                to = view.sentenceEnd(Math.max(start, end - 1));
            }
            default -> {
                from = 0;
                to = view.length();
            }
        }
        if (c.termSet >= 0 && hits.any(c.termSet, from, to, start, end)) {
            return true;
        }
        for (Pattern p : c.patterns) {
            Matcher m = p.matcher(view.plain).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
            while (m.find()) {
                if (m.end() <= start || m.start() >= end) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Phone numbers as {start, end, PhoneNumberType ordinal}. */
    private int[][] phones(TextView view) {
        if (!view.hasDigitRun(PHONE_MIN_DIGITS)) {
            return new int[0][];
        }
        List<int[]> found = new ArrayList<>();
        for (PhoneNumberMatch m : PHONES.findNumbers(view.plain, phoneRegion, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            found.add(new int[] { m.start(), m.end(), PHONES.getNumberType(m.number()).ordinal() });
        }
        return found.toArray(int[][]::new);
    }

    /**
     * Overlapping findings of one category count once (the most severe), and a rule counts at most
     * maxFindingsPerRule times, so that one long phrase or one repeated word cannot inflate the score.
     */
    private List<RiskFinding> keepStrongest(List<RiskFinding> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        List<RiskFinding> byStrength = new ArrayList<>(candidates);
        byStrength.sort(Comparator.comparing(RiskFinding::severity).reversed()
                .thenComparingInt(RiskFinding::start).thenComparingInt(f -> f.start() - f.end()));
        List<RiskFinding> kept = new ArrayList<>();
        Map<String, Integer> perRule = new HashMap<>();
        for (RiskFinding f : byStrength) {
            boolean overlaps = false;
            for (RiskFinding k : kept) {
                if (k.category().equals(f.category()) && k.start() < f.end() && f.start() < k.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps && perRule.merge(f.rule(), 1, Integer::sum) <= maxFindingsPerRule) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(RiskFinding::start).thenComparing(RiskFinding::category));
        return kept;
    }

    private static Pattern[] compile(List<String> patterns) {
        if (patterns == null) {
            return new Pattern[0];
        }
        return patterns.stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toArray(Pattern[]::new);
    }

    private static Condition[] conditions(List<RuleFile.Condition> conditions, TermSets sets) {
        if (conditions == null) {
            return new Condition[0];
        }
        return conditions.stream().map(c -> condition(c, sets)).toArray(Condition[]::new);
    }

    private static Condition condition(RuleFile.Condition c, TermSets sets) {
        return new Condition(Scope.valueOf(c.scope().toUpperCase(java.util.Locale.ROOT)), c.words() == null ? 0 : c.words(),
                sets.add(c.terms()), compile(c.patterns()));
    }

    /** Term hits of one text: parallel arrays, few per text. */
    private static final class Hits {
        int[] set = new int[16];
        int[] start = new int[16];
        int[] end = new int[16];
        int count;
        final boolean[] present;

        Hits(int sets) {
            present = new boolean[Math.max(sets, 1)];
        }

        void add(int s, int from, int to) {
            if (count == set.length) {
                set = Arrays.copyOf(set, count * 2);
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            set[count] = s;
            start[count] = from;
            end[count] = to;
            count++;
            present[s] = true;
        }

        /** The regions within reach of the set's hits, merged: {start, end, start, end, ...}; empty without hits. */
        int[] windows(int s, int reach, int length) {
            if (!present[s]) {
                return new int[0];
            }
            long[] spans = new long[count];
            int k = 0;
            for (int i = 0; i < count; i++) {
                if (set[i] == s) {
                    spans[k++] = (long) Math.max(0, start[i] - reach) << 32 | Math.min(length, end[i] + reach);
                }
            }
            Arrays.sort(spans, 0, k);
            int[] regions = new int[2 * k];
            int n = 0;
            for (int i = 0; i < k; i++) {
                int from = (int) (spans[i] >>> 32);
                int to = (int) spans[i];
                if (n > 0 && from <= regions[n - 1]) {
                    regions[n - 1] = Math.max(regions[n - 1], to);
                } else {
                    regions[n++] = from;
                    regions[n++] = to;
                }
            }
            return Arrays.copyOf(regions, n);
        }

        /** A hit of the set inside [from, to) that does not overlap [exceptStart, exceptEnd). */
        boolean any(int s, int from, int to, int exceptStart, int exceptEnd) {
            if (!present[s]) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (set[i] == s && start[i] >= from && end[i] <= to && (end[i] <= exceptStart || start[i] >= exceptEnd)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Numbers the term lists of rules and conditions, and builds the one automaton for all of them. */
    private static final class TermSets {
        private final Map<String, RuleFile.TermList> lists;
        private final Map<String, List<KeywordUse>> keywords = new LinkedHashMap<>();
        int count;

        TermSets(Map<String, RuleFile.TermList> lists) {
            this.lists = lists;
        }

        /** The id of a new set of these terms (lists expanded), or -1 for none. */
        int add(List<String> terms) {
            if (terms == null) {
                return -1;
            }
            int id = count++;
            Set<String> seen = new HashSet<>();
            for (String term : terms) {
                if (term.startsWith("@") && term.length() > 1 && Character.isLetter(term.charAt(1)) && !term.contains(" ")) {
                    for (String listed : lists.get(term.substring(1)).terms()) {
                        addTerm(id, listed, seen);
                    }
                } else {
                    addTerm(id, term, seen);
                }
            }
            return id;
        }

        private void addTerm(int id, String term, Set<String> seen) {
            boolean prefix = term.endsWith("*");
            String keyword = new TextView(prefix ? term.substring(0, term.length() - 1) : term).folded;
            if (keyword.isEmpty() || !seen.add(keyword + (prefix ? "*" : ""))) {
                return;
            }
            keywords.computeIfAbsent(keyword, k -> new ArrayList<>()).add(new KeywordUse(id, prefix,
                    TextView.isWordChar(keyword.charAt(0)), TextView.isWordChar(keyword.charAt(keyword.length() - 1))));
        }

        List<String> keywords() {
            return List.copyOf(keywords.keySet());
        }

        KeywordUse[][] uses() {
            return keywords.values().stream().map(u -> u.toArray(KeywordUse[]::new)).toArray(KeywordUse[][]::new);
        }
    }
}
