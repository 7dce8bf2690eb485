package id.sni37122.reports;

import id.sni37122.connectors.CityContext;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.IndicatorLabels;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.Indicators;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One city's figure for one indicator and year, as a comparison pools it. A city's warehouse
 * ({@link #of}) and a city's publication (its results CSV or JSON) both give exactly this, so a
 * province comparison reads the same whichever way a city took part.
 *
 * @param unit            the value's stable English unit; numeratorUnit and denominatorUnit likewise
 * @param coverage        share of the year with data, 0..1 (10.1: days with log lines), or null where the indicator has no such measure
 * @param warnings        each warning's key (an indicator label key, e.g. {@code warning.coverage}) and its text as published
 * @param rules           the effective rules (settings key to value), as plain JSON values so two cities' can be compared
 * @param source          where it came from: the config or publication file, as the user named it
 * @param computedAt      when the city computed it
 * @param toolVersion     the sni37122 version that computed it
 */
public record CityFigure(CityContext city, int year, String indicator, Double value, double numerator, double denominator,
                         String unit, String numeratorUnit, String denominatorUnit, Double coverage, List<Warning> warnings,
                         Map<String, Object> rules, String source, Instant computedAt, String toolVersion) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public CityFigure {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        rules = rules == null ? Map.of() : rules;
    }

    /** A warning as a publication carries it: the key, and the text in the publication's language. */
    public record Warning(String key, String text) {
    }

    /** The figure of a result just computed from a city's warehouse; warning texts in the current language. */
    public static CityFigure of(CityContext city, IndicatorResult r, String source, Instant computedAt, String toolVersion) {
        Indicator indicator = Indicators.byCode(r.indicator());
        IndicatorLabels labels = indicator.labels();
        return new CityFigure(city, r.year(), r.indicator(), r.value(), r.numerator(), r.denominator(), r.unit(),
                indicator.numeratorUnit(), indicator.denominatorUnit(), coverage(r),
                r.warnings().stream().map(w -> new Warning(w, labels.get(w))).toList(), plain(r.rules()), source, computedAt,
                toolVersion);
    }

    /** The coverage an indicator reports in its details ({@code coverage_share}), or null. */
    public static Double coverage(IndicatorResult r) {
        return r.details().get("coverage_share") instanceof Number n ? n.doubleValue() : null;
    }

    /** Rules as JSON reads them back (lists, strings, numbers, booleans), so a warehouse's and a publication's compare equal. */
    static Map<String, Object> plain(Map<String, Object> rules) {
        return JSON.convertValue(rules, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
