package id.sni37122.indicators;

import id.sni37122.connectors.CityContext;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PLACEHOLDER for indicator 10.3: to be replaced before this lands. */
public final class InquiryResponseTime implements Indicator {
    @Override
    public String code() {
        return "10.3";
    }

    @Override
    public String rulesKey() {
        return "inquiries";
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
