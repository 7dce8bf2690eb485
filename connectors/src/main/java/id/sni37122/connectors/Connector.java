package id.sni37122.connectors;

import java.io.IOException;
import java.nio.file.Path;
import id.sni37122.connectors.table.TableOptions;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one kind of source file into the warehouse. One connector is one package.
 * The {@link Ingestor} owns hashing, transactions and the source_file record; a connector
 * only turns a file's rows into warehouse rows and rejects what it cannot read.
 */
public interface Connector {

    /** The key under {@code sources:} in the config: portal, catalog, inquiries, ... */
    String kind();

    /** Format names this connector accepts (config {@code format:}). */
    Set<String> formats();

    /** The format used when the config names none, from the file name. */
    String defaultFormat(Path file);

    /**
     * The format of a source this connector reads from a database server rather than files (a
     * {@code url:} entry, {@link SourceSpec#url()}), or null when it reads files only.
     */
    default String databaseFormat() {
        return null;
    }

    /**
     * The keys a source entry of this kind may carry besides path, format, timezone and columns
     * (connector options such as {@code pattern} or {@code sheet}); the config refuses any other.
     */
    default Set<String> options() {
        return Set.of();
    }

    /**
     * For a table format, how the header is searched (native fields with the headers accepted for
     * each, the config's {@code columns:} first); null for a format without a header row. Used to
     * show what {@code validate} will read and to refuse a {@code columns:} mapping to a header the
     * file does not have, before anything loads.
     */
    default TableOptions tableOptions(SourceSpec spec, String format) {
        return null;
    }

    /**
     * Everything besides the content that shapes how a file is read: a file whose content is loaded
     * but whose read settings changed is loaded again (the {@link Ingestor} compares them). By default
     * the format, the zone for times without an offset (the source's, else the city's), the column
     * mapping and every connector option; a connector adds what else changes its reading, or drops
     * what does not (a log whose times carry their offset does not depend on the zone).
     */
    default Map<String, Object> readSettings(SourceSpec spec, String format, ZoneId cityZone) {
        Map<String, Object> settings = new TreeMap<>();
        settings.put("format", format);
        settings.put("timezone", spec.zoneOr(cityZone).getId());
        if (!spec.columns().isEmpty()) {
            settings.put("columns", new TreeMap<>(spec.columns()));
        }
        settings.putAll(spec.options());
        return settings;
    }

    /**
     * Checks settings that do not need the data (format options, column maps), so that
     * {@code validate} can report them before any load. Throws with a message saying what to fix.
     */
    default void check(SourceSpec spec) throws SourceException {
    }

    /**
     * Whether a file of this format that grew (today's access.log) can be loaded from where the
     * last load stopped ({@link LoadContext#startOffset()}). Only plain line-oriented formats can.
     */
    default boolean appendable(String format) {
        return false;
    }

    /**
     * Whether a file of this format read again after it changed adds to what its earlier loads
     * wrote instead of replacing it: a source that prunes its own history (an Uptime Kuma
     * database), whose connector loads only the records not yet in the warehouse.
     */
    default boolean accumulates(String format) {
        return false;
    }

    /**
     * Loads one file (or, for a {@code url:} source, the database: {@link LoadContext#file()} is
     * null) inside the caller's transaction. Bad rows go to {@code ctx.rejects()};
     * a problem with the whole file (wrong header, unreadable) is a {@link SourceException}.
     */
    FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException;
}
