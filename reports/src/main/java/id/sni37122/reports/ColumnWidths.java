package id.sni37122.reports;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A sheet's column widths, in digits, from every table stacked in it: each column as wide as its
 * content (long text wraps at {@link SheetWriter#MAX_TEXT}), headers over numbers wrapping rather
 * than widening them, and the widest wrappable columns narrowed until the sheet fits a page.
 */
final class ColumnWidths {

    /** Per column, its width. */
    final int[] widthChars;
    /** Per column, the widest thing that cannot wrap: a number, a date, a word. */
    private final int[] minChars;

    ColumnWidths(int columns) {
        widthChars = new int[columns];
        minChars = new int[columns];
    }

    /** Columns with at least one value; the first is always kept. A table without rows keeps all. */
    static int[] keptColumns(SheetWriter.Table t) {
        int n = t.headers != null ? t.headers.size() : 2;
        if (t.rows.isEmpty() || t.headers == null) {
            return IntStream.range(0, n).toArray();
        }
        return IntStream.range(0, n)
                .filter(c -> c == 0 || t.rows.stream().anyMatch(r -> c < r.size() && !blank(r.get(c)))).toArray();
    }

    /** True for a column of numbers, which stand right-aligned. */
    static boolean rightAligned(SheetWriter.Table t, int k) {
        int c = t.kept[k];
        return t.rows.stream().anyMatch(r -> c < r.size() && CellValues.isNumber(r.get(c)));
    }

    /**
     * Text columns right of a number column start one step in, so a right-aligned number never
     * runs into the words beside it ("65 insiden Ada jam…", "1 Kota Pontianak").
     */
    static boolean[] indented(SheetWriter.Table t) {
        boolean[] indent = new boolean[t.width()];
        for (int k = 1; k < t.width() && t.headers != null; k++) {
            indent[k] = rightAligned(t, k - 1) && !rightAligned(t, k);
        }
        return indent;
    }

    private static boolean blank(Object v) {
        return v == null || v instanceof String s && s.isBlank();
    }

    /** Widens the columns to what the table holds. */
    void measure(SheetWriter.Table t) {
        for (int k = 0; k < t.width(); k++) {
            int c = t.kept[k];
            int values = 0;
            int unbreakable = 0;
            boolean numeric = false;
            for (List<Object> r : t.rows) {
                Object v = c < r.size() ? r.get(c) : null;
                values = Math.max(values, Math.min(SheetWriter.MAX_TEXT, CellValues.displayLength(v)));
                unbreakable = Math.max(unbreakable, Math.min(SheetWriter.MAX_TEXT, v instanceof String text ? longestWord(text) : CellValues.displayLength(v)));
                numeric |= CellValues.isNumber(v);
            }
            int header = 0;
            if (t.headers != null) {
                String h = t.headers.get(c);
                int word = longestWord(h);
                // A header wraps over its values instead of widening a column of short numbers.
                header = numeric ? Math.max(word, Math.min(h.length(), Math.max(values, 18))) : Math.max(word, Math.min(h.length(), 30));
                header = (int) Math.ceil(header * 1.1); // bold
            } else if (k == 0) {
                values = (int) Math.ceil(values * 1.1);
            }
            int indent = indented(t)[k] ? SheetWriter.INDENT_CHARS : 0;
            widthChars[k] = Math.max(widthChars[k], Math.max(6, Math.max(values, header)) + indent);
            int headerWord = t.headers == null ? 0 : (int) Math.ceil(longestWord(t.headers.get(c)) * 1.1);
            minChars[k] = Math.max(minChars[k], Math.max(6, Math.max(unbreakable, headerWord)));
        }
        if (t.rows.isEmpty()) {
            widthChars[0] = Math.max(widthChars[0], Labels.text("reports.no_data").length());
        }
    }

    /**
     * Narrows the widest wrappable columns until the sheet fits a page's width at the smallest
     * print scale: text wraps onto more lines rather than the page running onto a second sheet.
     */
    void fitWidth(int maxChars) {
        int max = maxChars - 2 * widthChars.length;
        int total = Arrays.stream(widthChars).sum();
        while (total > max) {
            int widest = -1;
            for (int c = 0; c < widthChars.length; c++) {
                if (widthChars[c] > Math.max(minChars[c], 12) && (widest < 0 || widthChars[c] > widthChars[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                return; // nothing left to wrap: the page scale gives way (never below MIN_SCALE)
            }
            widthChars[widest]--;
            total--;
        }
    }


    static int longestWord(String s) {
        int longest = 0;
        for (String w : s.split("\\s+")) {
            longest = Math.max(longest, w.length());
        }
        return longest;
    }
}
