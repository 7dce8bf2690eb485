package id.sni37122.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads every configured source of one city. Each file is loaded in its own transaction
 * together with its source_file record, and a file whose content hash is already recorded
 * is skipped, so re-running is harmless and an interrupted run leaves nothing half-loaded.
 */
public final class Ingestor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Warehouse warehouse;
    private final CityContext city;
    private final Map<String, Map<String, Object>> rules;
    private final byte[] visitorSecret;
    private Listener listener = new Listener() { };
    private BiPredicate<String, Path> reload = (kind, file) -> false;

    /** Told as each file starts and ends, e.g. to draw a progress bar. */
    public interface Listener {
        default void fileStarted(String kind, Path file, long bytes) {
        }

        default void fileFinished(FileOutcome outcome, long bytes) {
        }
    }

    /**
     * @param rules         the config's {@code rules:} section, by source kind
     * @param visitorSecret per-installation key for visitor hashes (see the portal connector)
     */
    public Ingestor(Warehouse warehouse, CityContext city, Map<String, Map<String, Object>> rules, byte[] visitorSecret) {
        this.warehouse = warehouse;
        this.city = city;
        this.rules = rules == null ? Map.of() : rules;
        this.visitorSecret = visitorSecret;
    }

    public Ingestor listener(Listener listener) {
        this.listener = listener;
        return this;
    }

    /**
     * Files (by source kind and path) to load again even though their content and read settings are
     * already in the warehouse ({@code ingest --reload}).
     */
    public Ingestor reload(BiPredicate<String, Path> which) {
        this.reload = which;
        return this;
    }

    public IngestReport ingest(List<SourceSpec> specs, Long runId) throws SQLException {
        IngestReport report = new IngestReport();
        for (SourceSpec spec : specs) {
            Connector connector = Connectors.forKind(spec.kind());
            List<Path> files;
            try {
                files = SourceFiles.expand(spec.baseDir(), spec.path());
            } catch (SourceException e) {
                report.error(e.located());
                continue;
            }
            for (Path file : files) {
                long bytes = file.toFile().length();
                listener.fileStarted(spec.kind(), file, bytes);
                FileOutcome outcome = loadFile(connector, spec, file, runId);
                listener.fileFinished(outcome, bytes);
                report.add(outcome);
            }
        }
        return report;
    }

    /**
     * Loads one file unless its content is already in the warehouse, read the same way. A file seen
     * before at the same path that only grew loads just its new lines (when the connector can); one
     * that changed otherwise, or whose read settings changed (format, zone, columns, options), or
     * that {@link #reload} names, replaces its earlier rows, so nothing is counted twice.
     */
    public FileOutcome loadFile(Connector connector, SourceSpec spec, Path file, Long runId) throws SQLException {
        String format = spec.format() != null ? spec.format() : connector.defaultFormat(file);
        String path = file.toAbsolutePath().normalize().toString();
        String settings = ReadSettings.json(connector.readSettings(spec, format, city.zone()));
        boolean reloadAsked = reload.test(spec.kind(), file);
        String sha;
        long size;
        Connection c = warehouse.connection();
        Earlier earlier;
        long startOffset = 0;
        long startLine = 0;
        // Why loaded rows are replaced, in words; null while nothing says they must be.
        String reason = reloadAsked ? Messages.get("connectors.reload_asked", file) : null;
        List<String> replacedPaths = new ArrayList<>(List.of(path));
        Future<String> shaLater;
        try {
            size = Files.size(file);
            if (size == 0) {
                // Not an error: a log rotated at midnight is empty until the first hit. It is not
                // recorded, so it loads once it has content.
                return new FileOutcome(spec.kind(), file, format, FileOutcome.Status.SKIPPED, 0, 0, 0, Map.of(), Map.of(),
                        null, Messages.get("connectors.file_empty_skipped", file), null);
            }
            // Only a file of the same size can have the same content. Otherwise the hash is computed on
            // another core while the file loads: a year of logs is gigabytes, and hashing it first
            // would double the time a nightly run takes.
            if (sameSizeLoaded(c, spec.kind(), size)) {
                sha = Hashes.sha256(file, size);
                Earlier same = loadedContent(c, spec.kind(), sha);
                if (same != null && reason == null) {
                    String changed = same.changesTo(settings, format);
                    if (changed == null) {
                        String note = null;
                        if (same.settings == null) {
                            // Loaded by a version that did not record settings: the format matches, the rest is taken as it is now.
                            recordSettings(c, same.fileId, settings);
                            note = Messages.get("connectors.settings_recorded", file);
                        }
                        return new FileOutcome(spec.kind(), file, format, FileOutcome.Status.SKIPPED, 0, 0, 0, Map.of(), Map.of(),
                                null, note, null);
                    }
                    reason = Messages.get("connectors.settings_changed", file, changed);
                }
                if (same != null) {
                    replacedPaths.add(same.path);
                }
                shaLater = CompletableFuture.completedFuture(sha);
            } else {
                long hashed = size;
                shaLater = HASHING.submit(() -> Hashes.sha256(file, hashed));
            }
            earlier = earlierVersion(c, spec.kind(), path);
            if (earlier != null && reason == null) {
                String changed = earlier.changesTo(settings, format);
                if (changed != null) {
                    reason = Messages.get("connectors.settings_changed", file, changed);
                }
            }
            if (earlier != null && reason == null && earlier.size < size && connector.appendable(format) && !isGzip(file)) {
                Hashes.Prefix prefix = Hashes.prefix(file, earlier.size);
                if (prefix.sha256().equals(earlier.sha256)) {
                    startOffset = earlier.size;
                    startLine = prefix.lines();
                }
            }
        } catch (IOException e) {
            return failed(spec, file, format, new SourceException(file, Messages.get("connectors.file_unreadable") + " (" + e.getMessage() + ")"));
        }
        // A source that prunes its own history adds its new records to the earlier loads' rows.
        boolean accumulates = earlier != null && reason == null && startOffset == 0 && connector.accumulates(format);
        FileOutcome.Status status = startOffset > 0 || accumulates ? FileOutcome.Status.APPENDED
                : earlier != null || reason != null ? FileOutcome.Status.REPLACED : FileOutcome.Status.LOADED;
        c.setAutoCommit(false);
        boolean usable = true;
        try {
            // The first statement opens the transaction, so appenders used by the connector join it.
            long fileId = nextFileId(c);
            if (status == FileOutcome.Status.REPLACED) {
                removeVersions(c, spec.kind(), replacedPaths, fileId);
            }
            FileLoad load;
            Map<String, Long> reasons;
            List<Rejects.Example> examples;
            long rejected;
            try (Rejects rejects = new Rejects(c, fileId)) {
                load = connector.load(new LoadContext(c, city, spec, file, format, fileId, rejects,
                        rules.getOrDefault(spec.kind(), Map.of()), visitorSecret, startOffset, startLine, size));
                rejects.flush();
                reasons = Map.copyOf(rejects.byReason());
                examples = List.copyOf(rejects.examples());
                rejected = rejects.count();
            }
            if (startOffset == 0 && load.rowsRead() > 0 && load.rowsLoaded() == 0) {
                // Every row refused is a wrong format or mapping far more often than a wrong file: loud, and nothing kept.
                c.rollback();
                return failed(spec, file, format, NothingLoaded.error(file, format, load, reasons, examples));
            }
            sha = hashOf(shaLater);
            try (PreparedStatement p = c.prepareStatement(SqlResource.load(Ingestor.class, "source_file_insert.sql"))) {
                p.setLong(1, fileId);
                p.setString(2, city.code());
                p.setString(3, spec.kind());
                p.setString(4, format);
                p.setString(5, path);
                p.setString(6, sha);
                p.setLong(7, size);
                p.setObject(8, runId);
                p.setLong(9, load.rowsRead());
                p.setLong(10, load.rowsLoaded());
                p.setLong(11, rejected);
                p.setString(12, JSON.writeValueAsString(load.details()));
                p.setLong(13, startOffset);
                p.setLong(14, startLine);
                p.setObject(15, status == FileOutcome.Status.APPENDED ? earlier.fileId : null);
                p.setString(16, settings);
                p.executeUpdate();
            }
            c.commit();
            List<String> notes = new ArrayList<>();
            if (accumulates) {
                notes.add(Messages.get("connectors.history_kept", file, load.rowsLoaded()));
            } else if (status == FileOutcome.Status.REPLACED) {
                notes.add(reason != null ? reason : Messages.get("connectors.file_changed", file));
            } else if (load.rowsRead() == 0 && startOffset == 0) {
                notes.add(Messages.get("connectors.no_data_rows", file));
            }
            notes.addAll(load.notes());
            String note = notes.isEmpty() ? null : String.join("\n  ", notes);
            return new FileOutcome(spec.kind(), file, format, status, load.rowsRead(), load.rowsLoaded(),
                    rejected, reasons, load.details(), null, note, examples);
        } catch (SourceException e) {
            usable = false;
            rollback(c, e);
            usable = true;
            return failed(spec, file, format, e);
        } catch (IOException | SQLException | RuntimeException e) {
            usable = false;
            rollback(c, e);
            usable = true;
            String os = SystemFailures.describe(e);
            return failed(spec, file, format, new SourceException(file, 0, null,
                    os != null ? os : Messages.get("connectors.load_failed", String.valueOf(e.getMessage())), e));
        } finally {
            if (usable) {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Undoes a failed file. When even that fails (a full disk: "cannot rollback"), the warehouse
     * cannot go on: thrown, saying the first cause rather than the rollback's.
     */
    private static void rollback(Connection c, Exception cause) throws SQLException {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
            String os = SystemFailures.describe(cause);
            throw new SQLException(os != null ? os : String.valueOf(cause.getMessage()), cause);
        }
    }

    /**
     * The current (not superseded) load of a path or a content, and how it was read.
     *
     * @param settings its read settings as canonical JSON; null when loaded before they were recorded
     */
    private record Earlier(long fileId, String sha256, long size, String path, String format, String settings) {

        /** What differs from reading the file now with {@code current}, in words; null when nothing. */
        String changesTo(String current, String currentFormat) {
            if (settings == null) {
                return format.equals(currentFormat) ? null : "format: " + format + " → " + currentFormat;
            }
            return ReadSettings.changes(settings, current);
        }
    }

    private Earlier earlierVersion(Connection c, String kind, String path) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT " + EARLIER_COLUMNS + " FROM source_file WHERE city = ? AND kind = ? AND path = ? "
                        + "AND superseded_by IS NULL ORDER BY file_id DESC LIMIT 1")) {
            p.setString(1, city.code());
            p.setString(2, kind);
            p.setString(3, path);
            return earlier(p);
        }
    }

    private static final String EARLIER_COLUMNS = "file_id, sha256, size_bytes, path, format, read_settings";

    private static Earlier earlier(PreparedStatement p) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            return r.next() ? new Earlier(r.getLong(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5), r.getString(6))
                    : null;
        }
    }

    /** The current load whose content is {@code sha}, the latest if several. */
    private Earlier loadedContent(Connection c, String kind, String sha) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + EARLIER_COLUMNS
                + " FROM source_file WHERE city = ? AND kind = ? AND sha256 = ? AND superseded_by IS NULL ORDER BY file_id DESC LIMIT 1")) {
            p.setString(1, city.code());
            p.setString(2, kind);
            p.setString(3, sha);
            return earlier(p);
        }
    }

    private static void recordSettings(Connection c, long fileId, String settings) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE source_file SET read_settings = ? WHERE file_id = ?")) {
            p.setString(1, settings);
            p.setLong(2, fileId);
            p.executeUpdate();
        }
    }

    /**
     * Removes the rows of every current load of the paths (the whole file and the parts appended to
     * it) from every table that carries file_id, and marks those loads superseded. Their source_file
     * records stay, for the history an assessor reads.
     */
    private void removeVersions(Connection c, String kind, List<String> paths, long newFileId) throws SQLException {
        for (String path : new LinkedHashSet<>(paths)) {
            removeVersions(c, kind, path, newFileId);
        }
    }

    private void removeVersions(Connection c, String kind, String path, long newFileId) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'file_id' "
                        + "AND table_schema = current_schema() AND table_name <> 'source_file' ORDER BY 1")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        String versions = "SELECT file_id FROM source_file WHERE city = ? AND kind = ? AND path = ? AND superseded_by IS NULL";
        for (String table : tables) {
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM \"" + table.replace("\"", "\"\"") + "\" WHERE file_id IN (" + versions + ")")) {
                p.setString(1, city.code());
                p.setString(2, kind);
                p.setString(3, path);
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE source_file SET superseded_by = ? WHERE city = ? AND kind = ? AND path = ? AND superseded_by IS NULL")) {
            p.setLong(1, newFileId);
            p.setString(2, city.code());
            p.setString(3, kind);
            p.setString(4, path);
            p.executeUpdate();
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private FileOutcome failed(SourceSpec spec, Path file, String format, SourceException e) {
        return new FileOutcome(spec.kind(), file, format, FileOutcome.Status.FAILED, 0, 0, 0, Map.of(), Map.of(), e.located(), null, null);
    }

    private static final ExecutorService HASHING = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sni37122-hash");
        t.setDaemon(true);
        return t;
    });

    private static String hashOf(Future<String> sha) throws IOException {
        try {
            return sha.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private boolean sameSizeLoaded(Connection c, String kind, long size) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT 1 FROM source_file WHERE city = ? AND kind = ? AND size_bytes = ? AND superseded_by IS NULL")) {
            p.setString(1, city.code());
            p.setString(2, kind);
            p.setLong(3, size);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    private static long nextFileId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT nextval('source_file_seq')")) {
            r.next();
            return r.getLong(1);
        }
    }
}
