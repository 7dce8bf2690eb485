package id.sni37122.connectors.portal;

import static id.sni37122.connectors.portal.LineBytes.indexOf;
import static id.sni37122.connectors.portal.LineBytes.lastIndexOf;
import static id.sni37122.connectors.portal.LineBytes.latin1;
import static id.sni37122.connectors.portal.LineBytes.lowerCase;

/**
 * The Apache {@code common}, {@code combined} and {@code vhost_combined} formats and Nginx's
 * default (which is {@code combined}); a quoted X-Forwarded-For field after the user agent is
 * read too. Hand-written rather than a regex because a year of logs is tens of millions of lines.
 * What real servers write around the usual shape is read as well: an address field holding the
 * list a proxy wrote ({@code 10.0.0.2, 85.181.35.98}), a user name with spaces, and {@code "-"} for
 * a request that never came.
 */
final class CombinedParser extends TextLogParser {

    private final boolean vhost;
    private final boolean hasAgent;

    CombinedParser(String format) {
        this.vhost = format.equals("vhost_combined");
        this.hasAgent = !format.equals("common");
    }

    @Override
    public boolean hasAgentField() {
        return hasAgent;
    }

    @Override
    public boolean parse(byte[] line, int from, int to, Hit hit) throws Malformed {
        start(line, from, to);
        hit.clear();
        if (vhost) {
            int start = token();
            int colon = lastIndexOf(b, (byte) ':', start, pos);
            hit.host = lowerCase(b, start, colon > start ? colon : pos);
        }
        hit.addressBytes = b;
        hit.addressFrom = token();
        while (b[pos - 1] == ',') {
            skipToken(); // the next address of a list
        }
        hit.addressTo = pos;
        skipToken(); // ident
        skipToken(); // user
        skipSpaces();
        if (pos < end && b[pos] != '[') {
            int bracket = indexOf(b, (byte) '[', pos, end); // a user name with spaces ("John Begood") runs to the time
            if (bracket > pos && b[bracket - 1] == ' ') {
                pos = bracket;
            }
        }
        hit.epochSecond = time();
        request(hit);
        hit.status = status();
        skipToken(); // bytes sent
        if (hasAgent) {
            skipQuoted(); // referer
            openQuote();
            int start = pos;
            int close = closingQuote();
            pos = close + 1;
            agent(hit, start, close, passedEscapedQuote);
            skipSpaces();
            if (pos < end && b[pos] == '"') {
                openQuote();
                int forwarded = pos;
                pos = closingQuote() + 1;
                hit.forwardedBytes = b;
                hit.forwardedFrom = forwarded;
                hit.forwardedTo = pos - 1;
            }
        }
        return true;
    }

    /** The request line "GET /path HTTP/1.1", read in place: the method and the path's extension. */
    private void request(Hit hit) throws Malformed {
        openQuote();
        int start = pos;
        int close = closingQuote();
        LineBytes.request(b, start, close, hit);
        pos = close + 1;
    }

    private int status() throws Malformed {
        skipSpaces();
        int start = pos;
        int v = 0;
        while (pos < end && b[pos] != ' ') {
            byte ch = b[pos++];
            if (!LineBytes.isDigit(ch)) {
                v = -1000;
            }
            v = v * 10 + ch - '0';
        }
        if (pos - start != 3 || v < 100) {
            throw new Malformed(start == pos ? "portal.truncated_line" : "portal.bad_status", latin1(b, start, pos));
        }
        return v;
    }

    /** [10/Oct/2000:13:55:36 -0700] to epoch seconds. */
    private long time() throws Malformed {
        skipSpaces();
        int close = indexOf(b, (byte) ']', pos, end);
        if (pos >= end || b[pos] != '[' || close < 0) {
            throw new Malformed("portal.malformed_line", null);
        }
        int from = pos + 1;
        pos = close + 1;
        return time.clf(b, from, close);
    }
}
