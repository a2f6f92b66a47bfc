package org.practicepulse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.practicepulse.risk.RiskAssessment;
import org.practicepulse.risk.RiskRules;
import org.practicepulse.risk.RiskScorer;
import org.practicepulse.risk.RuleFileReader;
import org.practicepulse.support.GeneratedExports;

/**
 * Posts per second of the risk scorer alone, on one thread, over 1M generated posts of typical
 * lengths (X, Facebook, Instagram, LinkedIn; about one in ten risky). Run with
 * {@code ./mvnw -B -Pbench verify -Dtest=RiskScoringBenchmark}.
 */
class RiskScoringBenchmark {

    private static final int POSTS = 1_000_000;
    private static final String[] PLATFORMS = { "x", "facebook", "instagram", "linkedin" };

    @Test
    void scoresWellOverTenThousandPostsPerSecondOnOneCore() throws Exception {
        RiskScorer scorer;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RiskRules.DEFAULT_RULES)) {
            scorer = new RiskScorer(RuleFileReader.read(RiskRules.DEFAULT_RULES, in));
        }
        List<String> posts = GeneratedExports.postTexts(POSTS, new Random(20261116));
        String[] platforms = new String[POSTS];
        long chars = 0;
        for (int i = 0; i < POSTS; i++) {
            platforms[i] = PLATFORMS[i % PLATFORMS.length];
            chars += posts.get(i).length();
        }
        // Warm-up: let the JIT compile the scorer before measuring.
        for (int i = 0; i < 200_000; i++) {
            scorer.score(posts.get(i), platforms[i]);
        }
        long findings = 0;
        long risky = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        for (int i = 0; i < POSTS; i++) {
            RiskAssessment a = scorer.score(posts.get(i), platforms[i]);
            findings += a.findings().size();
            if (!a.categories().isEmpty()) {
                risky++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // CPU time of this thread: the figure for one core, even when the machine is shared.
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        double perSecond = POSTS / cpuSeconds;
        System.out.printf("%nRiskScoringBenchmark: %,d posts (%.0f characters on average) scored on one thread in %.2f s of CPU"
                + " (%.2f s wall): %,.0f posts/s per core (%,.0f posts/s wall); %,d flagged, %,d findings%n%n", POSTS,
                (double) chars / POSTS, cpuSeconds, seconds, perSecond, POSTS / seconds, risky, findings);
        assertEquals(POSTS, posts.size());
        assertTrue(risky > POSTS / 20 && risky < POSTS / 5, "about one post in ten is risky, got " + risky);
        assertTrue(perSecond > 10_000, "the scorer must exceed 10,000 posts/s, measured " + (long) perSecond);
    }
}
