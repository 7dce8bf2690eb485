package id.sni37122.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.duckdb.DuckDBAppender;

/**
 * The DuckDB warehouse file. Opening it creates or migrates the schema, so every caller
 * sees the current version. The schema is a list of numbered SQL migrations under
 * {@code schema/}; a migration, once released, is never edited, only followed by a new one.
 */
public final class Warehouse implements AutoCloseable {

    /** Applied in order; the number of the last one applied is the schema version. */
    static final List<String> MIGRATIONS = List.of(
            "001-core.sql",
            "002-population.sql",
            "003-portal.sql",
            "004-catalog.sql",
            "005-inquiry.sql",
            "006-incident.sql",
            "007-portal-terms.sql",
            "008-inquiry-followups.sql",
            "009-read-settings.sql",
            "010-heartbeat-history.sql",
            "011-log-content.sql");

    private final Connection connection;
    private final Path file;

    private Warehouse(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /**
     * Starts loading DuckDB's native library (70 MB) and the JDBC drivers on a thread of its own, for a
     * command that will open the warehouse once it has read its config: on two cores the load then
     * overlaps the command-line parsing and the config instead of following them. A failure is left
     * for {@link #open} to meet and report as it always has.
     */
    public static void loadEngineAhead() {
        Thread loading = new Thread(() -> {
            try {
                Class.forName("org.duckdb.DuckDBNative", true, Warehouse.class.getClassLoader());
                DriverManager.getDrivers();
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // open() loads it again on its own thread and says what is wrong
            }
        }, "sni37122-engine-load");
        loading.setDaemon(true);
        loading.start();
    }

    /** Opens (creating if needed) the warehouse file and brings its schema up to date. */
    public static Warehouse open(Path file) throws SQLException, IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Warehouse wh = new Warehouse(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()), file);
        int version = wh.schemaVersionOrZero();
        if (version > latestSchemaVersion()) {
            wh.close();
            throw new SQLException(Messages.get("connectors.warehouse_newer", file, version, latestSchemaVersion()));
        }
        if (version > 0 && version < latestSchemaVersion()) {
            // An older warehouse: keep a copy before changing it, so a failed upgrade loses nothing.
            // CHECKPOINT first: the copy must not depend on a write-ahead log left beside it.
            try (Statement s = wh.connection.createStatement()) {
                s.execute("CHECKPOINT");
            }
            wh.close();
            backup(file, version);
            wh = new Warehouse(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()), file);
        }
        wh.migrate();
        return wh;
    }

    /**
     * Copies the (closed, checkpointed) warehouse file beside itself, named after its schema version
     * and the time. A run killed during its upgrade and started again within the same second finds
     * the first copy there: that one is kept, and this one takes the next free number.
     */
    static Path backup(Path file, int version) throws IOException {
        String stem = file.getFileName() + ".v" + version + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (int n = 1; ; n++) {
            Path copy = file.resolveSibling(stem + (n == 1 ? "" : "-" + n) + ".bak");
            try {
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                return copy;
            } catch (FileAlreadyExistsException taken) {
                // the next number
            }
        }
    }

    private int schemaVersionOrZero() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")) {
            r.next();
            if (r.getLong(1) == 0) {
                return 0;
            }
        }
        return schemaVersion();
    }

    /** Creates a warehouse file at an older schema version, as an earlier release would have: for upgrade tests. */
    static Warehouse createAtVersion(Path file, int version) throws SQLException, IOException {
        Warehouse wh = new Warehouse(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath()), file);
        wh.migrate(version);
        return wh;
    }

    /** An in-memory warehouse, for tests and dry runs. */
    public static Warehouse inMemory() throws SQLException, IOException {
        Warehouse wh = new Warehouse(DriverManager.getConnection("jdbc:duckdb:"), null);
        wh.migrate();
        return wh;
    }

    public Connection connection() {
        return connection;
    }

    /** The file behind this warehouse, or null when in memory. */
    public Path file() {
        return file;
    }

    public int schemaVersion() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    public static int latestSchemaVersion() {
        return MIGRATIONS.size();
    }

    private void migrate() throws SQLException, IOException {
        migrate(MIGRATIONS.size());
    }

    /**
     * Applies the migrations after the current version up to {@code upTo}, all in one transaction: a
     * new warehouse is made in one commit instead of one per migration (each commit writes and syncs
     * the write-ahead log), and a failed upgrade leaves the warehouse at its version before the run.
     */
    private void migrate(int upTo) throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)");
        }
        int current = schemaVersion();
        if (current >= upTo) {
            return;
        }
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        String name = null;
        try (Statement s = connection.createStatement();
             var p = connection.prepareStatement("INSERT INTO schema_version VALUES (?, ?, current_timestamp)")) {
            for (int v = current + 1; v <= upTo; v++) {
                name = MIGRATIONS.get(v - 1);
                for (String statement : SqlResource.statements(SqlResource.load(Warehouse.class, "schema/" + name))) {
                    s.execute(statement);
                }
                p.setInt(1, v);
                p.setString(2, name);
                p.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("schema migration " + name + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * Appends an instant as the warehouse keeps it (a naive UTC timestamp), or NULL: as microseconds,
     * which the appender stores as they are instead of working them out from a LocalDateTime.
     */
    public static DuckDBAppender appendUtc(DuckDBAppender appender, Instant t) throws SQLException {
        return t == null ? appender.appendNull() : appender.appendEpochMicros(t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000);
    }

    /** The warehouse keeps instants as naive UTC timestamps. */
    public static java.time.LocalDateTime utc(java.time.Instant t) {
        return t == null ? null : t.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime();
    }
}
