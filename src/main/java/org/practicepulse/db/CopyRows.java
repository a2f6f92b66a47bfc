package org.practicepulse.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows for PostgreSQL's COPY protocol ({@code format csv}), written in chunks of a few MB so memory
 * stays bounded whatever the row count. One COPY stays open across chunks, so PostgreSQL stores
 * rows while the caller produces the next ones; {@link #send} ends it, and must be called before
 * the connection runs anything else (another statement, another CopyRows) and before the table
 * is read. Cells are written in order with {@link #text}, {@link #number} ...; {@link #endRow}
 * ends a row. An absent value is NULL; text is quoted, so an empty string stays an empty string.
 */
public final class CopyRows {

    private static final int CHUNK_CHARS = 2 * 1024 * 1024;

    private final Connection connection;
    private final String copySql;
    /** Where rows go instead of a COPY: a file to COPY later ({@link #toWriter}). */
    private final Writer writer;
    private final StringBuilder chunk = new StringBuilder();
    private CopyManager copy;
    private CopyIn open;
    private boolean rowStarted;
    private long rows;

    /** {@code table} is a table (often a temporary staging table) whose columns match the cells in order. */
    public CopyRows(Connection connection, String table) {
        this.connection = connection;
        this.copySql = copySql(table);
        this.writer = null;
    }

    private CopyRows(Writer writer) {
        this.connection = null;
        this.copySql = null;
        this.writer = writer;
    }

    /** Rows in the same CSV form, written to a file (a thread without the connection), for {@link #copyIn} later. */
    public static CopyRows toWriter(Writer writer) {
        return new CopyRows(writer);
    }

    /** COPYs rows that {@link #toWriter} wrote into the table. */
    public static long copyIn(Connection connection, String table, Reader rows) throws SQLException, IOException {
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql(table), rows);
    }

    private static String copySql(String table) {
        return "copy " + table + " from stdin (format csv)";
    }

    /** Creates a temporary table dropped at the end of the transaction (commit or rollback). */
    public static void createStagingTable(Connection connection, String name, String columns) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("create temp table " + name + " (" + columns + ") on commit drop");
        }
    }

    public CopyRows text(String value) {
        separator();
        if (value != null) {
            chunk.append('"');
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == '"') {
                    chunk.append("\"\"");
                } else if (ch != '\u0000') { // PostgreSQL text cannot hold NUL
                    chunk.append(ch);
                }
            }
            chunk.append('"');
        }
        return this;
    }

    public CopyRows number(Long value) {
        separator();
        if (value != null) {
            chunk.append(value.longValue());
        }
        return this;
    }

    public CopyRows number(long value) {
        separator();
        chunk.append(value);
        return this;
    }

    /** Dates, timestamps (ISO 8601) and booleans, by their string form. */
    public CopyRows value(Object value) {
        separator();
        if (value != null) {
            chunk.append(value);
        }
        return this;
    }

    public void endRow() throws SQLException {
        chunk.append('\n');
        rowStarted = false;
        rows++;
        if (chunk.length() >= CHUNK_CHARS) {
            write();
        }
    }

    public long rows() {
        return rows;
    }

    /** Sends what is buffered and ends the COPY: the rows are in the table, the connection is free. */
    public void send() throws SQLException {
        write();
        if (open != null) {
            CopyIn ending = open;
            open = null;
            ending.endCopy();
        }
    }

    /** Abandons an open COPY (the transaction is failing): the connection must not stay in COPY mode. */
    public void cancel() {
        chunk.setLength(0);
        if (open != null) {
            CopyIn cancelling = open;
            open = null;
            try {
                if (cancelling.isActive()) {
                    cancelling.cancelCopy();
                }
            } catch (SQLException e) {
                // the connection is broken already; the pool discards it
            }
        }
    }

    private void write() throws SQLException {
        if (chunk.length() == 0) {
            return;
        }
        if (writer != null) {
            try {
                writer.append(chunk);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write rows to copy", e);
            }
            chunk.setLength(0);
            return;
        }
        if (open == null) {
            if (copy == null) {
                copy = connection.unwrap(PGConnection.class).getCopyAPI();
            }
            open = copy.copyIn(copySql);
        }
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        chunk.setLength(0);
        open.writeToCopy(bytes, 0, bytes.length);
    }

    private void separator() {
        if (rowStarted) {
            chunk.append(',');
        }
        rowStarted = true;
    }
}
