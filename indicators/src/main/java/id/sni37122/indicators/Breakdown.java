package id.sni37122.indicators;

import java.util.List;

/**
 * A table that explains an indicator: a monthly series, or the figure by area, agency, channel,
 * asset or cause. Keys are looked up in the indicator's label bundle as {@code breakdown.<key>}
 * and {@code column.<column>}.
 *
 * @param key     e.g. {@code monthly}, {@code by_area}
 * @param columns column keys; the first is the category (month, area, ...)
 * @param rows    values: String, Number or LocalDate cells
 * @param chart   how to draw it, or null for a table only
 */
public record Breakdown(String key, List<String> columns, List<List<Object>> rows, Chart chart) {

    public Breakdown {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    /** A chart of one value column against the first (category) column. */
    public record Chart(Type type, String valueColumn) {
        public enum Type { BAR, LINE }
    }
}
