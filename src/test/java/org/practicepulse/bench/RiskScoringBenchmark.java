package org.practicepulse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.practicepulse.risk.RiskAssessment;
import org.practicepulse.risk.RiskRules;
import org.practicepulse.risk.RiskScorer;
import org.practicepulse.risk.RuleFileReader;

/**
 * Posts per second of the risk scorer alone, on one thread, over 1M generated posts of typical
 * lengths (X, Facebook, Instagram, LinkedIn; about one in ten risky). Run with
 * {@code ./mvnw -B -Pbench verify -Dtest=RiskScoringBenchmark}.
 */
class RiskScoringBenchmark {

    private static final int POSTS = 1_000_000;
    private static final String[] PLATFORMS = { "x", "facebook", "instagram", "linkedin" };

    private static final String[] OPENERS = {
        "Flu shots are in!", "Reminder from Lakeside Family Medicine:", "Happy Monday, Lakeside!", "Quick health tip:",
        "Proud of our team this week.", "Did you know?", "New on the blog:", "Thrilled to share some news.",
        "Grateful for our nurses today.", "Heads up, parents:", "It's Heart Month.", "Thank you, Lakeside!",
        "@LakesideMom22 Thanks for the kind words!", "@jlee_wellness Great question.", "Fall is here.",
    };
    private static final String[] BODIES = {
        "Walk-in flu clinic runs Saturdays 9 to noon at our Lakeshore Drive office, no appointment needed.",
        "Sleep is not a luxury: most adults do best with seven to nine hours and a regular bedtime.",
        "Bring your medication list, or the bottles, to every visit so we can keep you safe.",
        "Our new patient portal lets you message your care team, request refills and see results in one place.",
        "Colorectal cancer screening starts at 45 for people at average risk, and there are several options.",
        "Ticks are still active in October, so check your scalp and behind your knees after hiking.",
        "Hydration matters on hot days: keep water with you and drink before you head out.",
        "Dr. Okafor will speak at the Lakeside Library about sleep and memory on Thursday evening.",
        "We're hiring a medical assistant to join our friendly team; apply on our website.",
        "Mammograms save lives through early detection, so talk with your clinician about when to start.",
        "Ask your doctor before changing the dose of any blood pressure medicine.",
        "We never share patient photos or stories without written consent.",
        "Call our front desk at (312) 555-0142 to schedule your annual physical.",
        "There's no cure for the common cold, but rest and fluids help while it runs its course.",
        "Walking twenty minutes after dinner is one of the easiest habits to start this season.",
    };
    private static final String[] RISKY = {
        "My 45-year-old patient in bed 4 this morning finally got her diagnosis.",
        "Use code DRMAYA20 for 20% off my favorite vitamin C serum! #sp",
        "DM me your symptoms and I'll tell you what to take.",
        "Another anti-vax idiot in my mentions today.",
        "Studies show that 80% of illnesses start in the gut.",
        "@sarah_k84 Sounds like a UTI, take 500 mg of Cipro twice a day.",
        "Hungover on call today, send coffee.",
        "Patient John Whitaker, please call me at 312-555-0199 about your results.",
    };
    private static final String[] CLOSERS = {
        "#FluSeason", "#primarycare", "#LakesideHealth", "https://t.co/k8Rr2LpQ1a", "Link in bio.", "❤️", "See you soon!",
        "#WorldHeartDay #health", "Book through the portal.", "",
    };
    private static final String LINKEDIN_REFLECTION = " After fifteen years in family medicine I keep coming back to the same"
            + " lesson: the relationship is the treatment. Protect time for the conversations that matter, listen longer than"
            + " feels comfortable, and ask for help early. What would you add for colleagues starting out this year?";

    @Test
    void scoresWellOverTenThousandPostsPerSecondOnOneCore() throws Exception {
        RiskScorer scorer;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RiskRules.DEFAULT_RULES)) {
            scorer = new RiskScorer(RuleFileReader.read(RiskRules.DEFAULT_RULES, in));
        }
        List<String> posts = generate(POSTS, new Random(20261116));
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

    /** Posts assembled from realistic sentences: an opener, one to three sentences, a closer; LinkedIn posts run longer. */
    static List<String> generate(int count, Random random) {
        List<String> posts = new ArrayList<>(count);
        StringBuilder post = new StringBuilder(600);
        for (int i = 0; i < count; i++) {
            post.setLength(0);
            post.append(OPENERS[random.nextInt(OPENERS.length)]);
            int sentences = 1 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                post.append(' ').append(BODIES[random.nextInt(BODIES.length)]);
            }
            if (random.nextInt(10) == 0) {
                post.append(' ').append(RISKY[random.nextInt(RISKY.length)]);
            }
            if (i % 4 == 3 && random.nextBoolean()) {
                post.append(LINKEDIN_REFLECTION);
            }
            String closer = CLOSERS[random.nextInt(CLOSERS.length)];
            if (!closer.isEmpty()) {
                post.append(' ').append(closer);
            }
            posts.add(post.toString());
        }
        return posts;
    }
}
