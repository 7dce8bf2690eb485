package id.sni37122.connectors.portal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The visitor's address of a hit (INDICATORS.md: every client address is a visitor). Behind
 * proxies it is the first public address of X-Forwarded-For, else of the address field (which a
 * proxy may have written as a list); ports are stripped and {@code unknown} entries skipped; when
 * no entry is public, the client address itself. IPv4 keeps its text as logged, so its keys are
 * those of every earlier load; IPv6 is written in its RFC 5952 form without a zone id (an
 * IPv4-mapped address is its IPv4 address), host names in lower case. One instance per file.
 */
final class VisitorAddress {

    /** The chosen address: bytes {@code [from, to)} of {@code bytes}, the text the visitor key is made of. */
    byte[] bytes;
    int from;
    int to;
    /** The address as a number that tells visitors apart in the caches: an IPv4 address itself, else a hash of the text with bit 62 set. */
    long id;

    /** Chooses the visitor of {@code hit}; false when its client address is none of the address forms. */
    boolean choose(Hit hit) {
        if (hit.forwardedBytes == null) {
            long v = AddressForms.ipv4(hit.addressBytes, hit.addressFrom, hit.addressTo);
            if (v >= 0) { // the usual line: one IPv4 address
                bytes = hit.addressBytes;
                from = hit.addressFrom;
                to = hit.addressTo;
                id = v;
                return true;
            }
        }
        if (hit.forwardedBytes != null && firstPublic(hit.forwardedBytes, hit.forwardedFrom, hit.forwardedTo, true)) {
            return true;
        }
        return firstPublic(hit.addressBytes, hit.addressFrom, hit.addressTo, true)
                || firstPublic(hit.addressBytes, hit.addressFrom, hit.addressTo, false);
    }

    /** The first entry of the comma-separated list at {@code [from, to)} that is an address (and public, when asked). */
    private boolean firstPublic(byte[] b, int listFrom, int listTo, boolean publicOnly) {
        int at = listFrom;
        while (at <= listTo) {
            int comma = LineBytes.indexOf(b, (byte) ',', at, listTo);
            int stop = comma < 0 ? listTo : comma;
            if (read(b, at, stop) && (!publicOnly || AddressForms.isPublic(bytes, from, to, id))) {
                return true;
            }
            at = stop + 1;
        }
        return false;
    }

    /** Reads one entry of a list: an address with or without a port, in brackets or not. */
    private boolean read(byte[] b, int entryFrom, int entryTo) {
        int f = entryFrom;
        int t = entryTo;
        while (f < t && (b[f] == ' ' || b[f] == '"')) {
            f++;
        }
        while (t > f && (b[t - 1] == ' ' || b[t - 1] == '"')) {
            t--;
        }
        if (f == t || LineBytes.isDash(b, f, t)) {
            return false;
        }
        if (b[f] == '[') { // [2001:db8::1]:443
            int close = LineBytes.indexOf(b, (byte) ']', f, t);
            if (close < 0) {
                return false;
            }
            f++;
            t = close;
        } else {
            int colon = LineBytes.indexOf(b, (byte) ':', f, t);
            if (colon > f && LineBytes.lastIndexOf(b, (byte) ':', f, t) == colon && LineBytes.digits(b, colon + 1, t - colon - 1) >= 0) {
                t = colon; // 36.72.1.21:51234, host:port
            }
        }
        long v = AddressForms.ipv4(b, f, t);
        if (v >= 0) {
            bytes = b;
            from = f;
            to = t;
            id = v;
            return true;
        }
        String text = new String(b, f, t - f, StandardCharsets.ISO_8859_1);
        String canonical = LineBytes.indexOf(b, (byte) ':', f, t) >= 0 ? AddressForms.ipv6(text) : AddressForms.hostName(text);
        if (canonical == null) {
            return false;
        }
        byte[] c = canonical.getBytes(StandardCharsets.ISO_8859_1);
        v = AddressForms.ipv4(c, 0, c.length);
        bytes = c;
        from = 0;
        to = c.length;
        id = v >= 0 ? v : AddressForms.textId(c);
        return true;
    }

    /** The address forms and their tests; no lookup ever leaves the machine. */
    static final class AddressForms {
        private AddressForms() {
        }

        /** The dotted-quad IPv4 address at {@code [from, to)} as an unsigned number, or -1 when it is not one. */
        static long ipv4(byte[] s, int from, int to) {
            int parts = 0;
            int value = -1;
            long out = 0;
            for (int i = from; i <= to; i++) {
                int ch = i < to ? s[i] : '.';
                if (ch == '.') {
                    if (value < 0) {
                        return -1;
                    }
                    out = out << 8 | value;
                    parts++;
                    value = -1;
                } else if (ch >= '0' && ch <= '9') {
                    value = value < 0 ? ch - '0' : value * 10 + ch - '0';
                    if (value > 255) {
                        return -1;
                    }
                } else {
                    return -1;
                }
            }
            return parts == 4 ? out : -1;
        }

        /**
         * An IPv6 address in any form (compressed, with an embedded IPv4 part, with a zone id) in its
         * RFC 5952 text; an IPv4-mapped one as its dotted IPv4 address; null when it is none.
         */
        static String ipv6(String text) {
            int zone = text.indexOf('%');
            String bare = zone < 0 ? text : text.substring(0, zone); // the zone names an interface of the server, not the visitor
            for (int i = 0; i < bare.length(); i++) {
                char c = bare.charAt(i);
                if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                    return null;
                }
            }
            InetAddress a;
            try {
                // In brackets, InetAddress takes only an IPv6 literal: it never asks DNS.
                a = InetAddress.getByName("[" + bare + "]");
            } catch (UnknownHostException e) {
                return null;
            }
            if (a instanceof Inet4Address) {
                return a.getHostAddress(); // ::ffff:36.72.1.2 is 36.72.1.2
            }
            return a instanceof Inet6Address ? rfc5952(a.getAddress()) : null;
        }

        /** RFC 5952: lower-case hex, no leading zeros, the longest run of two or more zero groups as "::". */
        static String rfc5952(byte[] a) {
            int[] groups = new int[8];
            for (int i = 0; i < 8; i++) {
                groups[i] = (a[2 * i] & 0xff) << 8 | a[2 * i + 1] & 0xff;
            }
            int bestStart = -1;
            int bestLength = 1;
            for (int i = 0; i < 8; ) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j == i ? i + 1 : j;
            }
            StringBuilder out = new StringBuilder(39);
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    out.append("::");
                    i += bestLength - 1;
                    continue;
                }
                if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                    out.append(':');
                }
                out.append(Integer.toHexString(groups[i]));
            }
            return out.toString();
        }

        /** A host name (Apache {@code HostnameLookups On}) in lower case without a final dot; null when the text is none. */
        static String hostName(String text) {
            String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
            if (t.isEmpty() || t.length() > 253 || t.equalsIgnoreCase("unknown")) {
                return null;
            }
            boolean letter = false;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                    letter = true;
                } else if (!(c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) {
                    return null;
                }
            }
            return letter && t.charAt(0) != '.' && t.charAt(0) != '-' ? t.toLowerCase(Locale.ROOT) : null;
        }

        /** FNV-1a of an address's text, kept apart from every IPv4 number by bit 62. */
        static long textId(byte[] c) {
            long fnv = 0xcbf29ce484222325L;
            for (byte x : c) {
                fnv = (fnv ^ (x & 0xff)) * 0x100000001b3L;
            }
            return fnv | 1L << 62;
        }

        /** Whether an address is one a visitor could come from over the internet (for IPv4 a number, else its canonical text). */
        static boolean isPublic(byte[] text, int from, int to, long id) {
            if (id >= 0 && id < 1L << 32) {
                return isPublic((int) id);
            }
            String t = new String(text, from, to - from, StandardCharsets.ISO_8859_1);
            if (t.indexOf(':') < 0) {
                return !t.equals("localhost"); // a host name
            }
            if (t.equals("::1") || t.equals("::")) {
                return false;
            }
            int first = t.indexOf(':') == 4 ? Integer.parseInt(t.substring(0, 4), 16) : 0;
            return (first & 0xffc0) != 0xfe80 && (first & 0xfe00) != 0xfc00; // link-local fe80::/10, unique local fc00::/7
        }

        /** Not private (RFC 1918), loopback, link-local or carrier-grade NAT. */
        static boolean isPublic(int ipv4) {
            int a = ipv4 >>> 24;
            int b = ipv4 >>> 16 & 0xff;
            return !(a == 10 || a == 127 || a == 0 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168
                    || a == 169 && b == 254 || a == 100 && b >= 64 && b <= 127);
        }
    }
}
