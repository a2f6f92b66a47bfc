package org.practicepulse.reputation;

import java.util.List;
import java.util.Set;

/**
 * A small medical vocabulary on top of VADER, so that clinical words in reviews of a medical
 * practice are not read as opinions. It works on VADER's tokens (see {@link ValenceAdjustment})
 * and only ever touches the words named here, in these four rules:
 *
 * <ol>
 * <li><b>Test findings.</b> "negative" (-2.7) and "positive" (+2.6) report a finding, not an
 * opinion, when one of the three tokens before them is a {@linkplain #TEST_WORDS test word}, or
 * the token right after them is a test word, or they are followed by "for" and a test word or a
 * {@linkplain #TESTED_FOR condition one is tested for}: "negative test result", "tested
 * negative", "my strep test came back negative", "positive for flu". They then count 0, and so
 * does the condition after "for" ("flu" is -1.6 in VADER). "negative for no reason" stays an
 * opinion.
 * "positive outcome" and "positive experience" are opinions and keep VADER's valence.</li>
 * <li><b>Free of a condition.</b> "pain free", "free of pain", "pain-free", "cancer-free",
 * "symptom-free": the {@linkplain #CONDITIONS condition} word counts 0, and a hyphenated
 * "&lt;condition&gt;-free" counts like "free" (+2.3), as the two-word form already does.</li>
 * <li><b>"heart" in condition names.</b> VADER's "heart" (+3.2) is affection; followed by a
 * {@linkplain #HEART_CLINICAL clinical word} ("heart attack", "heart failure", "heart rate") it
 * is an organ and counts 0.</li>
 * <li><b>Topic nouns in grateful reviews.</b> {@linkplain #TOPIC_NOUNS Condition nouns} (cancer,
 * tumor, pain, flu, illness, injury, depression, anxiety, and "attack"/"failure" in "heart attack",
 * "panic attack", "heart failure"...) name what the patient came for. When the review thanks
 * someone (a {@linkplain #GRATITUDE gratitude word}) and the sentiments of all other tokens,
 * after VADER's rules including "but", sum to more than 0, a topic noun's negative sentiment
 * becomes 0. A negated topic noun ("no pain") is positive and keeps its value. Without gratitude,
 * or when the rest of the review is not positive ("the pain was unbearable and nobody helped"),
 * topic nouns count as VADER counts them.</li>
 * </ol>
 * Good news such as "benign" (+1.3) keeps VADER's valence: it is fairly read as positive.
 */
public final class ClinicalVocabulary implements ValenceAdjustment {

    static final Set<String> TEST_WORDS = Set.of("test", "tests", "tested", "testing", "retest", "result", "results",
            "screen", "screening", "screenings", "biopsy", "biopsies", "scan", "scans", "mri", "ct", "x-ray", "x-rays",
            "xray", "mammogram", "pap", "smear", "culture", "cultures", "swab", "swabs", "pcr", "lab", "labs",
            "bloodwork", "panel", "covid", "covid-19", "hiv", "strep", "flu", "influenza", "pregnancy", "antibody",
            "antibodies", "allergy");
    static final Set<String> FINDINGS = Set.of("negative", "positive");
    /** What "negative for" / "positive for" a finding names, besides test words and topic nouns. */
    static final Set<String> TESTED_FOR = Set.of("covid", "covid-19", "flu", "influenza", "strep", "hiv", "cancer",
            "pregnancy", "uti", "pneumonia", "mono", "rsv", "lyme", "hepatitis", "tb", "tuberculosis", "chlamydia",
            "gonorrhea", "diabetes", "anemia", "infection", "melanoma", "malignancy", "antibodies");
    static final Set<String> CONDITIONS = Set.of("pain", "cancer", "tumor", "symptom", "symptoms", "disease", "seizure",
            "migraine", "infection");
    static final Set<String> HEART_CLINICAL = Set.of("attack", "attacks", "failure", "disease", "condition", "problem",
            "problems", "issue", "issues", "surgery", "murmur", "rate", "rhythm", "valve", "palpitations", "doctor",
            "specialist", "health", "monitor", "scan", "test", "procedure", "cath", "catheterization");
    static final Set<String> TOPIC_NOUNS = Set.of("cancer", "tumor", "tumors", "pain", "pains", "flu", "illness", "injury",
            "depression", "anxiety");
    /** "attack" and "failure" are topic nouns after these words. */
    static final Set<String> CONDITION_NAME_STARTS = Set.of("heart", "panic", "asthma", "anxiety", "kidney", "liver",
            "renal");
    static final Set<String> GRATITUDE = Set.of("thank", "thanks", "thankful", "grateful", "gratitude", "appreciate",
            "appreciated", "appreciative", "blessed", "lifesaver");

    private final double freeValence;

    public ClinicalVocabulary(VaderLexicon lexicon) {
        this.freeValence = lexicon.valence("free");
    }

    @Override
    public Double[] wordValences(List<String> tokens) {
        Double[] valences = new Double[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (FINDINGS.contains(token) && isTestFinding(tokens, i)
                    || FINDINGS.contains(at(tokens, i - 2)) && at(tokens, i - 1).equals("for") && isTestedFor(token)) {
                valences[i] = 0.0;
            } else if (token.endsWith("-free") && CONDITIONS.contains(token.substring(0, token.length() - "-free".length()))) {
                valences[i] = freeValence;
            } else if (CONDITIONS.contains(token) && (at(tokens, i + 1).equals("free")
                    || at(tokens, i - 2).equals("free") && at(tokens, i - 1).equals("of"))) {
                valences[i] = 0.0;
            } else if (token.equals("heart") && HEART_CLINICAL.contains(at(tokens, i + 1))) {
                valences[i] = 0.0;
            }
        }
        return valences;
    }

    private static boolean isTestFinding(List<String> tokens, int i) {
        for (int before = i - 3; before < i; before++) {
            if (TEST_WORDS.contains(at(tokens, before))) {
                return true;
            }
        }
        String next = at(tokens, i + 1);
        return TEST_WORDS.contains(next) || next.equals("for") && isTestedFor(at(tokens, i + 2));
    }

    private static boolean isTestedFor(String token) {
        return TEST_WORDS.contains(token) || TESTED_FOR.contains(token) || TOPIC_NOUNS.contains(token)
                || CONDITIONS.contains(token);
    }

    @Override
    public void adjustSentiments(List<String> tokens, double[] sentiments) {
        if (tokens.stream().noneMatch(GRATITUDE::contains)) {
            return;
        }
        boolean[] topic = new boolean[tokens.size()];
        double rest = 0.0;
        for (int i = 0; i < tokens.size(); i++) {
            topic[i] = isTopicNoun(tokens, i);
            if (!topic[i]) {
                rest += sentiments[i];
            }
        }
        if (rest <= 0) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (topic[i] && sentiments[i] < 0) {
                sentiments[i] = 0.0;
            }
        }
    }

    private static boolean isTopicNoun(List<String> tokens, int i) {
        String token = tokens.get(i);
        return TOPIC_NOUNS.contains(token)
                || (token.equals("attack") || token.equals("attacks") || token.equals("failure"))
                        && CONDITION_NAME_STARTS.contains(at(tokens, i - 1));
    }

    private static String at(List<String> tokens, int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : "";
    }
}
