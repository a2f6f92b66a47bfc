package org.practicepulse.support;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

/** What the database holds, read with plain SQL, for tests that check stored values. */
public final class StoredRows {

    /** Columns that differ between two imports of the same figures. */
    private static final Set<String> RUN_COLUMNS = Set.of("id", "post_id", "account_id", "import_run_id");

    private StoredRows() {
    }

    /** Every row of the query as column → value (JDBC types: Long, BigDecimal, String, Timestamp, Date …). */
    public static List<Map<String, Object>> query(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
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
