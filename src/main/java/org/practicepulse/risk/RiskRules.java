package org.practicepulse.risk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;
import org.practicepulse.practice.PracticeSlug;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The loaded rules: the base file and each practice's extension, validated and compiled at
 * start-up. A file that fails validation stops the start-up with a message naming the file and
 * the field (see {@link RuleFileReader}).
 */
@Startup
@ApplicationScoped
public class RiskRules {

    public static final String DEFAULT_RULES = "risk/rules.json";
    private static final Logger LOG = Logger.getLogger(RiskRules.class);

    @Inject
    RiskConfig config;

    private RiskScorer base;
    private Map<String, RiskScorer> byPractice;

    @PostConstruct
    void load() {
        RuleFile rules = config.rulesFile().map(RiskRules::readFile).orElseGet(RiskRules::readBuiltIn);
        base = new RiskScorer(rules);
        byPractice = config.extraRulesDir().map(dir -> extensions(dir, rules)).orElse(Map.of());
        LOG.infof("risk rules %s: %d rules%s", rules.version(), rules.rules().size(),
                byPractice.isEmpty() ? "" : "; extended for " + String.join(", ", byPractice.keySet()));
    }

    /** The scorer of this practice (its extension, if it has one); null: the base rules. */
    public RiskScorer scorer(String practiceSlug) {
        return practiceSlug == null ? base : byPractice.getOrDefault(practiceSlug, base);
    }

    /** The practices that extend the rules, by slug. */
    public List<String> extendedPractices() {
        return List.copyOf(byPractice.keySet());
    }

    private static RuleFile readBuiltIn() {
        InputStream in = RiskRules.class.getClassLoader().getResourceAsStream(DEFAULT_RULES);
        if (in == null) {
            throw new RuleFileException("classpath:" + DEFAULT_RULES, null, "is missing from the application");
        }
        return RuleFileReader.read("classpath:" + DEFAULT_RULES, in);
    }

    private static RuleFile readFile(Path file) {
        try {
            return RuleFileReader.read(file.toString(), Files.newInputStream(file));
        } catch (IOException e) {
            throw new RuleFileException(file.toString(), null, "cannot be read (pulse.risk.rules-file): " + e.getMessage());
        }
    }

    /** Every {@code <practice-slug>.json} of the folder, merged with the base rules and compiled. */
    static Map<String, RiskScorer> extensions(Path dir, RuleFile base) {
        if (!Files.isDirectory(dir)) {
            throw new RuleFileException(dir.toString(), null, "is not a folder (pulse.risk.extra-rules-dir)");
        }
        Map<String, RiskScorer> scorers = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                String slug = name.substring(0, name.length() - ".json".length());
                if (!PracticeSlug.isValid(slug)) {
                    throw new RuleFileException(file.toString(), null, "the file name must be <practice-slug>.json; '" + slug
                            + "' is not a practice slug");
                }
                RuleFile.Extension extension = RuleFileReader.readExtension(file.toString(), Files.newInputStream(file), base);
                scorers.put(slug, new RiskScorer(RuleFileReader.merge(base, extension, slug)));
            }
        } catch (IOException e) {
            throw new RuleFileException(dir.toString(), null, "cannot be read: " + e.getMessage());
        }
        return scorers;
    }
}
