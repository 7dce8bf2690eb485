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

    final Warehouse warehouse;
    final CityContext city;
    final Map<String, Map<String, Object>> rules;
    final byte[] visitorSecret;
    /** What every file runs (the lookups before it loads and its records after), prepared once per run. */
    final PreparedStatements statements;
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
        this.statements = new PreparedStatements(warehouse.connection());
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

    /** Whether {@code ingest --reload} names the source ({@code file} null: a database source, named by its kind or by all). */
    boolean reloadAsked(String kind, Path file) {
        return reload.test(kind, file);
    }

    public IngestReport ingest(List<SourceSpec> specs, Long runId) throws SQLException {
        try (statements; OneEngineThread oneThread = new OneEngineThread(warehouse.connection())) {
            return ingestAll(specs, runId);
        }
    }

    private IngestReport ingestAll(List<SourceSpec> specs, Long runId) throws SQLException {
        IngestReport report = new IngestReport();
        for (SourceSpec spec : specs) {
            Connector connector = Connectors.forKind(spec.kind());
            if (spec.url() != null) {
                report.add(new DatabaseIngest(this, connector, spec).load(runId));
                continue;
            }
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
        // The same in a few words, for a source that accumulates and is read again without losing its history.
        String why = reloadAsked ? "--reload" : null;
        List<String> replacedPaths = new ArrayList<>(List.of(path));
        Future<String> shaLater;
        boolean log = connector.appendable(format); // one record per line: logs grow, rotate and get compressed
        Compression compression = Compression.NONE;
        String head = null;
        // The load (and the loads it continues) that holds this file's content, known by LogContent.
        LogContent.Match continues = null;
        Long chain = null;
        long waiting = 0;
        try {
            size = Files.size(file);
            if (size > 0) {
                compression = Compression.of(file);
            }
            if (log && compression == Compression.NONE && size > 0) {
                long complete = LogTail.completeLength(file, size);
                waiting = size - complete; // a line the server is still writing: read whole by the next run
                size = complete;
            }
            if (size == 0) {
                // Not an error: a log rotated at midnight is empty until the first hit. It is not
                // recorded, so it loads once it has content.
                String note = waiting > 0 ? Messages.get("connectors.line_waits", file) : Messages.get("connectors.file_empty_skipped", file);
                return new FileOutcome(spec.kind(), file, format, FileOutcome.Status.SKIPPED, 0, 0, 0, Map.of(), Map.of(),
                        null, note, null);
            }
            // Only a file of the same size can have the same content. Otherwise the hash is computed on
            // another core while the file loads: a year of logs is gigabytes, and hashing it first
            // would double the time a nightly run takes.
            if (sameSizeLoaded(spec.kind(), size)) {
                sha = Hashes.sha256(file, size);
                Earlier same = loadedContent(spec.kind(), sha);
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
                    why = changed;
                }
                if (same != null) {
                    replacedPaths.add(same.path);
                }
                shaLater = CompletableFuture.completedFuture(sha);
            } else {
                long hashed = size;
                shaLater = HASHING.submit(() -> Hashes.sha256(file, hashed));
            }
            earlier = earlierVersion(spec.kind(), path);
            if (log) {
                head = LogContent.head(file);
                continues = head == null ? null : LogContent.match(statements, city.code(), spec.kind(), file, head);
                String earlierHead = earlier == null ? null : LogContent.headOf(statements, earlier.fileId);
                if (continues != null) {
                    earlier = loadOf(continues.fileId()); // the log this file is, whatever its name now
                    chain = continues.fileId();
                } else if (earlierHead != null && !earlierHead.equals(head)) {
                    // New content under a known name: the log was rotated, and its earlier content keeps its rows.
                    earlier = null;
                    reason = null;
                } else if (earlierHead != null) {
                    chain = earlier.fileId; // the same log, changed otherwise than by growing
                }
            }
            if (earlier != null && reason == null) {
                String changed = earlier.changesTo(settings, format);
                if (changed != null) {
                    reason = Messages.get("connectors.settings_changed", file, changed);
                    why = changed;
                }
            }
            if (continues != null && reason == null) {
                if (!(compression == Compression.NONE ? continues.bytes() < size : continues.longer())) {
                    // Its content is loaded already, under another name (access.log.1 is yesterday's access.log):
                    // recorded, so that the next run knows it by its hash alone.
                    recordSameContent(c, spec, file, format, path, hashOf(shaLater), size, runId, settings, head, continues);
                    return new FileOutcome(spec.kind(), file, format, FileOutcome.Status.SKIPPED, 0, 0, 0, Map.of(), Map.of(), null,
                            waiting > 0 ? Messages.get("connectors.line_waits", file) : null, null);
                }
                startOffset = continues.bytes();
                startLine = continues.lines();
            } else if (earlier != null && chain == null && reason == null && earlier.size < size && log
                    && compression == Compression.NONE) {
                // loaded before log_content was kept: the same path, only grown
                Hashes.Prefix prefix = Hashes.prefix(file, earlier.size);
                if (prefix.sha256().equals(earlier.sha256)) {
                    startOffset = earlier.size;
                    startLine = prefix.lines();
                }
            }
        } catch (IOException e) {
            String os = SystemFailures.describe(e);
            if (os != null) {
                return failed(spec, file, format, new SourceException(file, os)); // permission denied, in words and with the fix
            }
            String message = e instanceof Compression.Unsupported u ? Messages.get("connectors.compression_unsupported", u.compression.label, file.getFileName())
                    : compression != Compression.NONE ? Messages.get("connectors.compressed_broken", compression.label)
                    : Messages.get("connectors.file_unreadable");
            return failed(spec, file, format, new SourceException(file, message + " (" + e.getMessage() + ")"));
        }
        // A source that prunes its own history adds its new records to the earlier loads' rows.
        boolean accumulates = earlier != null && reason == null && startOffset == 0 && connector.accumulates(format);
        FileOutcome.Status status = startOffset > 0 || accumulates ? FileOutcome.Status.APPENDED
                : earlier != null || reason != null ? FileOutcome.Status.REPLACED : FileOutcome.Status.LOADED;
        c.setAutoCommit(false);
        boolean usable = true;
        try {
            // The first statement opens the transaction, so appenders used by the connector join it.
            long fileId = nextFileId(statements);
            // Read again whole, a source that prunes its own history keeps what it no longer holds: the connector
            // replaces the earlier loads' rows only where the source still has them.
            List<Long> rereading = status == FileOutcome.Status.REPLACED && chain == null && connector.accumulates(format)
                    ? currentLoads(c, spec.kind(), replacedPaths) : List.of();
            if (status == FileOutcome.Status.REPLACED && chain != null) {
                removeChain(c, chain, fileId); // other days under the same name keep their rows
            } else if (status == FileOutcome.Status.REPLACED && rereading.isEmpty()) {
                removeVersions(c, spec.kind(), replacedPaths, fileId);
            }
            FileLoad load;
            Map<String, Long> reasons;
            List<Rejects.Example> examples;
            long rejected;
            try (Rejects rejects = new Rejects(c, fileId)) {
                load = connector.load(new LoadContext(c, city, spec, file, format, fileId, rejects,
                        rules.getOrDefault(spec.kind(), Map.of()), visitorSecret, startOffset, startLine, size, rereading));
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
            supersede(c, rereading, fileId);
            insertSourceFile(new SourceFileRow(fileId, spec.kind(), format, path, sha, size, runId, load.rowsRead(), load.rowsLoaded(),
                    rejected, JSON.writeValueAsString(load.details()), startOffset, startLine,
                    status == FileOutcome.Status.APPENDED ? earlier.fileId : null, settings));
            if (log && head != null) {
                // A compressed log's content hash is the connector's, which read it decompressed.
                Object contentSha = compression == Compression.NONE ? sha : load.details().get("content_hash");
                Object contentBytes = compression == Compression.NONE ? (Object) size : load.details().get("content_bytes");
                if (contentSha != null && contentBytes instanceof Number n) {
                    LogContent.record(statements, fileId, head, contentSha.toString(), n.longValue());
                }
            }
            c.commit();
            List<String> notes = new ArrayList<>();
            if (accumulates) {
                notes.add(Messages.get("connectors.history_kept", file, load.rowsLoaded()));
            } else if (!rereading.isEmpty()) {
                notes.add(Messages.get("connectors.reread_history_kept", file, why, keptRows(load)));
            } else if (status == FileOutcome.Status.REPLACED) {
                notes.add(reason != null ? reason : Messages.get("connectors.file_changed", file));
            } else if (load.rowsRead() == 0 && startOffset == 0) {
                notes.add(Messages.get("connectors.no_data_rows", file));
            }
            if (waiting > 0) {
                notes.add(Messages.get("connectors.line_waits", file));
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
    static void rollback(Connection c, Exception cause) throws SQLException {
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
    record Earlier(long fileId, String sha256, long size, String path, String format, String settings) {

        /** What differs from reading the file now with {@code current}, in words; null when nothing. */
        String changesTo(String current, String currentFormat) {
            if (settings == null) {
                return format.equals(currentFormat) ? null : "format: " + format + " → " + currentFormat;
            }
            return ReadSettings.changes(settings, current);
        }
    }

    Earlier earlierVersion(String kind, String path) throws SQLException {
        PreparedStatement p = statements.of("SELECT " + EARLIER_COLUMNS + " FROM source_file WHERE city = ? AND kind = ? AND path = ? "
                + "AND superseded_by IS NULL ORDER BY file_id DESC LIMIT 1");
        p.setString(1, city.code());
        p.setString(2, kind);
        p.setString(3, path);
        return earlier(p);
    }

    private static final String EARLIER_COLUMNS = "file_id, sha256, size_bytes, path, format, read_settings";

    private static Earlier earlier(PreparedStatement p) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            return r.next() ? new Earlier(r.getLong(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5), r.getString(6))
                    : null;
        }
    }

    /** The load {@code fileId}. */
    private Earlier loadOf(long fileId) throws SQLException {
        PreparedStatement p = statements.of("SELECT " + EARLIER_COLUMNS + " FROM source_file WHERE file_id = ?");
        p.setLong(1, fileId);
        return earlier(p);
    }

    /** The current load whose content is {@code sha}, the latest if several. */
    private Earlier loadedContent(String kind, String sha) throws SQLException {
        PreparedStatement p = statements.of("SELECT " + EARLIER_COLUMNS
                + " FROM source_file WHERE city = ? AND kind = ? AND sha256 = ? AND superseded_by IS NULL ORDER BY file_id DESC LIMIT 1");
        p.setString(1, city.code());
        p.setString(2, kind);
        p.setString(3, sha);
        return earlier(p);
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
    void removeVersions(Connection c, String kind, List<String> paths, long newFileId) throws SQLException {
        for (String path : new LinkedHashSet<>(paths)) {
            removeVersions(c, kind, path, newFileId);
        }
    }

    private void removeVersions(Connection c, String kind, String path, long newFileId) throws SQLException {
        List<String> tables = fileTables(c);
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

    /** The current loads (not superseded) of the paths. */
    List<Long> currentLoads(Connection c, String kind, List<String> paths) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT file_id FROM source_file WHERE city = ? AND kind = ? AND path = ? AND superseded_by IS NULL ORDER BY file_id")) {
            for (String path : new LinkedHashSet<>(paths)) {
                p.setString(1, city.code());
                p.setString(2, kind);
                p.setString(3, path);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    /** Marks loads superseded by a new one, keeping their rows (what a source read again whole no longer holds). */
    static void supersede(Connection c, List<Long> loads, long newFileId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE source_file SET superseded_by = ? WHERE file_id = ?")) {
            for (long id : loads) {
                p.setLong(1, newFileId);
                p.setLong(2, id);
                p.executeUpdate();
            }
        }
    }

    /** How many rows of the earlier loads a source read again whole kept because it no longer holds them (its connector counts them). */
    static long keptRows(FileLoad load) {
        return load.details().get(FileLoad.KEPT_FROM_EARLIER) instanceof Number n ? n.longValue() : 0;
    }

    /** A source_file row, in source_file_insert.sql's order. */
    record SourceFileRow(long fileId, String kind, String format, String path, String sha256, long size, Long runId, long rowsRead,
                                 long rowsLoaded, long rowsRejected, String details, long startOffset, long startLine, Long resumedFrom,
                                 String settings) {
    }

    void insertSourceFile(SourceFileRow row) throws SQLException {
        PreparedStatement p = statements.of(SqlResource.load(Ingestor.class, "source_file_insert.sql"));
        p.setLong(1, row.fileId());
        p.setString(2, city.code());
        p.setString(3, row.kind());
        p.setString(4, row.format());
        p.setString(5, row.path());
        p.setString(6, row.sha256());
        p.setLong(7, row.size());
        p.setObject(8, row.runId());
        p.setLong(9, row.rowsRead());
        p.setLong(10, row.rowsLoaded());
        p.setLong(11, row.rowsRejected());
        p.setString(12, row.details());
        p.setLong(13, row.startOffset());
        p.setLong(14, row.startLine());
        p.setObject(15, row.resumedFrom());
        p.setString(16, row.settings());
        p.executeUpdate();
    }

    /** Every table but source_file whose rows carry the file_id of their load. */
    private static List<String> fileTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'file_id' "
                        + "AND table_schema = current_schema() AND table_name <> 'source_file' ORDER BY 1")) {
            while (r.next()) {
                tables.add(r.getString(1));
            }
        }
        return tables;
    }

    /**
     * Removes the rows of a load and of the loads it continues (resumed_from), whatever their paths,
     * and marks them superseded: the content they hold changed, or is read otherwise now. Other loads
     * at the same path (earlier days of a rotated log) keep theirs.
     */
    private void removeChain(Connection c, long last, long newFileId) throws SQLException {
        List<Long> chain = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT resumed_from FROM source_file WHERE file_id = ?")) {
            for (Long id = last; id != null; ) {
                chain.add(id);
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    id = r.next() ? (Long) r.getObject(1) : null;
                }
            }
        }
        for (String table : fileTables(c)) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM \"" + table.replace("\"", "\"\"") + "\" WHERE file_id = ?")) {
                for (long id : chain) {
                    p.setLong(1, id);
                    p.executeUpdate();
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE source_file SET superseded_by = ? WHERE file_id = ?")) {
            for (long id : chain) {
                p.setLong(1, newFileId);
                p.setLong(2, id);
                p.executeUpdate();
            }
        }
    }

    /** A file whose content is that of a load already made: recorded with no rows of its own, so the next run skips it by its hash. */
    private void recordSameContent(Connection c, SourceSpec spec, Path file, String format, String path, String sha, long size, Long runId,
                                   String settings, String head, LogContent.Match same) throws SQLException {
        c.setAutoCommit(false);
        try {
            long fileId = nextFileId(statements);
            insertSourceFile(new SourceFileRow(fileId, spec.kind(), format, path, sha, size, runId, 0, 0, 0,
                    JSON.writeValueAsString(Map.of("same_content_as", same.path())), 0, 0, null, settings));
            try (PreparedStatement p = c.prepareStatement("SELECT content_hash FROM log_content WHERE file_id = ?")) {
                p.setLong(1, same.fileId());
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    LogContent.record(statements, fileId, head, r.getString(1), same.bytes());
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
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

    private boolean sameSizeLoaded(String kind, long size) throws SQLException {
        PreparedStatement p = statements.of("SELECT 1 FROM source_file WHERE city = ? AND kind = ? AND size_bytes = ? AND superseded_by IS NULL");
        p.setString(1, city.code());
        p.setString(2, kind);
        p.setLong(3, size);
        try (ResultSet r = p.executeQuery()) {
            return r.next();
        }
    }

    static long nextFileId(PreparedStatements statements) throws SQLException {
        try (ResultSet r = statements.of("SELECT nextval('source_file_seq')").executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
