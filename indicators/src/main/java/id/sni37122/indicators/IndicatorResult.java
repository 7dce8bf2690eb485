package id.sni37122.indicators;

import java.util.List;
import java.util.Map;

/**
 * One indicator for one city and year. Never a value alone: numerator, denominator, unit and
 * the rules used travel with it.
 *
 * @param indicator   ISO number, e.g. {@code 10.1}
 * @param value       the figure, or null when the denominator is zero
 * @param unit        a stable English unit, e.g. {@code visits per 100 000 population}; reports
 *                    show the indicator's localized {@code unit} label
 * @param rules       every effective rule and setting (JSON-friendly values)
 * @param breakdowns  monthly series and breakdowns for the report (not kept in history)
 * @param details     extra figures an assessor needs beside the value, keyed by label key
 *                    (e.g. {@code coverage_days}); shown in the indicator's sheet
 * @param warnings    label keys of warnings (e.g. {@code warning.population_fallback}); their
 *                    arguments come from {@code details}
 */
public record IndicatorResult(String indicator, String city, int year, Double value, double numerator,
                              double denominator, String unit, Map<String, Object> rules,
                              List<Breakdown> breakdowns, Map<String, Object> details, List<String> warnings) {

    public IndicatorResult {
        rules = rules == null ? Map.of() : rules;
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
        details = details == null ? Map.of() : details;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The first breakdown with {@code key}, or null. */
    public Breakdown breakdown(String key) {
        return breakdowns.stream().filter(b -> b.key().equals(key)).findFirst().orElse(null);
    }
}
