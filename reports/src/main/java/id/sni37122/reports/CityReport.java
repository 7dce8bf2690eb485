package id.sni37122.reports;

import id.sni37122.connectors.CityContext;
import id.sni37122.indicators.IndicatorResult;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * PLACEHOLDER contract: the workbook and charts for one city and year, in the language set with
 * {@code Messages.setLanguage}.
 */
public final class CityReport {

    private final Connection warehouse;
    private final CityContext city;
    private final Path readinessYaml;

    /**
     * @param warehouse     for data-quality tables and result history
     * @param readinessYaml the city's readiness answers, or null when the config names none
     */
    public CityReport(Connection warehouse, CityContext city, Path readinessYaml) {
        this.warehouse = warehouse;
        this.city = city;
        this.readinessYaml = readinessYaml;
    }

    /**
     * Writes {@code sni37122-<city>-<year>.xlsx} and its PNG charts into {@code outputDir}.
     *
     * @return every file written
     */
    public List<Path> write(int year, List<IndicatorResult> results, Path outputDir) throws IOException, SQLException {
        throw new UnsupportedOperationException("not built yet");
    }
}
