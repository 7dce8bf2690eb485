package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.indicators.IndicatorResult;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal table of results: a value is never shown without its numerator and denominator. */
final class ResultTable {

    private ResultTable() {
    }

    static String render(String cityName, List<IndicatorResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {Messages.get("cli.col_year"), Messages.get("cli.col_indicator"), Messages.get("cli.col_value"),
                Messages.get("cli.col_numerator"), Messages.get("cli.col_denominator"), Messages.get("cli.col_unit")});
        for (IndicatorResult r : results) {
            rows.add(new String[] {String.valueOf(r.year()), r.indicator(), number(r.value(), 2), number(r.numerator(), 2),
                    number(r.denominator(), 2), unitLabel(r)});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder(cityName).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 2 && i <= 4;
                String cell = numeric ? " ".repeat(width[i] - row[i].length()) + row[i] : row[i] + " ".repeat(width[i] - row[i].length());
                sb.append(i == 0 ? "  " : "  ").append(i == row.length - 1 ? row[i] : cell);
            }
            sb.append('\n');
            if (r == 0) {
                sb.append("  ").append("-".repeat(java.util.Arrays.stream(width).sum() + 2 * (width.length - 1))).append('\n');
            }
        }
        if (results.isEmpty()) {
            sb.append("  ").append(Messages.get("cli.no_results")).append('\n');
        }
        return sb.toString();
    }

    private static String unitLabel(IndicatorResult r) {
        try {
            String label = id.sni37122.indicators.Indicators.byCode(r.indicator()).labels().unit();
            return "unit".equals(label) ? r.unit() : label;
        } catch (IllegalArgumentException e) {
            return r.unit();
        }
    }

    /**
     * Indonesian style (1.234,56) by default, English style with language: en. A whole number (a
     * count) has no decimals; any other has all {@code decimals}, so a column of them lines up
     * (6,80 beside 8,43, not 6,8).
     */
    static String number(Double value, int decimals) {
        if (value == null) {
            return "-";
        }
        NumberFormat f = NumberFormat.getNumberInstance(Messages.english() ? Locale.ENGLISH : Locale.forLanguageTag("id-ID"));
        f.setMaximumFractionDigits(decimals);
        f.setMinimumFractionDigits(value == Math.rint(value) ? 0 : decimals);
        return f.format(value);
    }
}
