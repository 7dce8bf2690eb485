package id.sni37122.connectors;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/**
 * What a connector gets for loading one file.
 *
 * @param connection    the warehouse, inside an open transaction
 * @param city          the city being loaded
 * @param spec          the config entry that named the file
 * @param file          the file to read
 * @param format        the resolved format name
 * @param fileId        the id every row of this file carries
 * @param rejects       where unreadable rows go
 * @param rules         the config's {@code rules.<kind>} section (may be empty)
 * @param visitorSecret per-installation key for hashing visitor identities
 * @param startOffset   bytes to skip: the part of a grown file that is already loaded (0: read it all);
 *                      only given to connectors whose {@link Connector#appendable(String)} says yes
 * @param startLine     lines in the skipped part, so that line numbers stay those of the whole file
 * @param endOffset     the file's size when the load began: a log still being written is read up to
 *                      here (what was hashed and recorded), the rest by the next run
 * @param rereading     for a source that accumulates ({@link Connector#accumulates(String)}) read again
 *                      whole ({@code --reload}, changed read settings): its earlier current loads, whose
 *                      rows the connector replaces where the source still holds them and keeps where
 *                      the source has pruned them; empty otherwise
 */
public record LoadContext(Connection connection, CityContext city, SourceSpec spec, Path file, String format,
                          long fileId, Rejects rejects, Map<String, Object> rules, byte[] visitorSecret,
                          long startOffset, long startLine, long endOffset, List<Long> rereading) {

    public LoadContext {
        rereading = rereading == null ? List.of() : List.copyOf(rereading);
    }

    public LoadContext(Connection connection, CityContext city, SourceSpec spec, Path file, String format,
                       long fileId, Rejects rejects, Map<String, Object> rules, byte[] visitorSecret,
                       long startOffset, long startLine, long endOffset) {
        this(connection, city, spec, file, format, fileId, rejects, rules, visitorSecret, startOffset, startLine, endOffset, List.of());
    }

    /** A whole-file load. */
    public LoadContext(Connection connection, CityContext city, SourceSpec spec, Path file, String format,
                       long fileId, Rejects rejects, Map<String, Object> rules, byte[] visitorSecret) {
        this(connection, city, spec, file, format, fileId, rejects, rules, visitorSecret, 0, 0, Long.MAX_VALUE);
    }
}
