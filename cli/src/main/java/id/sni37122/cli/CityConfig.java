package id.sni37122.cli;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.population.PopulationEntry;
import id.sni37122.reports.publication.OpenDataPackage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One city's validated config. Every path is absolute (relative ones were resolved against the
 * config file's folder).
 *
 * @param population inline population figures (empty when they come from a file source)
 * @param sources    every source entry, population files included (kind {@code population})
 * @param rules      {@code rules:} by rules key; unset rules take the defaults of INDICATORS.md
 * @param readiness  each year's readiness answers YAML (empty when none is named)
 * @param secretFile the per-installation key for visitor hashes
 * @param logFile    where a line per run is appended, or null
 * @param license    the licence of the open-data package ({@code opendata: {license: …}}), or null
 */
public record CityConfig(Path file, CityContext city, List<PopulationEntry> population, List<SourceSpec> sources,
                         Map<String, Map<String, Object>> rules, Map<Integer, Path> readiness, Path warehouse, Path output,
                         String language, Path secretFile, Path logFile, Thresholds thresholds,
                         OpenDataPackage.License license) {

    /**
     * Data-quality limits for nightly runs; crossing one ends the run with exit code 3. Unset ones
     * take {@link #DEFAULTS}; one set to null in the config is not checked.
     *
     * @param maxRejectedShare  most rejected rows per rows read, 0..1 (null: not checked)
     * @param minCoverageShare  least share of days with portal log data in a year, 0..1
     * @param maxUnansweredShare most unanswered inquiries per inquiries, 0..1
     */
    public record Thresholds(Double maxRejectedShare, Double minCoverageShare, Double maxUnansweredShare) {
        /** Unless the config says otherwise: at most 5 % rows rejected, at least 90 % of days covered, at most 20 % unanswered. */
        static final Thresholds DEFAULTS = new Thresholds(0.05, 0.9, 0.2);
    }

    public Map<String, Object> rulesFor(String key) {
        return rules.getOrDefault(key, Map.of());
    }
}
