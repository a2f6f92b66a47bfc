package org.practicepulse.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Rows of a query as column -> value maps (timestamps as Instants), to compare stored values with a file's. */
public final class StoredRows {

    private StoredRows() {
    }

    public static List<Map<String, Object>> of(DataSource dataSource, String sql, Object... parameters) {
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
                        row.put(meta.getColumnLabel(i), value instanceof Timestamp t ? t.toInstant() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
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
}
