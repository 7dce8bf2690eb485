package id.sni37122.reports;

/**
 * How wide a text is in Arial (and Liberation Sans, its metric twin in LibreOffice), measured in
 * digits, the unit of a column's width: "iii" is narrow, "MMM" wide. Widths are Arial's advance
 * widths in thousandths of an em (a digit is 556); letters not listed count as a capital.
 */
final class TextWidth {

    private static final int DIGIT = 556;
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final int[] LOWER_REGULAR = {556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333,
        500, 278, 556, 500, 722, 500, 500, 500};
    private static final int[] LOWER_BOLD = {556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389,
        556, 333, 611, 556, 778, 556, 556, 500};
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int[] UPPER_REGULAR = {667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722,
        667, 611, 722, 667, 944, 667, 667, 611};
    private static final int[] UPPER_BOLD = {722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722,
        667, 611, 722, 667, 944, 667, 667, 611};

    private TextWidth() {
    }

    /** The width of {@code text} in digits. */
    static double digits(String text, boolean bold) {
        double units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += width(text.charAt(i), bold);
        }
        return units / DIGIT;
    }

    /** Lines a plain text takes when wrapped at word boundaries in a column {@code columnChars} digits wide. */
    static int lines(String text, int columnChars) {
        return lines(text, columnChars, false);
    }

    /**
     * Lines a text takes when wrapped at word boundaries in a column {@code columnChars} digits
     * wide, each word measured in Arial's widths ({@link TextWidth}); half a digit goes to the
     * cell's own margins.
     */
    static int lines(String text, int columnChars, boolean bold) {
        double width = Math.max(1, columnChars - 0.5);
        double space = digits(" ", bold);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            double used = 0;
            for (String word : paragraph.split(" ")) {
                double len = digits(word, bold);
                if (used > 0 && used + space + len > width) {
                    lines++;
                    used = 0;
                }
                used += (used > 0 ? space : 0) + len;
                while (used > width) { // a word longer than the column breaks inside it
                    lines++;
                    used -= width;
                }
            }
        }
        return Math.max(1, lines);
    }

    private static int width(char c, boolean bold) {
        int lower = LOWER.indexOf(c);
        if (lower >= 0) {
            return (bold ? LOWER_BOLD : LOWER_REGULAR)[lower];
        }
        int upper = UPPER.indexOf(c);
        if (upper >= 0) {
            return (bold ? UPPER_BOLD : UPPER_REGULAR)[upper];
        }
        if (c >= '0' && c <= '9' || c == '_' || c == '#' || c == '$') {
            return DIGIT;
        }
        return switch (c) {
            case ' ', ',', '.', ':', ';', '/', '\\', '!', '[', ']' -> 278;
            case '(', ')', '-', '\'', '|' -> 333;
            case '"' -> bold ? 474 : 355;
            case '%' -> 889;
            case '&' -> 722;
            case '=', '+', '<', '>', '×', '~' -> 584;
            case '@' -> 1015;
            case '…', '—' -> 1000;
            default -> 722;
        };
    }
}
