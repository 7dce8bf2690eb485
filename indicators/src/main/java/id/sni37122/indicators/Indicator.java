package id.sni37122.indicators;

import id.sni37122.connectors.CityContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ISO 37122 indicator: one small class plus its SQL, reading only the warehouse.
 * Implementations are listed in {@code META-INF/services/id.sni37122.indicators.Indicator}
 * and keep their labels in a bundle named after the class (base file Indonesian, {@code _en} English),
 * with at least the keys {@code name} (official name) and {@code unit}.
 */
public interface Indicator {

    /** The ISO number, e.g. {@code 10.1}. */
    String code();

    /** The key of this indicator's section under {@code rules:} in the config, e.g. {@code portal}. */
    String rulesKey();

    /**
     * Every rule this indicator reads from {@code rules.<rulesKey>}, with the shape of its value.
     * The config is checked against this list before anything loads (a misspelt rule is refused
     * with the closest name), and {@link Rules} refuses to read a rule that is not on it.
     */
    List<RuleSpec> rules();

    /** Which way the indicator improves; a comparison ranks by it. */
    Direction direction();

    /** Local calendar years for which the warehouse holds this indicator's data for the city. */
    List<Integer> years(Connection warehouse, CityContext city) throws SQLException;

    /**
     * Computes the indicator for one city and local year; empty when there is no data that year.
     *
     * @param settings the config's {@code rules.<rulesKey>} section; unset rules take the defaults
     *                 of INDICATORS.md and every effective rule is echoed in the result
     */
    Optional<IndicatorResult> compute(Connection warehouse, CityContext city, int year, Map<String, Object> settings)
            throws SQLException;

    /** The source kinds (keys under {@code sources:}) this indicator reads, e.g. {@code incidents, heartbeats}. */
    List<String> sourceKinds();

    /** The stable English unit of the numerator, e.g. {@code hours}. */
    String numeratorUnit();

    /** The stable English unit of the denominator, e.g. {@code incidents}. */
    String denominatorUnit();

    /**
     * The value from a numerator and a denominator, null when the denominator is zero: the one
     * formula a city's result and a pooled (province) figure share, so pooling is exact.
     */
    Double value(double numerator, double denominator);

    /** Labels for reports, from the bundle named after the implementation class. */
    default IndicatorLabels labels() {
        return IndicatorLabels.of(getClass());
    }
}
