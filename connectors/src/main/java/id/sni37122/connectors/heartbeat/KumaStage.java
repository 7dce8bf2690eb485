package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.LoadContext;
import id.sni37122.connectors.SqlResource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Uptime Kuma heartbeats on their way to the {@code heartbeat} table: appended as numbers only
 * (id, monitor id, epoch milliseconds, status code, important) into a table that lives for the
 * load's transaction, then given their monitor's key and name and their status's word by one
 * {@code INSERT … SELECT}. Strings appended value by value cost the appender most of its time.
 */
final class KumaStage implements AutoCloseable {

    /** A Kuma monitor as the warehouse knows it. */
    record Monitor(int id, String key, String name, Integer interval) {
    }

    private final LoadContext ctx;
    private final DuckDBAppender appender;
    private boolean open = true;

    KumaStage(LoadContext ctx, List<Monitor> monitors) throws SQLException {
        this.ctx = ctx;
        try (Statement s = ctx.connection().createStatement()) {
            s.execute("CREATE TABLE heartbeat_stage (line BIGINT, monitor INTEGER, ms BIGINT, status TINYINT, important BOOLEAN)");
            s.execute("CREATE TABLE heartbeat_stage_monitor (id INTEGER, monitor_key VARCHAR, name VARCHAR, interval_s INTEGER)");
        }
        try (PreparedStatement p = ctx.connection().prepareStatement("INSERT INTO heartbeat_stage_monitor VALUES (?, ?, ?, ?)")) {
            for (Monitor m : monitors) {
                p.setInt(1, m.id());
                p.setString(2, m.key());
                p.setString(3, m.name());
                p.setObject(4, m.interval());
                p.addBatch();
            }
            p.executeBatch();
        }
        appender = ctx.connection().unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "heartbeat_stage");
    }

    void add(long line, int monitor, long epochMillis, int status, Boolean important) throws SQLException {
        appender.beginRow().append(line).append(monitor).append(epochMillis).append((byte) status);
        if (important == null) {
            appender.appendNull();
        } else {
            appender.append(important.booleanValue());
        }
        appender.endRow();
    }

    /** Moves the staged heartbeats into {@code heartbeat}; returns how many. */
    long finish() throws SQLException {
        appender.flush();
        appender.close();
        open = false;
        try (PreparedStatement p = ctx.connection().prepareStatement(SqlResource.load(KumaStage.class, "kuma_stage_insert.sql"))) {
            p.setString(1, ctx.city().code());
            p.setLong(2, ctx.fileId());
            return p.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        if (open) {
            appender.close();
        }
        try (Statement s = ctx.connection().createStatement()) {
            s.execute("DROP TABLE IF EXISTS heartbeat_stage");
            s.execute("DROP TABLE IF EXISTS heartbeat_stage_monitor");
        }
    }
}
