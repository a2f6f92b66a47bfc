package org.practicepulse.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rule file is data: a broken one stops the start-up with a message naming the file and the
 * field, and a practice extends the shipped rules with its own terms without touching them.
 */
class RuleFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "bad-rules.json";

    @Test
    void aBrokenRuleFileNamesTheFileAndTheField() throws Exception {
        assertProblem("rules[0].category: 'gossip' is not one of", rules -> rule(rules, 0).put("category", "gossip"));
        assertProblem("rules[0].id", rules -> rule(rules, 0).put("id", "Bad Id"));
        assertProblem("rules[1].id: '" + rule(shipped(), 0).get("id").asText() + "' is used twice",
                rules -> rule(rules, 1).put("id", rule(rules, 0).get("id").asText()));
        assertProblem("scoring.weights.medium: must be above 0.1", rules -> ((ObjectNode) rules.get("scoring").get("weights")).put("medium", 0.05));
        assertProblem("scoring.levels: needs 1 <= medium < high <= 100",
                rules -> ((ObjectNode) rules.get("scoring").get("levels")).put("medium", 80));
        assertProblem("phoneRegion: 'ZZ' is not a region code", rules -> rules.put("phoneRegion", "ZZ"));
        assertProblem("rules: is required and may not be empty", rules -> rules.putArray("rules"));
        assertProblem("lists.negations.terms: is empty",
                rules -> ((ObjectNode) rules.get("lists").get("negations")).putArray("terms"));

        RuleFileException notJson = assertThrows(RuleFileException.class,
                () -> RuleFileReader.read(FILE, stream("{\"version\": \"1\",, \"rules\": []}")));
        assertTrue(notJson.getMessage().startsWith("risk rule file " + FILE + ": "), notJson.getMessage());
        assertTrue(notJson.getMessage().contains("not valid JSON"), notJson.getMessage());
        RuleFileException truncated = assertThrows(RuleFileException.class,
                () -> RuleFileReader.read(FILE, stream("{\"version\": \"1\", \"rules\": [")));
        assertEquals("risk rule file " + FILE + ": rules: not valid JSON: the file ends inside a value (is it truncated?)",
                truncated.getMessage());
        RuleFileException empty = assertThrows(RuleFileException.class, () -> RuleFileReader.read(FILE, stream("")));
        assertEquals("risk rule file " + FILE + ": the file is empty", empty.getMessage());
    }

    @Test
    void aPracticeExtendsTheRulesWithItsOwnProductsAndColleagues(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("lakeside-family-medicine.json"), """
                {"version": "3",
                 "lists": {"practice_products": ["GlowMed serum"], "colleague_names": ["Dr. Pratt"]}}
                """);
        Map<String, RiskScorer> scorers = RiskRules.extensions(dir, ShippedRules.base());
        RiskScorer lakeside = scorers.get("lakeside-family-medicine");
        RiskScorer base = new RiskScorer(ShippedRules.base());

        String promotion = "Our GlowMed serum is 20% off this week, shop now at the front desk!";
        assertTrue(base.score(promotion, "instagram").findings().stream().noneMatch(f -> f.excerpt().contains("GlowMed")),
                "the shipped rules know no GlowMed");
        RiskAssessment promoted = lakeside.score(promotion, "instagram");
        assertTrue(promoted.categories().contains("endorsement"), promoted.toString());
        assertTrue(promoted.score() > base.score(promotion, "instagram").score(), "the product finding adds to the score");
        RiskFinding product = promoted.findings().stream().filter(f -> f.excerpt().contains("GlowMed")).findFirst().orElseThrow();
        assertEquals("endorsement", product.category());
        assertEquals("GlowMed serum", product.excerpt());
        assertEquals(promotion.indexOf("GlowMed"), product.start());
        assertEquals(ShippedRules.base().version() + "+lakeside-family-medicine.3", promoted.rulesVersion());

        String attack = "Honestly Dr. Pratt is incompetent and patients should know it.";
        assertTrue(lakeside.score(attack, "x").categories().contains("tone"));

        // The extension says which shipped list it extends; a list that is not extensible is refused.
        Files.writeString(dir.resolve("lakeside-family-medicine.json"), "{\"version\": \"4\", \"lists\": {\"negations\": [\"nah\"]}}");
        RuleFileException refused = assertThrows(RuleFileException.class, () -> RiskRules.extensions(dir, ShippedRules.base()));
        assertTrue(refused.getMessage().contains("lakeside-family-medicine.json: lists.negations: the list 'negations' of the base rules is not extensible"),
                refused.getMessage());

        Files.delete(dir.resolve("lakeside-family-medicine.json"));
        Files.writeString(dir.resolve("Not A Slug.json"), "{\"version\": \"1\"}");
        RuleFileException badName = assertThrows(RuleFileException.class, () -> RiskRules.extensions(dir, ShippedRules.base()));
        assertTrue(badName.getMessage().contains("is not a practice slug"), badName.getMessage());
    }

    private static void assertProblem(String expected, Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode rules = shipped();
        breakIt.accept(rules);
        RuleFileException e = assertThrows(RuleFileException.class,
                () -> RuleFileReader.read(FILE, stream(JSON.writeValueAsString(rules))));
        assertTrue(e.getMessage().startsWith("risk rule file " + FILE + ": " + expected), e.getMessage());
    }

    private static ObjectNode shipped() throws Exception {
        try (InputStream in = RuleFilesTest.class.getClassLoader().getResourceAsStream(RiskRules.DEFAULT_RULES)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static ObjectNode rule(ObjectNode rules, int index) {
        return (ObjectNode) ((ArrayNode) rules.get("rules")).get(index);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
