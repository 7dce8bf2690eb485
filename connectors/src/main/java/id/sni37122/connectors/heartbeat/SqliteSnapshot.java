package id.sni37122.connectors.heartbeat;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A consistent private copy of a live SQLite database ({@code kuma.db} with its {@code -wal} or
 * {@code -journal}), taken into a temporary folder and opened there. Nothing is ever written
 * beside the source: not a {@code -shm}, not a rolled-back journal. Opening the copy lets SQLite
 * do what it does for a database whose writer stopped mid-write: roll back a hot journal, replay a
 * write-ahead log. ({@code immutable=1} on the source would skip both: a kuma.db caught mid-write
 * read as empty.) A copy during which any of the files changed is taken again.
 */
final class SqliteSnapshot implements AutoCloseable {

    private static final String[] COMPANIONS = {"-wal", "-journal"};
    private static final int ATTEMPTS = 5;
    private static final long PAUSE_MS = 200;

    private final Path dir;
    private final Connection connection;

    private SqliteSnapshot(Path dir, Connection connection) {
        this.dir = dir;
        this.connection = connection;
    }

    static SqliteSnapshot of(Path file) throws IOException, SQLException, SourceException {
        Path dir = Files.createTempDirectory("sni37122-kuma-");
        try {
            Path copy = dir.resolve("kuma.db");
            for (int attempt = 1; ; attempt++) {
                List<Object> before = state(file);
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                for (String suffix : COMPANIONS) {
                    Path companion = file.resolveSibling(file.getFileName() + suffix);
                    Path target = dir.resolve("kuma.db" + suffix);
                    Files.deleteIfExists(target);
                    if (Files.exists(companion)) {
                        Files.copy(companion, target);
                    }
                }
                if (before.equals(state(file))) {
                    break;
                }
                if (attempt == ATTEMPTS) {
                    throw new SourceException(file, Messages.get("heartbeat.kuma_busy", ATTEMPTS));
                }
                Thread.sleep(PAUSE_MS * attempt);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath());
            return new SqliteSnapshot(dir, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delete(dir);
            throw new IOException(e);
        } catch (IOException | SQLException | SourceException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    /** Size and modification time of the database and each companion file (absent ones too). */
    private static List<Object> state(Path file) throws IOException {
        List<Object> state = new ArrayList<>();
        for (String suffix : new String[] {"", COMPANIONS[0], COMPANIONS[1]}) {
            Path p = file.resolveSibling(file.getFileName() + suffix);
            boolean exists = Files.exists(p);
            state.add(exists ? Files.size(p) : -1L);
            state.add(exists ? Files.getLastModifiedTime(p) : FileTime.fromMillis(0));
        }
        return state;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless; the load's outcome matters more.
            Objects.requireNonNull(dir);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            delete(dir);
        }
    }
}
