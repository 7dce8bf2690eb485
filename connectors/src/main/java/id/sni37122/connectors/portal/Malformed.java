package id.sni37122.connectors.portal;

/** Why a line was not read; each reason is a message key under {@code portal.}. */
final class Malformed extends Exception {
    final String reason;
    final String detail;

    Malformed(String reason, String detail) {
        super(reason, null, false, false); // thrown per bad line: no stack trace to fill
        this.reason = reason;
        this.detail = detail;
    }
}
