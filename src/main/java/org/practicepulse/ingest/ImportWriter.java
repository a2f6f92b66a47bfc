package org.practicepulse.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.practicepulse.risk.RiskScorer;

/**
 * The sink of one import run: stages posts for one bulk merge ({@link PostStaging}), writes the other
 * rows in JDBC batches on the run's transaction, and keeps the counts and the (capped) list of
 * problems. Not thread-safe; one per run; {@link #finish()} before the run's figures are computed.
 */
final class ImportWriter implements ImportSink, AutoCloseable {

    private static final int BATCH = 500;

    private static final String UPSERT_ACCOUNT_DAY = """
            insert into account_daily_metric (practice_id, account_id, day, followers, follows_gained, unfollows,
                profile_visits, website_clicks, impressions, reach, engagements, video_views, watch_time_seconds,
                posts_published, extra, import_run_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
            on conflict (practice_id, account_id, day) do update set
                followers = coalesce(excluded.followers, account_daily_metric.followers),
                follows_gained = coalesce(excluded.follows_gained, account_daily_metric.follows_gained),
                unfollows = coalesce(excluded.unfollows, account_daily_metric.unfollows),
                profile_visits = coalesce(excluded.profile_visits, account_daily_metric.profile_visits),
                website_clicks = coalesce(excluded.website_clicks, account_daily_metric.website_clicks),
                impressions = coalesce(excluded.impressions, account_daily_metric.impressions),
                reach = coalesce(excluded.reach, account_daily_metric.reach),
                engagements = coalesce(excluded.engagements, account_daily_metric.engagements),
                video_views = coalesce(excluded.video_views, account_daily_metric.video_views),
                watch_time_seconds = coalesce(excluded.watch_time_seconds, account_daily_metric.watch_time_seconds),
                posts_published = coalesce(excluded.posts_published, account_daily_metric.posts_published),
                extra = coalesce(account_daily_metric.extra, '{}'::jsonb) || coalesce(excluded.extra, '{}'::jsonb),
                import_run_id = excluded.import_run_id
            """;

    private static final String UPSERT_TRAFFIC = """
            insert into web_traffic_daily (practice_id, day, source, medium, channel, platform, sessions, conversions, import_run_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (practice_id, day, source, medium, channel) do update set
                platform = excluded.platform,
                sessions = coalesce(excluded.sessions, web_traffic_daily.sessions),
                conversions = coalesce(excluded.conversions, web_traffic_daily.conversions),
                import_run_id = excluded.import_run_id
            """;

    // Reviews: a newer file updates edited text and rating and adds new replies; a value missing from
    // the file keeps the known one. A reply is erased only when the row says it was deleted
    // (cast(? as boolean), bound three times); an older version of a reply never replaces a newer one,
    // and first_replied_at keeps the earliest reply time ever seen (response times). A copy of the
    // review older than the stored one (by the site's edit time) changes nothing. Every review this
    // run touched carries its id, so that the reputation analysis re-assesses exactly those.
    private static final String UPSERT_REVIEW = """
            insert into review (practice_id, site, external_id, location, provider, rating, title, text, text_translation,
                author, created_at, source_updated_at, reply_text, replied_at, first_replied_at, url, import_run_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (practice_id, site, external_id) do update set
                location = coalesce(excluded.location, review.location),
                provider = coalesce(excluded.provider, review.provider),
                rating = coalesce(excluded.rating, review.rating),
                title = coalesce(excluded.title, review.title),
                text = coalesce(excluded.text, review.text),
                text_translation = case when excluded.text is null then review.text_translation else excluded.text_translation end,
                author = coalesce(excluded.author, review.author),
                created_at = excluded.created_at,
                source_updated_at = coalesce(excluded.source_updated_at, review.source_updated_at),
                reply_text = case when cast(? as boolean) then null
                    when excluded.reply_text is null or excluded.replied_at < review.replied_at then review.reply_text
                    else excluded.reply_text end,
                replied_at = case when cast(? as boolean) then null
                    when excluded.reply_text is null or excluded.replied_at < review.replied_at then review.replied_at
                    else coalesce(excluded.replied_at, review.replied_at) end,
                first_replied_at = case when cast(? as boolean) then null
                    else least(review.first_replied_at, excluded.first_replied_at) end,
                url = coalesce(excluded.url, review.url),
                import_run_id = excluded.import_run_id
            where excluded.source_updated_at is null or review.source_updated_at is null
               or excluded.source_updated_at >= review.source_updated_at
            """;

    private static final String UPSERT_ACCOUNT = """
            insert into social_account (practice_id, platform, handle) values (?, ?, ?)
            on conflict (practice_id, platform, handle) do update set handle = excluded.handle
            returning id
            """;

    private final Connection connection;
    private final long practiceId;
    private final long runId;
    private final int maxProblems;
    private final ObjectMapper json;
    /** The rules that score this run's posts (null: not scored). */
    private final RiskScorer scorer;
    private final Map<String, Long> accountIds = new HashMap<>();
    private PostStaging posts;
    private PreparedStatement accountDays;
    private PreparedStatement traffic;
    private PreparedStatement reviews;
    private int pending;
    // A rewritten batch (reWriteBatchedInserts) may not upsert the same key twice: flush first.
    private final java.util.Set<String> pendingKeys = new java.util.HashSet<>();

    int imported;
    int rejected;
    int skipped;
    final List<ImportProblem> problems = new ArrayList<>();
    private int problemsDropped;

    ImportWriter(Connection connection, long practiceId, long runId, RiskScorer scorer, int maxProblems,
            ObjectMapper json) {
        this.connection = connection;
        this.practiceId = practiceId;
        this.runId = runId;
        this.scorer = scorer;
        this.maxProblems = maxProblems;
        this.json = json;
    }

    @Override
    public void post(PostRow row) {
        try {
            if (posts == null) {
                posts = new PostStaging(connection, practiceId, runId, scorer, json);
            }
            posts.add(row, accountId(row.platform(), row.accountHandle()));
            imported++;
        } catch (SQLException e) {
            throw new IllegalStateException("could not write post " + row.externalId(), e);
        }
    }

    @Override
    public void accountDay(AccountDayRow row) {
        try {
            if (accountDays == null) {
                accountDays = connection.prepareStatement(UPSERT_ACCOUNT_DAY);
            }
            long accountId = accountId(row.platform(), row.accountHandle());
            if (!pendingKeys.add("day:" + accountId + ":" + row.day())) {
                flush();
                pendingKeys.add("day:" + accountId + ":" + row.day());
            }
            int i = 1;
            accountDays.setLong(i++, practiceId);
            accountDays.setLong(i++, accountId);
            accountDays.setObject(i++, row.day());
            for (Long value : new Long[] { row.followers(), row.followsGained(), row.unfollows(), row.profileVisits(),
                    row.websiteClicks(), row.impressions(), row.reach(), row.engagements(), row.videoViews(),
                    row.watchTimeSeconds() }) {
                setLong(accountDays, i++, value);
            }
            if (row.postsPublished() == null) {
                accountDays.setNull(i++, Types.INTEGER);
            } else {
                accountDays.setInt(i++, row.postsPublished());
            }
            accountDays.setString(i++, row.extra() == null || row.extra().isEmpty() ? null : json.writeValueAsString(row.extra()));
            accountDays.setLong(i, runId);
            accountDays.addBatch();
            imported();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write the day " + row.day() + " of " + row.accountHandle(), e);
        }
    }

    @Override
    public void traffic(TrafficRow row) {
        try {
            if (traffic == null) {
                traffic = connection.prepareStatement(UPSERT_TRAFFIC);
            }
            String source = nullToEmpty(row.source());
            String medium = nullToEmpty(row.medium());
            String channel = nullToEmpty(row.channel());
            String key = "traffic:" + row.day() + "\u0000" + source + "\u0000" + medium + "\u0000" + channel;
            if (!pendingKeys.add(key)) {
                flush();
                pendingKeys.add(key);
            }
            int i = 1;
            traffic.setLong(i++, practiceId);
            traffic.setObject(i++, row.day());
            traffic.setString(i++, source);
            traffic.setString(i++, medium);
            traffic.setString(i++, channel);
            traffic.setString(i++, SocialSources.platformOf(source, medium, channel));
            setLong(traffic, i++, row.sessions());
            traffic.setBigDecimal(i++, row.conversions());
            traffic.setLong(i, runId);
            traffic.addBatch();
            imported();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write traffic of " + row.day(), e);
        }
    }

    @Override
    public void review(ReviewRow row) {
        try {
            if (reviews == null) {
                reviews = connection.prepareStatement(UPSERT_REVIEW);
            }
            String key = "review:" + row.site() + "\u0000" + row.externalId();
            if (!pendingKeys.add(key)) {
                flush();
                pendingKeys.add(key);
            }
            int i = 1;
            reviews.setLong(i++, practiceId);
            reviews.setString(i++, row.site());
            reviews.setString(i++, row.externalId());
            reviews.setString(i++, row.location());
            reviews.setString(i++, row.provider());
            if (row.rating() == null) {
                reviews.setNull(i++, Types.SMALLINT);
            } else {
                reviews.setShort(i++, row.rating().shortValue());
            }
            reviews.setString(i++, row.title());
            reviews.setString(i++, row.text());
            reviews.setString(i++, row.textTranslation());
            reviews.setString(i++, row.author());
            reviews.setTimestamp(i++, Timestamp.from(row.createdAt()));
            setInstant(reviews, i++, row.updatedAt());
            reviews.setString(i++, row.replyDeleted() ? null : row.replyText());
            setInstant(reviews, i++, row.replyDeleted() ? null : row.repliedAt());
            setInstant(reviews, i++, row.replyDeleted() || row.replyText() == null ? null : row.repliedAt());
            reviews.setString(i++, row.url());
            reviews.setLong(i++, runId);
            for (int deleted = 0; deleted < 3; deleted++) {
                reviews.setBoolean(i++, row.replyDeleted());
            }
            reviews.addBatch();
            imported();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write review " + row.externalId(), e);
        }
    }

    private static void setInstant(PreparedStatement st, int index, java.time.Instant value) throws SQLException {
        st.setTimestamp(index, value == null ? null : Timestamp.from(value));
    }

    private void imported() throws SQLException {
        imported++;
        if (++pending >= BATCH) {
            flush();
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    @Override
    public void reject(long line, String reason) {
        rejected++;
        problem(ImportProblem.ERROR, line, reason);
    }

    @Override
    public void skip(long line, String reason) {
        skipped++;
    }

    @Override
    public void warn(Long line, String message) {
        problem(ImportProblem.WARNING, line, message);
    }

    private void problem(String kind, Long line, String message) {
        if (problems.size() >= maxProblems) {
            problemsDropped++;
            return;
        }
        ImportProblem p = new ImportProblem();
        p.runId = runId;
        p.kind = kind;
        p.line = line;
        p.message = message;
        problems.add(p);
    }

    /** How many problems were counted but not stored because of the cap. */
    int problemsDropped() {
        return problemsDropped;
    }

    void flush() throws SQLException {
        if (pending > 0) {
            pausePosts();
            for (PreparedStatement batch : new PreparedStatement[] { accountDays, traffic, reviews }) {
                if (batch != null) {
                    batch.executeBatch();
                }
            }
            pending = 0;
            pendingKeys.clear();
        }
    }

    /** The staged posts' COPY holds the connection: end it before any other statement. */
    private void pausePosts() throws SQLException {
        if (posts != null) {
            posts.pause();
        }
    }

    /**
     * Waits for the risk scores of the staged posts (computed in the background since the reading
     * ended). Returns whether they are staged; if not, the run's posts must be scored from the
     * database (see PostStaging#finishScoring).
     */
    boolean finishRiskScoring() throws SQLException {
        return posts != null && posts.finishScoring();
    }

    /** Whether no post of this run existed before it (true when it has no posts). */
    boolean postsAllNew() {
        return posts == null || posts.allNew();
    }

    /** Writes everything still pending: the last batches and the staged posts. */
    void finish() throws SQLException {
        flush();
        if (posts != null) {
            posts.merge();
        }
    }

    private long accountId(String platform, String handle) throws SQLException {
        String key = platform + "\u0000" + handle;
        Long id = accountIds.get(key);
        if (id == null) {
            pausePosts();
            try (PreparedStatement st = connection.prepareStatement(UPSERT_ACCOUNT)) {
                st.setLong(1, practiceId);
                st.setString(2, platform);
                st.setString(3, handle);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            accountIds.put(key, id);
        }
        return id;
    }

    private static void setLong(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.BIGINT);
        } else {
            st.setLong(index, value);
        }
    }

    @Override
    public void close() throws SQLException {
        if (posts != null) {
            posts.close();
        }
        for (PreparedStatement statement : new PreparedStatement[] { accountDays, traffic, reviews }) {
            if (statement != null) {
                statement.close();
            }
        }
    }
}
