package id.sni37122.connectors.portal;

import static id.sni37122.connectors.portal.LineBytes.indexOf;

/**
 * What the Apache/Nginx text parsers share: a cursor over the line's bytes and the readings of
 * space-separated tokens and quoted fields, with the escapes Apache and Nginx write.
 */
abstract class TextLogParser implements HitParser {

    /** The line: bytes {@code [lineStart, end)} of {@code b}; {@code pos} is where reading stands. */
    byte[] b;
    int lineStart;
    int pos;
    int end;
    final LogTime time = new LogTime();
    /** The user agent without its escapes, when it had some. */
    private byte[] unescaped = new byte[256];
    /** Whether the last {@link #closingQuote()} passed an escaped quote. */
    boolean passedEscapedQuote;

    final void start(byte[] line, int from, int to) {
        b = line;
        lineStart = from;
        pos = from;
        end = to;
    }

    final void skipSpaces() {
        while (pos < end && b[pos] == ' ') {
            pos++;
        }
    }

    final void skipToken() throws Malformed {
        skipSpaces();
        int start = pos;
        while (pos < end && b[pos] != ' ') {
            pos++;
        }
        if (start == pos) {
            throw new Malformed("portal.truncated_line", null);
        }
    }

    /** Skips the next space-separated token and returns where it started. */
    final int token() throws Malformed {
        skipSpaces();
        int start = pos;
        skipToken();
        return start;
    }

    final void skipQuoted() throws Malformed {
        openQuote();
        pos = closingQuote() + 1;
    }

    /** Moves past the quote that opens the next field: missing at the end of the line is a cut line. */
    final void openQuote() throws Malformed {
        skipSpaces();
        if (pos >= end) {
            throw new Malformed("portal.truncated_line", null);
        }
        if (b[pos] != '"') {
            throw new Malformed("portal.malformed_line", null);
        }
        pos++;
    }

    /**
     * The index of the quote closing the field that starts at pos (backslash escapes honoured: a
     * quote is escaped when an odd number of backslashes stands right before it).
     */
    final int closingQuote() throws Malformed {
        passedEscapedQuote = false;
        int i = indexOf(b, (byte) '"', pos, end);
        while (i >= 0) {
            int backslashes = 0;
            while (i - backslashes - 1 >= pos && b[i - backslashes - 1] == '\\') {
                backslashes++;
            }
            if ((backslashes & 1) == 0) {
                return i;
            }
            passedEscapedQuote = true;
            i = indexOf(b, (byte) '"', i + 1, end);
        }
        throw new Malformed("portal.unterminated_quote", null);
    }

    /**
     * The user agent at {@code [start, close)} into {@code hit}; escaped quotes ({@code \"}) are
     * copied out without their backslash when {@code escaped}, so that every format gives the
     * same agent, and so the same keys, for the same line.
     */
    final void agent(Hit hit, int start, int close, boolean escaped) {
        if (!escaped) {
            hit.agentBytes = b;
            hit.agentFrom = start;
            hit.agentTo = close;
            return;
        }
        if (unescaped.length < close - start) {
            unescaped = new byte[close - start];
        }
        hit.agentBytes = unescaped;
        hit.agentFrom = 0;
        hit.agentTo = LineBytes.unescapeQuotes(b, start, close, unescaped);
    }
}
