package id.sni37122.reports;

import id.sni37122.connectors.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A rule (settings key) that two or more cities computed one indicator under with different
 * values, with each city's value. Such cities' pooled figure mixes unlike counts: it is flagged.
 *
 * @param values each city's name to its value (null: the city's rules do not have the key), by name
 */
public record RuleDifference(String key, Map<String, Object> values) {

    /**
     * Keys that describe the city rather than the rule: each city's year is its own local year,
     * so a different zone is the same rule.
     */
    private static final List<String> CITY_FACTS = List.of("time_zone");

    /** Every key whose value is not the same for all the figures (one indicator and year), in key order. */
    public static List<RuleDifference> among(List<CityFigure> figures) {
        TreeSet<String> keys = new TreeSet<>();
        figures.forEach(f -> keys.addAll(f.rules().keySet()));
        keys.removeAll(CITY_FACTS);
        List<RuleDifference> out = new ArrayList<>();
        for (String key : keys) {
            Map<String, Object> values = new TreeMap<>();
            figures.forEach(f -> values.put(f.city().name(), f.rules().get(key)));
            if (values.values().stream().distinct().count() > 1) {
                out.add(new RuleDifference(key, values));
            }
        }
        return out;
    }

    /** {@code count_kinds: Kota Samarinda inquiry+complaint; Kota Pontianak inquiry}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        values.forEach((city, value) -> parts.add(city + " " + shown(value)));
        return key + ": " + String.join("; ", parts);
    }

    private static String shown(Object value) {
        if (value == null) {
            return "(" + Messages.get("reports.rule_absent") + ")";
        }
        if (value instanceof List<?> list) {
            return String.join("+", list.stream().map(Objects::toString).toList());
        }
        return value.toString();
    }
}
