package id.sni37122.reports.publication;

import id.sni37122.indicators.Direction;
import id.sni37122.reports.CityFigure;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The JSON twin of the results CSV, as records: written and read with the same shape. */
final class JsonTwin {

    /** The value of {@code format}: what this file is, for a program that finds it on a portal. */
    static final String FORMAT = "sni37122-publication";
    static final int FORMAT_VERSION = 1;

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonTwin() {
    }

    record Document(String format, int formatVersion, City city, String language, String toolVersion, String computedAt,
                    List<Publication.SourceFile> sources, List<Result> results, String contentSha256) {
    }

    record City(String code, String name, String timeZone) {
    }

    /**
     * One indicator and year: {@code value} is {@code numerator} over {@code denominator} by the
     * indicator's formula, in full precision; {@code direction} says which way it improves
     * ({@code HIGHER_IS_BETTER} or {@code LOWER_IS_BETTER}), for a program that ranks cities.
     */
    record Result(int year, String indicator, String name, Direction direction, Double value, String unit, double numerator,
                  String numeratorUnit,
                  double denominator, String denominatorUnit, Double coverage, List<CityFigure.Warning> warnings,
                  Map<String, Object> rules, Map<String, Object> details, List<String> sourceKinds) {
    }
}
