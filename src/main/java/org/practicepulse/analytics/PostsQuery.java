package org.practicepulse.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Posts of a period with their latest counters (top posts), and engagement by weekday and hour. */
@ApplicationScoped
public class PostsQuery {

    /** What top posts can be sorted by, with the SQL expression of each (no user text reaches SQL). */
    public enum Sort {
        engagementRate("case when l.impressions > 0 then cast(l.engagements as double precision) / l.impressions end"),
        impressions("l.impressions"),
        engagements("l.engagements"),
        clicks("l.clicks"),
        published("extract(epoch from l.published_at)"),
        risk(RISK_SCORE);

        final String expression;

        Sort(String expression) {
            this.expression = expression;
        }
    }

    public record PostView(long id, String platform, String account, String externalId, Instant publishedAt,
            String text, String permalink, String postType, LocalDate asOf, Long impressions, Long reach,
            Long engagements, Ratio engagementRate, Long likes, Long comments, Long shares, Long saves, Long clicks,
            Long videoViews, Risk risk) {
    }

    /**
     * The risk score of post p: post_risk keeps only posts with findings, so a post that its rules
     * version says was scored and that has no row there scored 0; null while unscored.
     */
    static final String RISK_SCORE = "coalesce(r.score, case when p.risk_rules_version is not null then 0 end)";

    /** The post's professionalism-risk score (null until scored). */
    public record Risk(int score, String level, List<String> categories, com.fasterxml.jackson.databind.JsonNode findings) {
    }

    /** One weekday × hour cell (weekday 1 = Monday, hour 0-23, practice time zone). */
    public record TimeCell(int weekday, int hour, long posts, Ratio engagementRate) {
    }

    private static final String POSTS = """
            select p.id, p.platform, a.handle, p.external_id, p.published_at, p.text, p.permalink, p.post_type, l.as_of,
                   l.impressions, l.reach, l.engagements, l.likes, l.comments, l.shares, l.saves, l.clicks, l.video_views,
                   %1$s as risk_score, coalesce(r.level, 'low') as risk_level,
                   coalesce(r.categories, '{}') as risk_categories, coalesce(r.findings, '[]') as risk_findings
            from post_latest_metric l
            join post p on p.practice_id = l.practice_id and p.id = l.post_id
            join social_account a on a.practice_id = p.practice_id and a.id = p.account_id
            left join post_risk r on r.practice_id = l.practice_id and r.post_id = l.post_id
            where l.practice_id = ? and l.published_at >= ? and l.published_at < ?
              and (cast(? as text) is null or l.platform = ?) and (cast(? as bigint[]) is null or l.account_id = any(?))
              and (cast(? as int) is null or %1$s >= ?) and (cast(? as text) is null or ? = any(r.categories))
            order by %2$s desc nulls last, p.id
            limit ?
            """;

    private static final String BEST_TIMES = """
            select cast(extract(isodow from published_at at time zone ?) as int) as weekday,
                   cast(extract(hour from published_at at time zone ?) as int) as hour,
                   count(*) as posts,
                   sum(engagements) filter (where impressions is not null) as engagements,
                   sum(impressions) filter (where engagements is not null) as impressions
            from post_latest_metric
            where practice_id = ? and published_at >= ? and published_at < ?
              and (cast(? as text) is null or platform = ?) and (cast(? as bigint[]) is null or account_id = any(?))
            group by 1, 2
            order by 1, 2
            """;

    @Inject
    DataSource dataSource;

    public List<PostView> top(MetricsQuery.Scope scope, ReportingPeriod period, Sort sort, int limit) {
        return top(scope, period, sort, limit, null, null);
    }

    /** Top posts, optionally only those scoring at least minRisk and/or with a finding of that category. */
    public List<PostView> top(MetricsQuery.Scope scope, ReportingPeriod period, Sort sort, int limit, Integer minRisk,
            String category) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(String.format(POSTS, RISK_SCORE, sort.expression))) {
            int i = bindScope(c, st, 1, scope, period);
            if (minRisk == null) {
                st.setNull(i++, java.sql.Types.INTEGER);
                st.setNull(i++, java.sql.Types.INTEGER);
            } else {
                st.setInt(i++, minRisk);
                st.setInt(i++, minRisk);
            }
            st.setString(i++, category);
            st.setString(i++, category);
            st.setInt(i, limit);
            List<PostView> posts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Long impressions = MetricsQuery.longOrNull(rs, "impressions");
                    Long engagements = MetricsQuery.longOrNull(rs, "engagements");
                    posts.add(new PostView(rs.getLong("id"), rs.getString("platform"), rs.getString("handle"),
                            rs.getString("external_id"), rs.getTimestamp("published_at").toInstant(), rs.getString("text"),
                            rs.getString("permalink"), rs.getString("post_type"), rs.getObject("as_of", LocalDate.class),
                            impressions, MetricsQuery.longOrNull(rs, "reach"), engagements,
                            Ratio.of(impressions == null ? null : engagements, engagements == null ? null : impressions),
                            MetricsQuery.longOrNull(rs, "likes"), MetricsQuery.longOrNull(rs, "comments"),
                            MetricsQuery.longOrNull(rs, "shares"), MetricsQuery.longOrNull(rs, "saves"),
                            MetricsQuery.longOrNull(rs, "clicks"), MetricsQuery.longOrNull(rs, "video_views"), risk(rs)));
                }
            }
            return posts;
        } catch (SQLException e) {
            throw new IllegalStateException("posts query failed", e);
        }
    }

    private static Risk risk(ResultSet rs) throws SQLException {
        int score = rs.getInt("risk_score");
        if (rs.wasNull()) {
            return null;
        }
        java.sql.Array categories = rs.getArray("risk_categories");
        try {
            return new Risk(score, rs.getString("risk_level"), List.of((String[]) categories.getArray()),
                    FINDINGS.readTree(rs.getString("risk_findings")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable risk findings", e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper FINDINGS = new com.fasterxml.jackson.databind.ObjectMapper();

    public List<TimeCell> bestTimes(MetricsQuery.Scope scope, ReportingPeriod period) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(BEST_TIMES)) {
            st.setString(1, scope.zone().getId());
            st.setString(2, scope.zone().getId());
            bindScope(c, st, 3, scope, period);
            List<TimeCell> cells = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    cells.add(new TimeCell(rs.getInt("weekday"), rs.getInt("hour"), rs.getLong("posts"),
                            Ratio.of(MetricsQuery.longOrNull(rs, "engagements"), MetricsQuery.longOrNull(rs, "impressions"))));
                }
            }
            return cells;
        } catch (SQLException e) {
            throw new IllegalStateException("best-times query failed", e);
        }
    }

    /** Binds practice, period start/end, platform and accounts from index i; returns the next index. */
    private static int bindScope(Connection c, PreparedStatement st, int i, MetricsQuery.Scope scope, ReportingPeriod period)
            throws SQLException {
        java.sql.Array accounts = scope.accountIds() == null ? null : c.createArrayOf("bigint", scope.accountIds().toArray());
        st.setLong(i++, scope.practiceId());
        st.setTimestamp(i++, Timestamp.from(period.start()));
        st.setTimestamp(i++, Timestamp.from(period.end()));
        st.setString(i++, scope.platform());
        st.setString(i++, scope.platform());
        st.setArray(i++, accounts);
        st.setArray(i++, accounts);
        return i;
    }
}
