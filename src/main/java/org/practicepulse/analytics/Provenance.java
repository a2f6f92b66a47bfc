package org.practicepulse.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Where a period's figures came from: platforms and import runs (files), and definition changes. */
@ApplicationScoped
public class Provenance {

    /** A file that fed a figure. */
    public record Source(long importRun, String file, String format, String platform) {
    }

    /** The formula and sources of one metric. */
    public record Explanation(String formula, List<String> platforms, List<Source> imports) {
    }

    /** A platform changed the meaning of a counter inside the period. */
    public record DefinitionBreak(String platform, String metric, String before, String after, LocalDate firstDayAfter,
            String note) {
    }

    private static final String POST_SOURCES = """
            select distinct l.platform, r.id, r.file_name, r.format
            from post_latest_metric l join import_run r on r.id = l.import_run_id
            where l.practice_id = ? and l.published_at >= ? and l.published_at < ?
              and (cast(? as text) is null or l.platform = ?) and (cast(? as bigint[]) is null or l.account_id = any(?))
            order by 1, 2
            """;
    private static final String TRAFFIC_SOURCES = """
            select distinct t.platform, r.id, r.file_name, r.format
            from web_traffic_daily t join import_run r on r.id = t.import_run_id
            where t.practice_id = ? and t.day >= ? and t.day <= ? and t.platform is not null
              and (cast(? as text) is null or t.platform = ?)
            order by 1, 2
            """;
    private static final String FOLLOWER_SOURCES = """
            select distinct a.platform, r.id, r.file_name, r.format
            from account_daily_metric d join social_account a on a.practice_id = d.practice_id and a.id = d.account_id
            join import_run r on r.id = d.import_run_id
            where d.practice_id = ? and d.day >= ? and d.day <= ?
              and (cast(? as text) is null or a.platform = ?) and (cast(? as bigint[]) is null or a.id = any(?))
            order by 1, 2
            """;
    private static final String DEFINITIONS = """
            select platform, impressions_definition, min(published_at) as first_at
            from post_latest_metric
            where practice_id = ? and published_at >= ? and published_at < ? and impressions_definition is not null
              and (cast(? as text) is null or platform = ?)
            group by 1, 2
            """;

    @Inject
    DataSource dataSource;

    public Map<String, Explanation> explain(MetricsQuery.Scope scope, ReportingPeriod period) {
        try (Connection c = dataSource.getConnection()) {
            java.sql.Array accounts = scope.accountIds() == null ? null : c.createArrayOf("bigint", scope.accountIds().toArray());
            List<Source> posts = sources(c, POST_SOURCES, scope, accounts, Timestamp.from(period.start()), Timestamp.from(period.end()), true);
            List<Source> traffic = sources(c, TRAFFIC_SOURCES, scope, null, period.from(), period.to(), false);
            List<Source> followers = sources(c, FOLLOWER_SOURCES, scope, accounts, period.from(), period.to(), true);
            Map<String, Explanation> explanations = new LinkedHashMap<>();
            for (Metric metric : Metric.values()) {
                List<Source> fed = switch (metric.source()) {
                    case POSTS -> posts;
                    case TRAFFIC -> traffic;
                    case FOLLOWERS -> followers;
                    case POSTS_AND_FOLLOWERS -> concat(posts, followers);
                };
                explanations.put(metric.key(), new Explanation(metric.formula(),
                        List.copyOf(new TreeSet<>(fed.stream().map(Source::platform).toList())), fed));
            }
            return explanations;
        } catch (SQLException e) {
            throw new IllegalStateException("provenance query failed", e);
        }
    }

    /** Platforms whose posts in the period were counted under two definitions of impressions. */
    public List<DefinitionBreak> definitionBreaks(MetricsQuery.Scope scope, ReportingPeriod period) {
        Map<String, Map<String, Instant>> seen = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(DEFINITIONS)) {
            st.setLong(1, scope.practiceId());
            st.setTimestamp(2, Timestamp.from(period.start()));
            st.setTimestamp(3, Timestamp.from(period.end()));
            st.setString(4, scope.platform());
            st.setString(5, scope.platform());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    seen.computeIfAbsent(rs.getString(1), p -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getTimestamp(3).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("definition query failed", e);
        }
        List<DefinitionBreak> breaks = new ArrayList<>();
        seen.forEach((platform, definitions) -> {
            if (definitions.containsKey("impressions") && definitions.containsKey("views")) {
                LocalDate first = LocalDate.ofInstant(definitions.get("views"), scope.zone());
                breaks.add(new DefinitionBreak(platform, "impressions", "impressions", "views", first,
                        "Meta replaced Impressions with Views in 2025; in this period " + platform
                                + " posts count impressions before and views from " + first
                                + ". Views count every time content is on screen, so the two are not comparable."));
            }
        });
        return breaks;
    }

    private static List<Source> sources(Connection c, String sql, MetricsQuery.Scope scope, java.sql.Array accounts,
            Object from, Object to, boolean accountFilter) throws SQLException {
        List<Source> sources = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, scope.practiceId());
            st.setObject(2, from);
            st.setObject(3, to);
            st.setString(4, scope.platform());
            st.setString(5, scope.platform());
            if (accountFilter) {
                st.setArray(6, accounts);
                st.setArray(7, accounts);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sources.add(new Source(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(1)));
                }
            }
        }
        return sources;
    }

    private static List<Source> concat(List<Source> a, List<Source> b) {
        List<Source> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
