package org.practicepulse.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.practicepulse.db.CopyRows;
import org.practicepulse.risk.RiskScorer;
import org.practicepulse.risk.BackgroundScoring;

/**
 * The bulk path for posts: rows are COPYed (PostgreSQL's COPY protocol) into a temporary staging
 * table in chunks, then merged into post and post_metric_snapshot with one INSERT ... SELECT ...
 * ON CONFLICT each. Per-row upserts cost a round trip and a plan per row; this costs two
 * statements per file. Everything happens on the import's connection and transaction, and the
 * staging table is dropped at commit or rollback.
 *
 * <p>Merge rules (the same as the per-row upsert they replace): an unknown publication time
 * (epoch) or a bare day never replaces an exact time already known; an empty cell never erases a
 * known text or counter of the same export date. When a file holds the same post twice, the rows
 * are applied in file order (one merge pass per occurrence), so the later row wins cell by cell.
 */
final class PostStaging {

    /** ON CONFLICT DO UPDATE cannot touch one row twice in one statement. */
    private static final String CARDINALITY_VIOLATION = "21000";

    private static final String STAGE_COLUMNS = """
                seq bigint not null, account_id bigint not null, platform text not null, external_id text not null,
                published_at timestamptz not null, published_day_only boolean not null, text text, permalink text,
                post_type text, as_of date not null, impressions bigint, reach bigint, engagements bigint, likes bigint,
                comments bigint, shares bigint, saves bigint, clicks bigint, profile_clicks bigint, video_views bigint,
                watch_time_seconds bigint, follows bigint, extra jsonb
            """;

    // %s is the source relation: the whole stage, or one occurrence of each post. It answers how many
    // posts existed already (an updated row's xmax is set, an inserted one's is 0): that counts the
    // posts of imports that committed while this one waited for their rows, which a look at the table
    // before the merge cannot see.
    private static final String MERGE_POSTS = """
            with merged as (
            insert into post (practice_id, account_id, platform, external_id, published_at, published_day_only, text,
                permalink, post_type, import_run_id, risk_rules_version)
            select ?, account_id, platform, external_id, published_at, published_day_only, text, permalink, post_type, ?, ?
            from %s s
            on conflict (practice_id, platform, external_id) do update set
                account_id = excluded.account_id,
                published_at = case
                    when excluded.published_at = timestamptz 'epoch' then post.published_at
                    when excluded.published_day_only and post.published_at >= excluded.published_at
                         and post.published_at < excluded.published_at + interval '1 day' then post.published_at
                    else excluded.published_at end,
                published_day_only = case
                    when excluded.published_at = timestamptz 'epoch' then post.published_day_only
                    when excluded.published_day_only and post.published_at >= excluded.published_at
                         and post.published_at < excluded.published_at + interval '1 day' then post.published_day_only
                    else excluded.published_day_only end,
                text = coalesce(excluded.text, post.text),
                permalink = coalesce(excluded.permalink, post.permalink),
                post_type = coalesce(excluded.post_type, post.post_type),
                import_run_id = excluded.import_run_id,
                risk_rules_version = excluded.risk_rules_version
            returning (xmax = 0) as inserted)
            select count(*) filter (where not inserted) from merged
            """;

    private static final String MERGE_SNAPSHOTS = """
            insert into post_metric_snapshot (practice_id, post_id, as_of, impressions, reach, engagements, likes, comments,
                shares, saves, clicks, profile_clicks, video_views, watch_time_seconds, follows, extra, import_run_id)
            select p.practice_id, p.id, s.as_of, s.impressions, s.reach, s.engagements, s.likes, s.comments, s.shares,
                   s.saves, s.clicks, s.profile_clicks, s.video_views, s.watch_time_seconds, s.follows, s.extra, ?
            from %s s
            -- each row finds its post by key, whatever the (possibly stale) statistics of post suggest
            cross join lateral (select p.practice_id, p.id from post p
                                where p.practice_id = ? and p.platform = s.platform and p.external_id = s.external_id offset 0) p
            on conflict (practice_id, post_id, as_of) do update set
                impressions = coalesce(excluded.impressions, post_metric_snapshot.impressions),
                reach = coalesce(excluded.reach, post_metric_snapshot.reach),
                engagements = coalesce(excluded.engagements, post_metric_snapshot.engagements),
                likes = coalesce(excluded.likes, post_metric_snapshot.likes),
                comments = coalesce(excluded.comments, post_metric_snapshot.comments),
                shares = coalesce(excluded.shares, post_metric_snapshot.shares),
                saves = coalesce(excluded.saves, post_metric_snapshot.saves),
                clicks = coalesce(excluded.clicks, post_metric_snapshot.clicks),
                profile_clicks = coalesce(excluded.profile_clicks, post_metric_snapshot.profile_clicks),
                video_views = coalesce(excluded.video_views, post_metric_snapshot.video_views),
                watch_time_seconds = coalesce(excluded.watch_time_seconds, post_metric_snapshot.watch_time_seconds),
                follows = coalesce(excluded.follows, post_metric_snapshot.follows),
                extra = coalesce(post_metric_snapshot.extra, '{}'::jsonb) || coalesce(excluded.extra, '{}'::jsonb),
                import_run_id = excluded.import_run_id
            """;

    private static final String RANK_STAGE = """
            create temp table post_stage_ranked on commit drop as
            select s.*, row_number() over (partition by platform, external_id order by seq) as occurrence from post_stage s
            """;

    private final Connection connection;
    private final long practiceId;
    private final long runId;
    private final RiskScorer scorer;
    private final ObjectMapper json;
    private CopyRows stage;
    private BackgroundScoring scoring;
    private boolean textMissing;
    private boolean duplicates;
    private long existingPosts;

    /**
     * scorer: the rules that score the run's posts (their version is recorded on each post); null
     * leaves the posts unscored.
     */
    PostStaging(Connection connection, long practiceId, long runId, RiskScorer scorer, ObjectMapper json) {
        this.connection = connection;
        this.practiceId = practiceId;
        this.runId = runId;
        this.scorer = scorer;
        this.json = json;
    }

    void add(PostRow row, long accountId) throws SQLException {
        if (stage == null) {
            CopyRows.createStagingTable(connection, "post_stage", STAGE_COLUMNS);
            stage = new CopyRows(connection, "post_stage");
            if (scorer != null) {
                scoring = new BackgroundScoring(connection, scorer, json);
            }
        }
        if (scoring != null) {
            if (row.text() == null) {
                textMissing = true; // the post keeps the text it had: only the database knows it
            } else {
                // the text as stored: COPY drops NUL characters (CopyRows.text)
                scoring.submit(row.platform(), row.externalId(), row.text().replace("\u0000", ""));
            }
        }
        PostCounters c = row.counters();
        stage.number(stage.rows()).number(accountId).text(row.platform()).text(row.externalId())
                .value(row.publishedAt()).value(row.publishedDayOnly()).text(row.text()).text(row.permalink())
                .text(row.postType()).value(row.asOf());
        for (Long value : new Long[] { c.impressions(), c.reach(), c.engagements(), c.likes(), c.comments(), c.shares(),
                c.saves(), c.clicks(), c.profileClicks(), c.videoViews(), c.watchTimeSeconds(), c.follows() }) {
            stage.number(value);
        }
        Map<String, Long> extra = row.extra();
        try {
            stage.text(extra == null || extra.isEmpty() ? null : json.writeValueAsString(extra));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the counters of post " + row.externalId(), e);
        }
        stage.endRow();
    }

    /**
     * Waits until every staged text is scored and stages the scores with findings, when they are the
     * posts' scores: every row carried its text and no post came twice (whose final text is then one
     * of several); otherwise stops the scoring. Returns whether the scores are staged. Call after the
     * merge.
     */
    boolean finishScoring() throws SQLException {
        if (scoring == null) {
            return false;
        }
        boolean valid = !textMissing && !duplicates;
        if (valid) {
            scoring.finish();
        }
        scoring.close();
        return valid;
    }

    /**
     * Whether no merged post existed before this run: nothing earlier of theirs (latest row, day,
     * finding) needs replacing. A post that the file holds twice counts as existing.
     */
    boolean allNew() {
        return stage != null && existingPosts == 0;
    }

    /** Ends the posts' COPY so the connection can run other statements; more rows may follow. */
    void pause() throws SQLException {
        if (stage != null) {
            stage.send();
        }
    }

    /** Stops the scoring thread, if any, and abandons an unfinished COPY (an import that failed). */
    void close() {
        if (scoring != null) {
            scoring.close();
        }
        if (stage != null) {
            stage.cancel();
        }
    }

    /** Writes everything staged into post and post_metric_snapshot. */
    void merge() throws SQLException {
        if (stage == null) {
            return;
        }
        stage.send();
        if (scoring != null) {
            scoring.start(); // the reading is over: score while PostgreSQL merges
        }
        execute("analyze post_stage"); // a temporary table has no statistics until analysed
        // A plain SQL savepoint: the pool refuses JDBC savepoint rollbacks on a connection enlisted in the import's transaction.
        execute("savepoint post_merge");
        try {
            mergeFrom("post_stage", null);
            execute("release savepoint post_merge");
        } catch (SQLException e) {
            if (!CARDINALITY_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // The file holds some post more than once: apply the occurrences in file order.
            execute("rollback to savepoint post_merge");
            duplicates = true;
            existingPosts = 0;
            execute(RANK_STAGE);
            long passes;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("select max(occurrence) from post_stage_ranked")) {
                rs.next();
                passes = rs.getLong(1);
            }
            for (long occurrence = 1; occurrence <= passes; occurrence++) {
                mergeFrom("(select * from post_stage_ranked where occurrence = ?)", occurrence);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private void mergeFrom(String source, Long occurrence) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(MERGE_POSTS.formatted(source))) {
            int i = 1;
            st.setLong(i++, practiceId);
            st.setLong(i++, runId);
            st.setString(i++, scorer == null ? null : scorer.version());
            if (occurrence != null) {
                st.setLong(i, occurrence);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                existingPosts += rs.getLong(1);
            }
        }
        try (PreparedStatement st = connection.prepareStatement(MERGE_SNAPSHOTS.formatted(source))) {
            int i = 1;
            st.setLong(i++, runId);
            if (occurrence != null) {
                st.setLong(i++, occurrence);
            }
            st.setLong(i, practiceId);
            st.executeUpdate();
        }
    }
}
