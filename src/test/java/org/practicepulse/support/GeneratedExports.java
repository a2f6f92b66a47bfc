package org.practicepulse.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Large, realistic exports for benchmarks and fault tests, written as a stream so their size is
 * bounded only by the disk: post texts from realistic doctors' sentences (about one in ten risky)
 * and X's legacy {@code tweet_activity_metrics} CSV with any number of rows.
 */
public final class GeneratedExports {

    /** The legacy X per-tweet header, exactly as X writes it. */
    public static final String X_TWEET_ACTIVITY_HEADER = "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\","
            + "\"engagements\",\"engagement rate\",\"retweets\",\"replies\",\"likes\",\"user profile clicks\",\"url clicks\","
            + "\"hashtag clicks\",\"detail expands\",\"permalink clicks\",\"app opens\",\"app installs\",\"follows\","
            + "\"email tweet\",\"dial phone\",\"media views\",\"media engagements\",\"promoted impressions\","
            + "\"promoted engagements\",\"promoted engagement rate\",\"promoted retweets\",\"promoted replies\","
            + "\"promoted likes\",\"promoted user profile clicks\",\"promoted url clicks\",\"promoted hashtag clicks\","
            + "\"promoted detail expands\",\"promoted permalink clicks\",\"promoted app opens\",\"promoted app installs\","
            + "\"promoted follows\",\"promoted email tweet\",\"promoted dial phone\",\"promoted media views\","
            + "\"promoted media engagements\"";

    private static final DateTimeFormatter X_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '+0000'").withZone(ZoneOffset.UTC);
    private static final String PROMOTED_COLUMNS = ",\"-\"".repeat(18);

    private GeneratedExports() {
    }

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

    /** One post text (see {@link #postTexts}); {@code longForm} adds the LinkedIn-style reflection. */
    public static String postText(Random random, boolean longForm) {
        StringBuilder post = new StringBuilder(600);
        post.append(OPENERS[random.nextInt(OPENERS.length)]);
        int sentences = 1 + random.nextInt(3);
        for (int s = 0; s < sentences; s++) {
            post.append(' ').append(BODIES[random.nextInt(BODIES.length)]);
        }
        if (random.nextInt(10) == 0) {
            post.append(' ').append(RISKY[random.nextInt(RISKY.length)]);
        }
        if (longForm && random.nextBoolean()) {
            post.append(LINKEDIN_REFLECTION);
        }
        String closer = CLOSERS[random.nextInt(CLOSERS.length)];
        if (!closer.isEmpty()) {
            post.append(' ').append(closer);
        }
        return post.toString();
    }

    /** Posts assembled from realistic sentences: an opener, one to three sentences, a closer; every fourth may run longer. */
    public static List<String> postTexts(int count, Random random) {
        List<String> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(postText(random, i % 4 == 3));
        }
        return posts;
    }

    /** What {@link #xTweetActivityTotals} wrote: the row count and the sum of every stored counter column. */
    public record XTotals(long rows, long impressions, long engagements, long likes, long retweets, long replies,
            long profileClicks, long urlClicks, long detailExpands, long follows, long bytes) {
    }

    /**
     * Writes a {@code tweet_activity_metrics} export of {@code rows} tweets of one handle, newest
     * first as X writes them, one tweet every 10 minutes back from 2026-11-15 (closer above a million rows). Deterministic for a
     * seed. Returns the sum of the impressions column, so tests can compare stored totals.
     */
    public static long xTweetActivity(Path file, String handle, int rows, long seed) throws IOException {
        return xTweetActivityTotals(file, handle, rows, seed).impressions();
    }

    /** {@link #xTweetActivity}, returning every total the file holds (computed while writing, not read back). */
    public static XTotals xTweetActivityTotals(Path file, String handle, int rows, long seed) throws IOException {
        return xTweetActivityTotals(file, handle, rows, seed, 2_000_000_000_000_000_000L);
    }

    /**
     * The same with tweet ids from {@code idBase + 1000} up: two files with different bases hold
     * different tweets (with the same base, the second file updates the first one's tweets).
     */
    public static XTotals xTweetActivityTotals(Path file, String handle, int rows, long seed, long idBase) throws IOException {
        Random random = new Random(seed);
        long newest = Instant.parse("2026-11-15T12:00:00Z").getEpochSecond();
        long impressionsTotal = 0;
        long engagementsTotal = 0;
        long likesTotal = 0;
        long retweetsTotal = 0;
        long repliesTotal = 0;
        long profileClicksTotal = 0;
        long urlClicksTotal = 0;
        long expandsTotal = 0;
        long followsTotal = 0;
        // Every 10 minutes back from the newest; closer for more than a million rows, so that every
        // tweet stays after 2007 (the importer rejects years before 2000).
        long spacingSeconds = Math.min(600L, 600L * 1_000_000 / Math.max(1, rows));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(X_TWEET_ACTIVITY_HEADER);
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                long id = idBase + (long) (rows - i) * 1_000;
                long impressions = 50 + random.nextInt(5_000);
                long likes = random.nextInt(60);
                long retweets = random.nextInt(10);
                long replies = random.nextInt(6);
                long profileClicks = random.nextInt(12);
                long urlClicks = random.nextInt(30);
                long expands = random.nextInt(25);
                long engagements = likes + retweets + replies + profileClicks + urlClicks + expands;
                impressionsTotal += impressions;
                engagementsTotal += engagements;
                likesTotal += likes;
                retweetsTotal += retweets;
                repliesTotal += replies;
                profileClicksTotal += profileClicks;
                urlClicksTotal += urlClicks;
                expandsTotal += expands;
                String text = postText(random, false).replace("\"", "\"\"");
                int follows = random.nextInt(3);
                followsTotal += follows;
                out.write("\"" + id + "\",\"https://twitter.com/" + handle + "/status/" + id + "\",\"" + text + "\",\""
                        + X_TIME.format(Instant.ofEpochSecond(newest - i * spacingSeconds)) + "\",\"" + impressions + ".0\",\"" + engagements
                        + ".0\",\"" + (double) engagements / impressions + "\",\"" + retweets + ".0\",\"" + replies + ".0\",\""
                        + likes + ".0\",\"" + profileClicks + ".0\",\"" + urlClicks + ".0\",\"0.0\",\"" + expands
                        + ".0\",\"0.0\",\"0\",\"0\",\"" + follows + "\",\"0\",\"0\",\"0\",\"0\"" + PROMOTED_COLUMNS);
                out.write('\n');
            }
        }
        return new XTotals(rows, impressionsTotal, engagementsTotal, likesTotal, retweetsTotal, repliesTotal, profileClicksTotal,
                urlClicksTotal, expandsTotal, followsTotal, Files.size(file));
    }
}
