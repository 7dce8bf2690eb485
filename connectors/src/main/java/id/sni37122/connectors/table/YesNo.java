package id.sni37122.connectors.table;

import java.util.Locale;
import java.util.Set;

/** Yes/no cells as Indonesian spreadsheets write them: "Ya", "Y", "✓", "1", "Tidak", "-", ... */
public final class YesNo {

    private static final Set<String> YES = Set.of("ya", "y", "yes", "true", "1", "✓", "✔", "v", "x", "benar", "ada", "sudah", "online", "daring");
    private static final Set<String> NO = Set.of("tidak", "tdk", "t", "n", "no", "false", "0", "-", "✗", "✘", "belum", "salah", "offline", "luring");

    private YesNo() {
    }

    /** TRUE or FALSE, null for a blank cell; throws IllegalArgumentException for anything else. */
    public static Boolean parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (YES.contains(t)) {
            return Boolean.TRUE;
        }
        if (NO.contains(t)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(text);
    }
}
