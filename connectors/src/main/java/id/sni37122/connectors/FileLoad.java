package id.sni37122.connectors;

import java.util.Map;

/**
 * What a connector did with one file.
 *
 * @param rowsRead   data rows (or log lines) read
 * @param rowsLoaded rows written to the warehouse
 * @param details    connector-specific counts, e.g. filtered hits by reason; stored as JSON
 * @param note       a user-language remark about the whole file an operator should read
 *                   (e.g. it holds no response time), or null
 */
public record FileLoad(long rowsRead, long rowsLoaded, Map<String, Object> details, String note) {

    public FileLoad {
        details = details == null ? Map.of() : details;
    }

    public FileLoad(long rowsRead, long rowsLoaded, Map<String, Object> details) {
        this(rowsRead, rowsLoaded, details, null);
    }
}
