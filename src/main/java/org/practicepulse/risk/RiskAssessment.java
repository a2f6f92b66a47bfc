package org.practicepulse.risk;

import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The professionalism risk of one text: score 0-100, its level, and every finding that explains it. */
public record RiskAssessment(int score, String level, String rulesVersion, List<RiskFinding> findings) {

    /** The categories flagged by at least one medium or high finding, in alphabetical order. */
    @JsonIgnore
    public List<String> categories() {
        TreeSet<String> flagged = new TreeSet<>();
        for (RiskFinding f : findings) {
            if (f.severity() != Severity.LOW) {
                flagged.add(f.category());
            }
        }
        return List.copyOf(flagged);
    }
}
