package id.sni37122.connectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a source that is a database server, not a file ({@code url:}, {@link SourceSpec#url()}):
 * an Uptime Kuma 2.x on MariaDB. It has no content to hash, so its identity is its url without the
 * password ({@code source_file.path}) and its read settings; {@code sha256} is the hash of those two
 * and {@code size_bytes} 0. Its connector accumulates: each read after the first adds what the
 * database holds that the warehouse does not (APPENDED, continuing the earlier load), and a read that
 * finds nothing new is SKIPPED with nothing written, so a nightly run stays quiet. Named by
 * {@code ingest --reload} (all, or its kind) or read otherwise now, it is read again whole, and what it
 * no longer holds stays ({@link LoadContext#rereading()}).
 */
final class DatabaseIngest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Ingestor ingestor;
    private final Connector connector;
    private final SourceSpec spec;
    private final String format;
    private final String shown;

    DatabaseIngest(Ingestor ingestor, Connector connector, SourceSpec spec) {
        this.ingestor = ingestor;
        this.connector = connector;
        this.spec = spec;
        this.format = spec.format() != null ? spec.format() : connector.databaseFormat();
        this.shown = DatabaseUrl.shown(spec.url());
    }

    FileOutcome load(Long runId) throws SQLException {
        if (format == null) {
            return failed(new SourceException(null, Messages.get("connectors.url_unsupported", spec.kind())));
        }
        String settings = ReadSettings.json(connector.readSettings(spec, format, ingestor.city.zone()));
        Connection c = ingestor.warehouse.connection();
        Ingestor.Earlier earlier = ingestor.earlierVersion(spec.kind(), shown);
        String changed = earlier == null ? null : earlier.changesTo(settings, format);
        if (earlier != null && changed == null && ingestor.reloadAsked(spec.kind(), null)) {
            changed = "--reload";
        }
        boolean accumulates = earlier != null && changed == null && connector.accumulates(format);
        FileOutcome.Status status = accumulates ? FileOutcome.Status.APPENDED
                : earlier != null ? FileOutcome.Status.REPLACED : FileOutcome.Status.LOADED;
        c.setAutoCommit(false);
        boolean usable = true;
        try {
            long fileId = Ingestor.nextFileId(ingestor.statements);
            // Read otherwise now, the database is read again whole; what it no longer holds stays.
            List<Long> rereading = status == FileOutcome.Status.REPLACED && connector.accumulates(format)
                    ? ingestor.currentLoads(c, spec.kind(), List.of(shown)) : List.of();
            if (status == FileOutcome.Status.REPLACED && rereading.isEmpty()) {
                ingestor.removeVersions(c, spec.kind(), List.of(shown), fileId);
            }
            FileLoad load;
            Map<String, Long> reasons;
            List<Rejects.Example> examples;
            long rejected;
            try (Rejects rejects = new Rejects(c, fileId)) {
                load = connector.load(new LoadContext(c, ingestor.city, spec, null, format, fileId, rejects,
                        ingestor.rules.getOrDefault(spec.kind(), Map.of()), ingestor.visitorSecret, 0, 0, 0, rereading));
                rejects.flush();
                reasons = Map.copyOf(rejects.byReason());
                examples = List.copyOf(rejects.examples());
                rejected = rejects.count();
            }
            if (load.rowsRead() > 0 && load.rowsLoaded() == 0) {
                c.rollback();
                return failed(NothingLoaded.error(null, format, load, reasons, examples));
            }
            if (accumulates && load.rowsRead() == 0) {
                // Nothing the warehouse does not hold already: no record, as for a file whose hash is known.
                c.rollback();
                return outcome(FileOutcome.Status.SKIPPED, load, 0, Map.of(), List.of(), null, null);
            }
            Ingestor.supersede(c, rereading, fileId);
            ingestor.insertSourceFile(new Ingestor.SourceFileRow(fileId, spec.kind(), format, shown, identity(settings), 0, runId,
                    load.rowsRead(), load.rowsLoaded(), rejected, JSON.writeValueAsString(load.details()), 0, 0,
                    accumulates ? earlier.fileId() : null, settings));
            c.commit();
            List<String> notes = new ArrayList<>();
            if (accumulates) {
                notes.add(Messages.get("connectors.history_kept", shown, load.rowsLoaded()));
            } else if (!rereading.isEmpty()) {
                notes.add(Messages.get("connectors.reread_history_kept", shown, changed, Ingestor.keptRows(load)));
            } else if (status == FileOutcome.Status.REPLACED) {
                notes.add(Messages.get("connectors.database_settings_changed", shown, changed));
            } else if (load.rowsRead() == 0) {
                notes.add(Messages.get("connectors.database_empty", shown));
            }
            notes.addAll(load.notes());
            return outcome(status, load, rejected, reasons, examples, null, notes.isEmpty() ? null : String.join("\n  ", notes));
        } catch (SourceException e) {
            usable = false;
            Ingestor.rollback(c, e);
            usable = true;
            return failed(e);
        } catch (IOException | SQLException | RuntimeException e) {
            usable = false;
            Ingestor.rollback(c, e);
            usable = true;
            String os = SystemFailures.describe(e);
            return failed(new SourceException(null, 0, null,
                    os != null ? os : Messages.get("connectors.load_failed", String.valueOf(e.getMessage())), e));
        } finally {
            if (usable) {
                c.setAutoCommit(true);
            }
        }
    }

    /** The source's url (without password) and read settings, hashed: what stands for a file's content hash. */
    private String identity(String settings) {
        MessageDigest digest = Hashes.sha256();
        digest.update((shown + "\n" + settings).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private FileOutcome outcome(FileOutcome.Status status, FileLoad load, long rejected, Map<String, Long> reasons,
                                List<Rejects.Example> examples, String error, String note) {
        return new FileOutcome(spec.kind(), null, format, status, status == FileOutcome.Status.SKIPPED ? 0 : load.rowsRead(),
                status == FileOutcome.Status.SKIPPED ? 0 : load.rowsLoaded(), rejected, reasons,
                status == FileOutcome.Status.SKIPPED ? Map.of() : load.details(), error, note, examples, shown);
    }

    /** A failure named by the url (without password), as a file's is by its path. */
    private FileOutcome failed(SourceException e) {
        return new FileOutcome(spec.kind(), null, format, FileOutcome.Status.FAILED, 0, 0, 0, Map.of(), Map.of(),
                shown + ": " + e.located(), null, null, shown);
    }
}
