package id.sni37122.connectors;

/** Numbers written in fixed-width ASCII digits, read without a regex or a parser per field: timestamps by the million. */
public final class AsciiDigits {

    private AsciiDigits() {
    }

    /** The number written by {@code count} ASCII digits at {@code from} in {@code s}, or -1 when any is not one. */
    public static int value(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
