package org.practicepulse.risk;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

import org.practicepulse.analytics.Platforms;

/**
 * Reads and validates rule files. Every problem is reported with the file and the field
 * ("rules[12].severity: 'severe' is not one of low, medium, high"), so that a bad file stops the
 * start-up with a message that says what to fix.
 */
public final class RuleFileReader {

    static final Set<String> SCOPES = Set.of("before", "after", "around", "sentence", "post", "quoted");
    static final Set<String> WINDOW_SCOPES = Set.of("before", "after", "around");
    static final Set<String> DETECTORS = Set.of("phone");

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private RuleFileReader() {
    }

    /** The base rule file, validated. */
    public static RuleFile read(String file, InputStream in) {
        RuleFile rules = parse(file, in, RuleFile.class);
        new Checker(file).ruleFile(rules);
        return rules;
    }

    /** A practice's extension of the base rules, validated against them. */
    public static RuleFile.Extension readExtension(String file, InputStream in, RuleFile base) {
        RuleFile.Extension extension = parse(file, in, RuleFile.Extension.class);
        new Checker(file).extension(extension, base);
        return extension;
    }

    /** The base rules with a practice's terms added to its lists and its rules appended. */
    static RuleFile merge(RuleFile base, RuleFile.Extension extension, String practiceSlug) {
        Map<String, RuleFile.TermList> lists = new LinkedHashMap<>(base.lists());
        if (extension.lists() != null) {
            extension.lists().forEach((name, terms) -> {
                RuleFile.TermList list = lists.get(name);
                List<String> all = new ArrayList<>(list.terms());
                all.addAll(terms);
                lists.put(name, new RuleFile.TermList(list.description(), all, list.extensible()));
            });
        }
        List<RuleFile.Rule> rules = new ArrayList<>(base.rules());
        if (extension.rules() != null) {
            rules.addAll(extension.rules());
        }
        return new RuleFile(base.version() + "+" + practiceSlug + "." + extension.version(), base.scoring(),
                base.phoneRegion(), lists, rules);
    }

    private static <T> T parse(String file, InputStream in, Class<T> type) {
        try (in) {
            T value = STRICT.readValue(in, type);
            if (value == null) {
                throw new RuleFileException(file, null, "the file is empty");
            }
            return value;
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty() && e.getOriginalMessage().startsWith("No content to map")) {
                throw new RuleFileException(file, null, "the file is empty");
            }
            // A file cut off inside a value is a syntax error, whatever field it stopped in.
            if (e.getOriginalMessage().startsWith("Unexpected end-of-input")) {
                throw new RuleFileException(file, path(e), "not valid JSON: the file ends inside a value (is it truncated?)");
            }
            throw new RuleFileException(file, path(e), e.getOriginalMessage().replaceAll("\\s*\\(class [^)]*\\)", "")
                    .replaceAll(" \\([^)]*known properties[^)]*\\)", ""));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new RuleFileException(file, where, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RuleFileException(file, null, "cannot be read: " + e.getMessage());
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Semantic checks, with the path of the field at fault. */
    private static final class Checker {
        private final String file;

        Checker(String file) {
            this.file = file;
        }

        private RuleFileException problem(String field, String message) {
            return new RuleFileException(file, field, message);
        }

        void ruleFile(RuleFile f) {
            requireText("version", f.version());
            scoring(f.scoring());
            if (f.phoneRegion() == null || !PhoneNumberUtil.getInstance().getSupportedRegions().contains(f.phoneRegion())) {
                throw problem("phoneRegion", "'" + f.phoneRegion() + "' is not a region code of libphonenumber (e.g. US, GB, CA)");
            }
            if (f.lists() == null) {
                throw problem("lists", "is required (an object of named term lists; it may be empty)");
            }
            f.lists().forEach((name, list) -> {
                String field = "lists." + name;
                if (!name.matches("[a-z][a-z0-9_]*")) {
                    throw problem(field, "a list name is lower case letters, digits and underscores");
                }
                if (list == null || list.terms() == null) {
                    throw problem(field + ".terms", "is required (it may be empty for a list practices extend)");
                }
                if (list.terms().isEmpty() && !Boolean.TRUE.equals(list.extensible())) {
                    throw problem(field + ".terms", "is empty; only an extensible list may be empty");
                }
                terms(field + ".terms", list.terms(), f.lists(), false);
            });
            if (f.rules() == null || f.rules().isEmpty()) {
                throw problem("rules", "is required and may not be empty");
            }
            rules("rules", f.rules(), f.lists(), new HashSet<>());
        }

        void extension(RuleFile.Extension e, RuleFile base) {
            requireText("version", e.version());
            if (!e.version().matches("[A-Za-z0-9._-]+")) {
                throw problem("version", "use letters, digits, dots, dashes or underscores");
            }
            if (e.lists() != null) {
                e.lists().forEach((name, terms) -> {
                    String field = "lists." + name;
                    RuleFile.TermList list = base.lists().get(name);
                    if (list == null) {
                        throw problem(field, "the base rules have no list '" + name + "'");
                    }
                    if (!Boolean.TRUE.equals(list.extensible())) {
                        throw problem(field, "the list '" + name + "' of the base rules is not extensible; extensible: "
                                + String.join(", ", base.lists().entrySet().stream()
                                        .filter(x -> Boolean.TRUE.equals(x.getValue().extensible())).map(Map.Entry::getKey).sorted().toList()));
                    }
                    if (terms == null) {
                        throw problem(field, "must be a list of terms");
                    }
                    terms(field, terms, base.lists(), false);
                });
            }
            if (e.rules() != null) {
                Set<String> ids = new HashSet<>();
                base.rules().forEach(r -> ids.add(r.id()));
                rules("rules", e.rules(), base.lists(), ids);
            }
        }

        private void scoring(RuleFile.Scoring s) {
            if (s == null) {
                throw problem("scoring", "is required");
            }
            if (s.weights() == null) {
                throw problem("scoring.weights", "is required: a weight between 0 and 1 for low, medium and high");
            }
            double previous = 0;
            for (Severity severity : Severity.values()) {
                Double w = s.weights().get(severity.id());
                if (w == null || w <= previous || w >= 1) {
                    throw problem("scoring.weights." + severity.id(), "must be above " + previous + " and below 1 (got " + w + ")");
                }
                previous = w;
            }
            for (String key : s.weights().keySet()) {
                if (Severity.of(key) == null) {
                    throw problem("scoring.weights." + key, "is not a severity (low, medium, high)");
                }
            }
            if (s.levels() == null || s.levels().medium() == null || s.levels().high() == null) {
                throw problem("scoring.levels", "needs medium and high (the lowest score of each level)");
            }
            if (s.levels().medium() < 1 || s.levels().high() <= s.levels().medium() || s.levels().high() > 100) {
                throw problem("scoring.levels", "needs 1 <= medium < high <= 100");
            }
            if (s.maxFindingsPerRule() == null || s.maxFindingsPerRule() < 1) {
                throw problem("scoring.maxFindingsPerRule", "must be at least 1");
            }
        }

        private void rules(String field, List<RuleFile.Rule> rules, Map<String, RuleFile.TermList> lists, Set<String> ids) {
            for (int i = 0; i < rules.size(); i++) {
                RuleFile.Rule r = rules.get(i);
                String at = field + "[" + i + "]";
                if (r == null) {
                    throw problem(at, "is null");
                }
                requireText(at + ".id", r.id());
                if (!r.id().matches("[a-z_]+\\.[a-z0-9-]+")) {
                    throw problem(at + ".id", "'" + r.id() + "' is not of the form <category>.<name-with-dashes>");
                }
                if (!ids.add(r.id())) {
                    throw problem(at + ".id", "'" + r.id() + "' is used twice");
                }
                if (!RiskCategory.ALL.contains(r.category())) {
                    throw problem(at + ".category", "'" + r.category() + "' is not one of " + String.join(", ", RiskCategory.ALL));
                }
                if (!r.id().startsWith(r.category() + ".")) {
                    throw problem(at + ".id", "'" + r.id() + "' must start with its category '" + r.category() + ".'");
                }
                severity(at + ".severity", r.severity());
                requireText(at + ".explanation", r.explanation());
                requireText(at + ".guidance", r.guidance());
                match(at + ".match", r.match(), lists);
                conditions(at + ".requires", r.requires(), lists);
                conditions(at + ".unless", r.unless(), lists);
                if (r.downgrade() != null) {
                    severity(at + ".downgrade.severity", r.downgrade().severity());
                    if (Severity.of(r.downgrade().severity()).compareTo(Severity.of(r.severity())) >= 0) {
                        throw problem(at + ".downgrade.severity", "must be lower than the rule's severity '" + r.severity() + "'");
                    }
                    if (r.downgrade().when() == null) {
                        throw problem(at + ".downgrade.when", "is required");
                    }
                    condition(at + ".downgrade.when", r.downgrade().when(), lists);
                    requireText(at + ".downgrade.note", r.downgrade().note());
                }
                if (r.platforms() != null) {
                    for (int p = 0; p < r.platforms().size(); p++) {
                        if (!Platforms.BUILT_IN.contains(r.platforms().get(p))) {
                            throw problem(at + ".platforms[" + p + "]", "'" + r.platforms().get(p) + "' is not one of "
                                    + String.join(", ", Platforms.BUILT_IN));
                        }
                    }
                }
            }
        }

        private void match(String at, RuleFile.Match m, Map<String, RuleFile.TermList> lists) {
            if (m == null) {
                throw problem(at, "is required");
            }
            int kinds = (m.terms() == null ? 0 : 1) + (m.patterns() == null ? 0 : 1) + (m.detector() == null ? 0 : 1);
            if (kinds != 1) {
                throw problem(at, "needs exactly one of terms, patterns or detector");
            }
            if (m.terms() != null) {
                terms(at + ".terms", m.terms(), lists, true);
            }
            if (m.patterns() != null) {
                patterns(at + ".patterns", m.patterns());
            }
            if (m.anchors() != null) {
                if (m.patterns() == null) {
                    throw problem(at + ".anchors", "only patterns have anchors");
                }
                terms(at + ".anchors", m.anchors(), lists, true);
            }
            if (m.detector() != null && !DETECTORS.contains(m.detector())) {
                throw problem(at + ".detector", "'" + m.detector() + "' is not one of " + String.join(", ", DETECTORS));
            }
            if (m.excludeNumberTypes() != null) {
                if (!"phone".equals(m.detector())) {
                    throw problem(at + ".excludeNumberTypes", "applies only to the phone detector");
                }
                for (int i = 0; i < m.excludeNumberTypes().size(); i++) {
                    try {
                        PhoneNumberType.valueOf(m.excludeNumberTypes().get(i));
                    } catch (IllegalArgumentException e) {
                        throw problem(at + ".excludeNumberTypes[" + i + "]", "'" + m.excludeNumberTypes().get(i)
                                + "' is not a libphonenumber PhoneNumberType (e.g. TOLL_FREE)");
                    }
                }
            }
        }

        private void conditions(String at, List<RuleFile.Condition> conditions, Map<String, RuleFile.TermList> lists) {
            if (conditions == null) {
                return;
            }
            for (int i = 0; i < conditions.size(); i++) {
                condition(at + "[" + i + "]", conditions.get(i), lists);
            }
        }

        private void condition(String at, RuleFile.Condition c, Map<String, RuleFile.TermList> lists) {
            if (c == null) {
                throw problem(at, "is null");
            }
            if (!SCOPES.contains(c.scope())) {
                throw problem(at + ".scope", "'" + c.scope() + "' is not one of " + String.join(", ", SCOPES.stream().sorted().toList()));
            }
            if (WINDOW_SCOPES.contains(c.scope())) {
                if (c.words() == null || c.words() < 1 || c.words() > 50) {
                    throw problem(at + ".words", "scope '" + c.scope() + "' needs words between 1 and 50");
                }
            } else if (c.words() != null) {
                throw problem(at + ".words", "only the scopes before, after and around take words");
            }
            if ("quoted".equals(c.scope())) {
                if (c.terms() != null || c.patterns() != null) {
                    throw problem(at, "scope 'quoted' takes no terms or patterns");
                }
                return;
            }
            if (c.terms() == null && c.patterns() == null) {
                throw problem(at, "needs terms or patterns");
            }
            if (c.terms() != null) {
                terms(at + ".terms", c.terms(), lists, true);
            }
            if (c.patterns() != null) {
                patterns(at + ".patterns", c.patterns());
            }
        }

        private void terms(String at, List<String> terms, Map<String, RuleFile.TermList> lists, boolean mayReferenceLists) {
            if (terms.isEmpty() && mayReferenceLists) {
                throw problem(at, "is empty");
            }
            for (int i = 0; i < terms.size(); i++) {
                String t = terms.get(i);
                String field = at + "[" + i + "]";
                if (t == null || t.isBlank()) {
                    throw problem(field, "is blank");
                }
                if (t.startsWith("@") && t.length() > 1 && Character.isLetter(t.charAt(1)) && !t.contains(" ")) {
                    if (!mayReferenceLists) {
                        throw problem(field, "a list cannot refer to another list ('" + t + "')");
                    }
                    if (!lists.containsKey(t.substring(1))) {
                        throw problem(field, "refers to the unknown list '" + t.substring(1) + "'");
                    }
                    continue;
                }
                if (!t.equals(t.strip()) || t.contains("  ")) {
                    throw problem(field, "'" + t + "' has leading, trailing or double spaces");
                }
                if (t.equals("*")) {
                    throw problem(field, "'*' alone matches every word");
                }
            }
        }

        private void patterns(String at, List<String> patterns) {
            if (patterns.isEmpty()) {
                throw problem(at, "is empty");
            }
            for (int i = 0; i < patterns.size(); i++) {
                String p = patterns.get(i);
                if (p == null || p.isEmpty()) {
                    throw problem(at + "[" + i + "]", "is empty");
                }
                try {
                    Pattern.compile(p);
                } catch (PatternSyntaxException e) {
                    throw problem(at + "[" + i + "]", "not a valid regular expression: " + e.getDescription()
                            + " near index " + e.getIndex());
                }
            }
        }

        private void severity(String at, String severity) {
            if (Severity.of(severity) == null) {
                throw problem(at, "'" + severity + "' is not one of low, medium, high");
            }
        }

        private void requireText(String at, String value) {
            if (value == null || value.isBlank()) {
                throw problem(at, "is required");
            }
        }
    }
}
