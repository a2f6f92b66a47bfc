package org.practicepulse.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.practicepulse.analytics.MetricRollups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Years of history written straight into the tables, in bulk SQL, for benchmarks: what weeks of
 * weekly exports would have left behind (posts with one snapshot per export, account days, web
 * traffic, reviews with replies), then the rollups the imports would have maintained. Every figure
 * is a deterministic function of the row numbers, so two runs store the same data.
 */
@ApplicationScoped
public class GeneratedHistory {

    /** The newest day of every generated history (a Sunday); posts go back two years from its start. */
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 15);
    /** Two years in minutes: the span the posts are spread over. */
    private static final int TWO_YEARS_MINUTES = 1_051_200;

    /** An account of a generated practice; clinician null for the practice's own accounts. */
    public record Account(String platform, String handle, String displayName, String clinician) {
    }

    /** What {@link #practice} wrote. */
    public record Counts(int accounts, long posts, long snapshots, long accountDays, long trafficDays, long reviews,
            long replies) {
        @Override
        public String toString() {
            return "%d accounts, %,d posts, %,d post snapshots, %,d account days, %,d web traffic rows, %,d reviews (%,d replied)"
                    .formatted(accounts, posts, snapshots, accountDays, trafficDays, reviews, replies);
        }
    }

    /** A family practice's accounts: its own on five platforms, and three of two clinicians (X, TikTok, Threads). */
    public static final List<Account> FAMILY_PRACTICE = List.of(
            new Account("x", "LakesideFamMed", "Lakeside Family Medicine", null),
            new Account("x", "DrMayaOkafor", "Dr. Maya Okafor", "Dr. Maya Okafor"),
            new Account("facebook", "Lakeside Family Medicine", "Lakeside Family Medicine", null),
            new Account("instagram", "lakesidefamilymed", "Lakeside Family Medicine", null),
            new Account("linkedin", "lakeside-family-medicine", "Lakeside Family Medicine", null),
            new Account("youtube", "LakesideHealthTV", "Lakeside Health TV", null),
            new Account("tiktok", "drmayaokafor", "Dr. Maya Okafor", "Dr. Maya Okafor"),
            new Account("threads", "drjamesreyes", "Dr. James Reyes", "Dr. James Reyes"));

    /** Web traffic sources of a practice's site: social ones (with their platform) and the rest. */
    private static final String[][] TRAFFIC_SOURCES = {
        { "facebook.com", "referral", "Organic Social", "facebook" }, { "l.facebook.com", "referral", "Organic Social", "facebook" },
        { "t.co", "referral", "Organic Social", "x" }, { "instagram.com", "referral", "Organic Social", "instagram" },
        { "linkedin.com", "referral", "Organic Social", "linkedin" }, { "youtube.com", "referral", "Organic Video", "youtube" },
        { "google", "organic", "Organic Search", null }, { "(direct)", "(none)", "Direct", null },
    };

    private static final String[] REVIEW_SITES = { "google", "google", "google", "yelp", "healthgrades", "zocdoc" };
    private static final String[] PRAISE = {
        "Dr. Okafor listened and explained everything clearly.", "Front desk was friendly and I was seen on time.",
        "Best family doctor we have had, the whole team is kind.", "Easy to book online and the nurse was wonderful.",
        "Clean office, short wait, and a thorough visit.",
    };
    private static final String[] COMPLAINTS = {
        "Waited over an hour past my appointment time and nobody said why.", "The billing office charged me twice and never called back.",
        "Rude receptionist, I will not be coming back.", "Could not get a refill for a week, the portal messages went unanswered.",
        "Parking is impossible and the visit felt rushed.",
    };

    @Inject
    DataSource dataSource;
    @Inject
    MetricRollups rollups;

    /** A successful import run for the generated rows to point at. */
    public long importRun(long practiceId) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("insert into import_run (practice_id, file_name, source, sha256, size_bytes, status, started_at) values ("
                        + practiceId + ", 'generated.csv', 'UPLOAD', md5(random()::text) || md5(random()::text), 0, 'IMPORTED', now()) returning id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The accounts, in the given order; their ids in that order. */
    public List<Long> accounts(long practiceId, List<Account> accounts) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into social_account (practice_id, platform, handle, display_name, clinician) values (?, ?, ?, ?, ?) returning id")) {
            for (Account a : accounts) {
                st.setLong(1, practiceId);
                st.setString(2, a.platform());
                st.setString(3, a.handle());
                st.setString(4, a.displayName());
                st.setString(5, a.clinician());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * {@code posts} posts spread evenly over the two years up to {@link #LAST_DAY}, the accounts in
     * turn, each with {@code snapshots} weekly snapshots (lifetime counters growing with each), then
     * each post's latest counters and the daily rollups, as an import leaves them. Texts, when given,
     * are used in turn; else "generated post n". {@code snapshotsUpToLastDay}: no snapshot after
     * {@link #LAST_DAY} (the newest posts then have fewer, as real weekly exports would give).
     */
    public void posts(long practiceId, long run, List<Long> accountIds, int posts, int snapshots, List<String> texts,
            boolean snapshotsUpToLastDay) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // post g (1..posts) is published g two-year-spans/posts before the end of the span, by account g mod n
            try (PreparedStatement st = c.prepareStatement("""
                    insert into post (practice_id, account_id, platform, external_id, published_at, text, permalink, import_run_id)
                    select a.practice_id, a.id, a.platform, 'p' || g, timestamptz '%s' - (g * interval '1 minute' * (%d / ?)),
                           coalesce(t.texts[1 + (g - 1) %% greatest(cardinality(t.texts), 1)], 'generated post ' || g),
                           'https://example.org/' || a.platform || '/p' || g, ?
                    from generate_series(1, ?) g
                    cross join (select ?::text[] as texts, ?::bigint[] as accounts) t
                    join social_account a on a.practice_id = ? and a.id = t.accounts[1 + g %% cardinality(t.accounts)]
                    """.formatted(LAST_DAY, TWO_YEARS_MINUTES))) {
                st.setInt(1, posts);
                st.setLong(2, run);
                st.setInt(3, posts);
                st.setArray(4, c.createArrayOf("text", texts.toArray()));
                st.setArray(5, c.createArrayOf("bigint", accountIds.toArray()));
                st.setLong(6, practiceId);
                st.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("""
                        insert into post_metric_snapshot (practice_id, post_id, as_of, impressions, reach, engagements, clicks, import_run_id)
                        select p.practice_id, p.id, cast(p.published_at as date) + 7 * s, 100 * s + p.id %% 97, 80 * s, 5 * s + p.id %% 7, s, %2$d
                        from post p cross join generate_series(1, %3$d) s
                        where p.practice_id = %1$d %4$s
                        """.formatted(practiceId, run, snapshots,
                        snapshotsUpToLastDay ? "and (cast(p.published_at as date) + 7 * s <= date '" + LAST_DAY + "' or s = 1)" : ""));
                st.execute("""
                        insert into post_latest_metric (practice_id, post_id, platform, account_id, published_at, as_of, impressions, reach,
                            engagements, clicks, import_run_id)
                        select distinct on (s.post_id) s.practice_id, s.post_id, p.platform, p.account_id, p.published_at, s.as_of,
                               s.impressions, s.reach, s.engagements, s.clicks, s.import_run_id
                        from post_metric_snapshot s join post p on p.practice_id = s.practice_id and p.id = s.post_id
                        where s.practice_id = %d
                        order by s.post_id, s.as_of desc
                        """.formatted(practiceId));
            }
            rollups.rebuild(c, practiceId, ZoneId.of(timeZone(c, practiceId)));
        }
    }

    /**
     * The metrics benchmark's history: accounts "bench" on X and Facebook, {@code posts} posts over
     * two years, {@code snapshots} weekly snapshots each.
     */
    public void simplePosts(long practiceId, int posts, int snapshots) throws SQLException {
        List<Long> accounts = accounts(practiceId, List.of(new Account("x", "bench", null, null), new Account("facebook", "bench", null, null)));
        posts(practiceId, importRun(practiceId), accounts, posts, snapshots, List.of(), false);
    }

    /**
     * Two years of a busy family practice up to {@link #LAST_DAY}: the {@link #FAMILY_PRACTICE}
     * accounts, {@code posts} posts with realistic texts and up to ten weekly snapshots each (none
     * after the last day), a day per account per day with followers (growing, with follows gained
     * and lost, profile visits, website clicks, impressions), a row per traffic source per day
     * (sessions and fractional conversions), and about one review a day on four sites, three in
     * four with a reply one hour to three days later.
     */
    public Counts practice(long practiceId, int posts, long seed) throws SQLException {
        long run = importRun(practiceId);
        List<Long> accounts = accounts(practiceId, FAMILY_PRACTICE);
        posts(practiceId, run, accounts, posts, 10, GeneratedExports.postTexts(posts, new Random(seed)), true);
        int days = 730;
        LocalDate first = LAST_DAY.minusDays(days - 1);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    insert into account_daily_metric (practice_id, account_id, day, followers, follows_gained, unfollows, profile_visits,
                        website_clicks, impressions, engagements, import_run_id)
                    select %1$d, a.id, d.day, 400 + (a.id %% 7) * 900 + n * (2 + a.id %% 3) + (n * 37 %% 11),
                           3 + (n * 13 + a.id) %% 9, (n * 7 + a.id) %% 4, 10 + (n * 17 + a.id) %% 40, (n * 11 + a.id) %% 15,
                           200 + (n * 29 + a.id * 31) %% 1800, 8 + (n * 19 + a.id) %% 90, %2$d
                    from social_account a
                    cross join lateral (select g as n, date '%3$s' + g as day from generate_series(0, %4$d) g) d
                    where a.practice_id = %1$d
                    """.formatted(practiceId, run, first, days - 1));
            StringBuilder sources = new StringBuilder();
            for (int i = 0; i < TRAFFIC_SOURCES.length; i++) {
                String[] s = TRAFFIC_SOURCES[i];
                sources.append(i == 0 ? "" : ", ").append("(").append(i).append(", '").append(s[0]).append("', '").append(s[1])
                        .append("', '").append(s[2]).append("', ").append(s[3] == null ? "null" : "'" + s[3] + "'").append(")");
            }
            st.execute("""
                    insert into web_traffic_daily (practice_id, day, source, medium, channel, platform, sessions, conversions, import_run_id)
                    select %1$d, date '%3$s' + g, s.source, s.medium, s.channel, s.platform,
                           case when s.platform is null then 60 + (g * 7 + s.k * 13) %% 90 else 2 + (g * 5 + s.k * 3) %% 25 end,
                           round(((g * 3 + s.k) %% 7) / 4.0, 2), %2$d
                    from generate_series(0, %4$d) g
                    cross join (values %5$s) as s (k, source, medium, channel, platform)
                    """.formatted(practiceId, run, first, days - 1, sources));
            insertReviews(c, practiceId, run, first, days, new Random(seed + 1));
            String of = " where practice_id = " + practiceId;
            return new Counts(accounts.size(), scalar(c, "select count(*) from post" + of),
                    scalar(c, "select count(*) from post_metric_snapshot" + of), scalar(c, "select count(*) from account_daily_metric" + of),
                    scalar(c, "select count(*) from web_traffic_daily" + of), scalar(c, "select count(*) from review" + of),
                    scalar(c, "select count(*) from review" + of + " and reply_text is not null"));
        }
    }

    private static void insertReviews(Connection c, long practiceId, long run, LocalDate first, int days, Random random)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into review (practice_id, site, external_id, location, rating, text, author, created_at, reply_text, replied_at,
                    first_replied_at, url, sentiment_score, sentiment_label, negative, import_run_id)
                values (?, ?, ?, 'Lakeshore Drive', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            int n = 0;
            for (int day = 0; day < days; day++) {
                int today = random.nextInt(3); // 0, 1 or 2 reviews: one a day on average
                for (int k = 0; k < today; k++) {
                    n++;
                    int roll = random.nextInt(100);
                    int rating = roll < 55 ? 5 : roll < 75 ? 4 : roll < 83 ? 3 : roll < 90 ? 2 : 1;
                    boolean bad = rating <= 2;
                    String site = REVIEW_SITES[random.nextInt(REVIEW_SITES.length)];
                    String text = bad ? COMPLAINTS[random.nextInt(COMPLAINTS.length)] : PRAISE[random.nextInt(PRAISE.length)];
                    Instant created = first.plusDays(day).atTime(8 + random.nextInt(12), random.nextInt(60))
                            .atZone(ZoneId.of("America/Chicago")).toInstant();
                    boolean replied = random.nextInt(4) != 0;
                    Instant reply = created.plusSeconds(3600L + random.nextInt(3 * 24 * 3600));
                    int i = 1;
                    st.setLong(i++, practiceId);
                    st.setString(i++, site);
                    st.setString(i++, "r" + n);
                    st.setInt(i++, rating);
                    st.setString(i++, text);
                    st.setString(i++, "Reviewer " + n);
                    st.setObject(i++, created.atOffset(ZoneOffset.UTC));
                    st.setString(i++, replied ? (bad ? "We are sorry to hear this. Please call our office manager so we can make it right."
                            : "Thank you for the kind words!") : null);
                    st.setObject(i++, replied ? reply.atOffset(ZoneOffset.UTC) : null);
                    st.setObject(i++, replied ? reply.atOffset(ZoneOffset.UTC) : null);
                    st.setString(i++, "https://example.org/" + site + "/r" + n);
                    st.setDouble(i++, bad ? -0.6 : rating == 3 ? 0.0 : 0.7);
                    st.setString(i++, bad ? "negative" : rating == 3 ? "neutral" : "positive");
                    st.setBoolean(i++, bad);
                    st.setLong(i++, run);
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows of a table over every practice. */
    public long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return scalar(c, "select count(*) from " + table);
        }
    }

    private static String timeZone(Connection c, long practiceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select time_zone from practice where id = ?")) {
            st.setLong(1, practiceId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
