package id.sni37122.connectors;

import java.util.List;
import java.util.Map;

/**
 * What a connector did with one file.
 *
 * @param rowsRead   data rows (or log lines) read
 * @param rowsLoaded rows written to the warehouse
 * @param details    connector-specific counts, e.g. filtered hits by reason; stored as JSON
 * @param notes      user-language remarks about the whole file an operator should read (e.g. it
 *                   holds no response time, hidden sheets were not read)
 */
public record FileLoad(long rowsRead, long rowsLoaded, Map<String, Object> details, List<String> notes) {

    /**
     * The detail in which a connector reading a source again whole ({@link LoadContext#rereading()})
     * counts the earlier loads' rows it kept because the source no longer holds them.
     */
    public static final String KEPT_FROM_EARLIER = "kept_from_earlier_loads";

    public FileLoad {
        details = details == null ? Map.of() : details;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public FileLoad(long rowsRead, long rowsLoaded, Map<String, Object> details) {
        this(rowsRead, rowsLoaded, details, List.of());
    }

    /** With one remark, or none when {@code note} is null. */
    public FileLoad(long rowsRead, long rowsLoaded, Map<String, Object> details, String note) {
        this(rowsRead, rowsLoaded, details, note == null ? List.of() : List.of(note));
    }
}
