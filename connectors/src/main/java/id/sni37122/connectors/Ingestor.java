package id.sni37122.connectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
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

    /** Loads one file unless its content is already in the warehouse. */
    public FileOutcome loadFile(Connector connector, SourceSpec spec, Path file, Long runId) throws SQLException {
        String format = spec.format() != null ? spec.format() : connector.defaultFormat(file);
        String sha;
        long size;
        try {
            sha = Hashes.sha256(file);
            size = Files.size(file);
        } catch (IOException e) {
            return failed(spec, file, format, new SourceException(file, Messages.get("connectors.file_unreadable") + " (" + e.getMessage() + ")"));
        }
        Connection c = warehouse.connection();
        if (alreadyLoaded(c, spec.kind(), sha)) {
            return new FileOutcome(spec.kind(), file, format, FileOutcome.Status.SKIPPED, 0, 0, 0, Map.of(), Map.of(), null);
        }
        c.setAutoCommit(false);
        try {
            // The first statement opens the transaction, so appenders used by the connector join it.
            long fileId = nextFileId(c);
            FileLoad load;
            Map<String, Long> reasons;
            long rejected;
            try (Rejects rejects = new Rejects(c, fileId)) {
                load = connector.load(new LoadContext(c, city, spec, file, format, fileId, rejects,
                        rules.getOrDefault(spec.kind(), Map.of()), visitorSecret));
                rejects.flush();
                reasons = Map.copyOf(rejects.byReason());
                rejected = rejects.count();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO source_file VALUES (?, ?, ?, ?, ?, ?, ?, current_timestamp, ?, ?, ?, ?, ?)")) {
                p.setLong(1, fileId);
                p.setString(2, city.code());
                p.setString(3, spec.kind());
                p.setString(4, format);
                p.setString(5, file.toAbsolutePath().normalize().toString());
                p.setString(6, sha);
                p.setLong(7, size);
                p.setObject(8, runId);
                p.setLong(9, load.rowsRead());
                p.setLong(10, load.rowsLoaded());
                p.setLong(11, rejected);
                p.setString(12, JSON.writeValueAsString(load.details()));
                p.executeUpdate();
            }
            c.commit();
            return new FileOutcome(spec.kind(), file, format, FileOutcome.Status.LOADED, load.rowsRead(), load.rowsLoaded(),
                    rejected, reasons, load.details(), null);
        } catch (SourceException e) {
            c.rollback();
            return failed(spec, file, format, e);
        } catch (IOException | SQLException | RuntimeException e) {
            c.rollback();
            return failed(spec, file, format, new SourceException(file, 0, null,
                    Messages.get("connectors.load_failed", String.valueOf(e.getMessage())), e));
        } finally {
            c.setAutoCommit(true);
        }
    }

    private FileOutcome failed(SourceSpec spec, Path file, String format, SourceException e) {
        return new FileOutcome(spec.kind(), file, format, FileOutcome.Status.FAILED, 0, 0, 0, Map.of(), Map.of(), e.located());
    }

    private boolean alreadyLoaded(Connection c, String kind, String sha) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT 1 FROM source_file WHERE city = ? AND kind = ? AND sha256 = ?")) {
            p.setString(1, city.code());
            p.setString(2, kind);
            p.setString(3, sha);
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
