package id.sni37122.connectors.portal;

/**
 * The fields 10.1 needs of one log line, as a {@link HitParser} read them. One instance per file,
 * reused for every line: the address, X-Forwarded-For and user agent stay byte ranges of the line
 * (or of a parser's buffer), so that a line costs no String.
 */
final class Hit {
    /** The host the line names, lower-case, without a port; else null. */
    String host;
    long epochSecond;
    /** The request method, or "-" when the line has no request (a connection that timed out: {@code "-" 408}). */
    String method;
    /** Lower-case extension of the path without its query, "robots.txt", or null. */
    String extension;
    int status;
    /** The client address field (one address, or a list a proxy wrote): bytes {@code [addressFrom, addressTo)} of {@code addressBytes}. */
    byte[] addressBytes;
    int addressFrom;
    int addressTo;
    /** The X-Forwarded-For field, or null. */
    byte[] forwardedBytes;
    int forwardedFrom;
    int forwardedTo;
    /** The user agent as logged but unescaped: bytes {@code [agentFrom, agentTo)} of {@code agentBytes}; null when the line has none. */
    byte[] agentBytes;
    int agentFrom;
    int agentTo;

    void clear() {
        host = null;
        forwardedBytes = null;
        agentBytes = null;
        addressBytes = null;
    }
}
