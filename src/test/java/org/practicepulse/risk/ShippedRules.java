package org.practicepulse.risk;

import java.io.InputStream;

/** The rule file of src/main/resources/risk/rules.json, read as the application reads it. */
final class ShippedRules {

    private static RuleFile base;

    private ShippedRules() {
    }

    static synchronized RuleFile base() {
        if (base == null) {
            InputStream in = ShippedRules.class.getClassLoader().getResourceAsStream(RiskRules.DEFAULT_RULES);
            base = RuleFileReader.read("classpath:" + RiskRules.DEFAULT_RULES, in);
        }
        return base;
    }
}
