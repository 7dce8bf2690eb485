package id.sni37122.connectors.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a log as Latin-1 strings (every byte survives as one char), split on LF with an
 * optional CR removed. Faster than a BufferedReader over a decoder for the tens of millions of
 * lines of a year's logs: one array copy per line, no decoding.
 */
final class Latin1Lines {

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;

    Latin1Lines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end; a last line without LF is returned too. */
    String next() throws IOException {
        int scan = start;
        while (true) {
            for (int i = scan; i < end; i++) {
                if (buf[i] == '\n') {
                    int len = i - start;
                    if (len > 0 && buf[i - 1] == '\r') {
                        len--;
                    }
                    String line = new String(buf, start, len, StandardCharsets.ISO_8859_1);
                    start = i + 1;
                    return line;
                }
            }
            scan = end;
            if (eof) {
                if (start == end) {
                    return null;
                }
                String line = new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
                start = end;
                return line;
            }
            if (start > 0) { // keep the partial line, make room behind it
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                scan -= start;
                start = 0;
            }
            if (end == buf.length) {
                byte[] bigger = new byte[buf.length * 2]; // a very long line
                System.arraycopy(buf, 0, bigger, 0, end);
                buf = bigger;
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }
}
