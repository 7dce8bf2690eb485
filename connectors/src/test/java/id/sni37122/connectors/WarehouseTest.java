package id.sni37122.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {

    @TempDir
    Path dir;

    @Test
    void freshWarehouseIsAtTheLatestVersion() throws Exception {
        try (Warehouse wh = Warehouse.open(dir.resolve("w.duckdb"))) {
            assertThat(wh.schemaVersion()).isEqualTo(Warehouse.latestSchemaVersion());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".bak"));
        }
    }

    @Test
    void olderWarehouseIsBackedUpThenMigratedKeepingItsRows() throws Exception {
        Path file = dir.resolve("w.duckdb");
        // A warehouse made by a version that knew only the first migration.
        try (Warehouse wh = Warehouse.createAtVersion(file, 1); Statement s = wh.connection().createStatement()) {
            s.execute("INSERT INTO rejected_row VALUES (7, 3, 'x', 'test.reason', 'kept')");
        }
        try (Warehouse wh = Warehouse.open(file); Statement s = wh.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT detail FROM rejected_row WHERE file_id = 7")) {
            assertThat(wh.schemaVersion()).isEqualTo(Warehouse.latestSchemaVersion());
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("kept");
        }
        Path backup;
        try (Stream<Path> files = Files.list(dir)) {
            backup = files.filter(p -> p.getFileName().toString().matches("w\\.duckdb\\.v1-\\d{8}-\\d{6}\\.bak")).findFirst().orElseThrow();
        }
        java.util.Properties readOnly = new java.util.Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + backup, readOnly);
             ResultSet r = c.createStatement().executeQuery("SELECT max(version) FROM schema_version")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1); // the backup is the warehouse as it was
        }
    }

    /** A run killed mid-upgrade and started again within the same second: the first copy stays, the second gets a number. */
    @Test
    void twoBackupsInOneSecondKeepBoth() throws Exception {
        Path file = Files.writeString(dir.resolve("w.duckdb"), "first");
        Path one = Warehouse.backup(file, 3);
        Files.writeString(file, "second");
        Path two = Warehouse.backup(file, 3);
        Files.writeString(file, "third");
        Path three = Warehouse.backup(file, 3);
        assertThat(List.of(one, two, three)).doesNotHaveDuplicates();
        assertThat(List.of(Files.readString(one), Files.readString(two), Files.readString(three))).containsExactly("first", "second", "third");
        // Within one second (or across its boundary) the later ones are numbered after the first's name.
        if (two.getFileName().toString().startsWith(one.getFileName().toString().replace(".bak", ""))) {
            assertThat(two.getFileName().toString()).endsWith("-2.bak");
        }
    }

    @Test
    void hitsStoredAsTextByVersion6KeepTheirMethodExtensionAndHostAsCodes() throws Exception {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse wh = Warehouse.createAtVersion(file, 6); Statement s = wh.connection().createStatement()) {
            s.execute("INSERT INTO portal_hit VALUES (1, 100, 11, NULL, 'GET', 200, 'css', NULL), (1, 101, 12, 5, 'HEAD', 304, NULL, 'data.kota.go.id'),"
                    + " (2, 102, 13, 5, 'GET', 404, 'robots.txt', 'data.kota.go.id')");
        }
        try (Warehouse wh = Warehouse.open(file); Statement s = wh.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT file_id, ts, visitor, agent_key, m.term, status, e.term, o.term FROM portal_hit h "
                     + "JOIN portal_term m ON m.code = h.method LEFT JOIN portal_term e ON e.code = h.ext "
                     + "LEFT JOIN portal_term o ON o.code = h.host ORDER BY ts")) {
            List<String> rows = new java.util.ArrayList<>();
            while (r.next()) {
                rows.add(r.getLong(1) + " " + r.getLong(2) + " " + r.getLong(3) + " " + r.getObject(4) + " " + r.getString(5) + " "
                        + r.getInt(6) + " " + r.getString(7) + " " + r.getString(8));
            }
            assertThat(rows).containsExactly("1 100 11 null GET 200 css null", "1 101 12 5 HEAD 304 null data.kota.go.id",
                    "2 102 13 5 GET 404 robots.txt data.kota.go.id");
            // One code per distinct term, whichever column it came from.
            try (ResultSet terms = s.executeQuery("SELECT count(*), count(DISTINCT code) FROM portal_term")) {
                terms.next();
                assertThat(terms.getInt(1)).isEqualTo(5).isEqualTo(terms.getInt(2));
            }
        }
    }

    @Test
    void newerWarehouseIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse wh = Warehouse.open(file); Statement s = wh.connection().createStatement()) {
            s.execute("INSERT INTO schema_version VALUES (99, '099-future.sql', current_timestamp)");
        }
        Messages.setLanguage("en");
        try {
            assertThatThrownBy(() -> Warehouse.open(file)).isInstanceOf(SQLException.class).hasMessageContaining("newer");
        } finally {
            Messages.setLanguage("id");
        }
    }

    @Test
    void migrationsSplitIntoStatements() {
        assertThat(SqlResource.statements("-- c\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (y INT);\n-- end\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (y INT)");
    }
}
