package org.practicepulse.risk;

/** One reason a post is risky: which rule matched where (UTF-16 offsets into the text, end exclusive). */
public record RiskFinding(String category, String rule, String excerpt, int start, int end, Severity severity,
        String explanation, String guidance) {
}
