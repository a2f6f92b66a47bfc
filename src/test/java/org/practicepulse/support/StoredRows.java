package org.practicepulse.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the importers stored, read back with plain SQL: posts with their snapshots, account days,
 * and any query's rows as column -> value maps (timestamps as Instants).
 */
public final class StoredRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final List<String> POST_COUNTERS = List.of("impressions", "reach", "engagements", "likes", "comments",
            "shares", "saves", "clicks", "profile_clicks", "video_views", "watch_time_seconds", "follows");
    public static final List<String> DAY_COUNTERS = List.of("followers", "follows_gained", "unfollows", "profile_visits",
            "website_clicks", "impressions", "reach", "engagements", "video_views", "watch_time_seconds");

    private static final Set<String> RUN_COLUMNS = Set.of("id", "post_id", "account_id", "import_run_id");

    private StoredRows() {
    }

    /** One snapshot of a post: the post's columns, its account handle, the snapshot's counters and extra. */
    public record Snapshot(Map<String, Object> values, Map<String, Long> extra) {
        public Object get(String column) {
            return values.get(column);
        }
    }

    /** Every snapshot of the post, oldest first; empty when the post was not stored. */
    public static List<Snapshot> snapshots(DataSource dataSource, long practiceId, String platform, String externalId)
            throws SQLException {
        String sql = """
                select p.published_at, p.text, p.permalink, p.post_type, a.handle, s.as_of, s.extra::text as extra,
                       s.impressions, s.reach, s.engagements, s.likes, s.comments, s.shares, s.saves, s.clicks,
                       s.profile_clicks, s.video_views, s.watch_time_seconds, s.follows
                from post p
                join social_account a on a.practice_id = p.practice_id and a.id = p.account_id
                join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                where p.practice_id = ? and p.platform = ? and p.external_id = ?
                order by s.as_of
                """;
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            st.setLong(1, practiceId);
            st.setString(2, platform);
            st.setString(3, externalId);
            List<Snapshot> snapshots = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> values = new HashMap<>();
                    values.put("published_at", rs.getTimestamp("published_at").toInstant());
                    values.put("as_of", rs.getObject("as_of", LocalDate.class));
                    for (String column : List.of("text", "permalink", "post_type", "handle")) {
                        values.put(column, rs.getString(column));
                    }
                    for (String column : POST_COUNTERS) {
                        values.put(column, nullableLong(rs, column));
                    }
                    snapshots.add(new Snapshot(values, extra(rs.getString("extra"))));
                }
            }
            return snapshots;
        }
    }

    /** The only snapshot of the post; fails when there is none or more than one. */
    public static Snapshot onlySnapshot(DataSource dataSource, long practiceId, String platform, String externalId)
            throws SQLException {
        List<Snapshot> all = snapshots(dataSource, practiceId, platform, externalId);
        if (all.size() != 1) {
            throw new AssertionError(platform + " post " + externalId + " has " + all.size() + " snapshots, expected 1");
        }
        return all.get(0);
    }

    /** The account days of a practice, by "platform/handle/day", each with its counters and extra. */
    public static Map<String, Snapshot> accountDays(DataSource dataSource, long practiceId) throws SQLException {
        String sql = """
                select a.platform, a.handle, d.day, d.extra::text as extra, d.followers, d.follows_gained, d.unfollows,
                       d.profile_visits, d.website_clicks, d.impressions, d.reach, d.engagements, d.video_views,
                       d.watch_time_seconds, d.posts_published
                from account_daily_metric d
                join social_account a on a.practice_id = d.practice_id and a.id = d.account_id
                where d.practice_id = ?
                """;
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            st.setLong(1, practiceId);
            Map<String, Snapshot> days = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> values = new HashMap<>();
                    for (String column : DAY_COUNTERS) {
                        values.put(column, nullableLong(rs, column));
                    }
                    values.put("posts_published", nullableLong(rs, "posts_published"));
                    days.put(rs.getString("platform") + "/" + rs.getString("handle") + "/" + rs.getObject("day", LocalDate.class),
                            new Snapshot(values, extra(rs.getString("extra"))));
                }
            }
            return days;
        }
    }

    private static Map<String, Long> extra(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Long>>() {
            });
        } catch (Exception e) {
            throw new AssertionError("extra is not a map of counts: " + json, e);
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static List<Map<String, Object>> of(DataSource dataSource, String sql, Object... parameters) {
        try {
            return rows(dataSource, sql, true, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every row of the query as column → value (JDBC types: Long, BigDecimal, String, Timestamp, Date …). */
    public static List<Map<String, Object>> query(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        return rows(dataSource, sql, false, parameters);
    }

    private static List<Map<String, Object>> rows(DataSource dataSource, String sql, boolean instants, Object... parameters)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.put(meta.getColumnLabel(i), instants && value instanceof Timestamp t ? t.toInstant() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The one row of the query; fails when there are none or several. */
    public static Map<String, Object> one(DataSource dataSource, String sql, Object... parameters) {
        List<Map<String, Object>> rows = of(dataSource, sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError(rows.size() + " rows instead of one for " + List.of(parameters));
        }
        return rows.get(0);
    }

    /**
     * Everything a practice has in the imported tables, as sorted text, without the ids that a new
     * import run changes: equal before and after a re-import that changes nothing.
     */
    public static List<String> everythingOf(DataSource dataSource, long practiceId) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String table : List.of("social_account", "post", "post_metric_snapshot", "account_daily_metric", "web_traffic_daily")) {
            for (Map<String, Object> row : query(dataSource, "select * from " + table + " where practice_id = ?", practiceId)) {
                row.keySet().removeAll(RUN_COLUMNS);
                lines.add(table + " " + row);
            }
        }
        lines.sort(null);
        return lines;
    }
}
