package id.sni37122.connectors.table;

/**
 * One row that cannot be loaded, with where and why; the connector records it as a reject and
 * goes on with the next row.
 *
 * @see id.sni37122.connectors.Rejects#reject(long, String, String, String)
 */
public final class RowRejected extends Exception {

    private final String column;
    private final String reason;
    private final String detail;

    /**
     * @param column the source's header, or null for the whole row
     * @param reason a message key
     * @param detail the offending value (never personal data), or null
     */
    public RowRejected(String column, String reason, String detail) {
        super(reason, null, false, false);
        this.column = column;
        this.reason = reason;
        this.detail = detail;
    }

    public String column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
