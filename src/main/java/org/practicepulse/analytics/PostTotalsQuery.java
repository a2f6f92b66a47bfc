package org.practicepulse.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Post counters of a practice per ISO week (Monday, practice time zone) and platform, from the
 * latest snapshot of each post published in the period. Every other figure is summed from these rows.
 */
@ApplicationScoped
public class PostTotalsQuery {

    /** One week × platform cell. */
    public record Cell(LocalDate week, String platform, PostTotals totals) {
    }

    private static final String SQL = """
            with latest as (
                select distinct on (p.id) p.platform, p.published_at,
                       s.impressions, s.reach, s.engagements, s.clicks
                from post p
                join post_metric_snapshot s on s.practice_id = p.practice_id and s.post_id = p.id
                where p.practice_id = ? and p.published_at >= ? and p.published_at < ?
                  and (cast(? as text) is null or p.platform = ?)
                order by p.id, s.as_of desc
            )
            select cast(date_trunc('week', published_at at time zone ?) as date) as week, platform,
                   count(*) as posts,
                   sum(impressions) as impressions,
                   sum(reach) as reach,
                   sum(engagements) as engagements,
                   sum(clicks) as clicks,
                   sum(engagements) filter (where impressions is not null) as rate_engagements,
                   sum(impressions) filter (where engagements is not null) as rate_impressions
            from latest
            group by 1, 2
            order by 1, 2
            """;

    @Inject
    DataSource dataSource;

    public List<Cell> byWeekAndPlatform(long practiceId, ReportingPeriod period, String platform) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(SQL)) {
            st.setLong(1, practiceId);
            st.setTimestamp(2, Timestamp.from(period.start()));
            st.setTimestamp(3, Timestamp.from(period.end()));
            st.setString(4, platform);
            st.setString(5, platform);
            st.setString(6, period.zone().getId());
            List<Cell> cells = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    cells.add(new Cell(rs.getObject("week", LocalDate.class), rs.getString("platform"),
                            new PostTotals(rs.getLong("posts"), nullableLong(rs, "impressions"), nullableLong(rs, "reach"),
                                    nullableLong(rs, "engagements"), nullableLong(rs, "clicks"),
                                    nullableLong(rs, "rate_engagements"), nullableLong(rs, "rate_impressions"))));
                }
            }
            return cells;
        } catch (SQLException e) {
            throw new IllegalStateException("post totals query failed", e);
        }
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
