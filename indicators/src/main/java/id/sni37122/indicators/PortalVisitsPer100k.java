package id.sni37122.indicators;

import id.sni37122.connectors.CityContext;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PLACEHOLDER for indicator 10.1: to be replaced before this lands. */
public final class PortalVisitsPer100k implements Indicator {
    @Override
    public String code() {
        return "10.1";
    }

    @Override
    public String rulesKey() {
        return "portal";
    }

    @Override
    public List<Integer> years(Connection warehouse, CityContext city) {
        return List.of();
    }

    @Override
    public Optional<IndicatorResult> compute(Connection warehouse, CityContext city, int year, Map<String, Object> settings) {
        return Optional.empty();
    }
}
