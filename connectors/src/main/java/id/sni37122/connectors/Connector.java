package id.sni37122.connectors;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;

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
     * Loads one file inside the caller's transaction. Bad rows go to {@code ctx.rejects()};
     * a problem with the whole file (wrong header, unreadable) is a {@link SourceException}.
     */
    FileLoad load(LoadContext ctx) throws IOException, SQLException, SourceException;
}
