package id.sni37122.indicators;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import id.sni37122.connectors.population.PopulationConnector;
import id.sni37122.connectors.population.PopulationEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A warehouse for one test city, loaded through the real connectors from files the test writes. */
final class TestCity implements AutoCloseable {

    static final CityContext CITY = new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Makassar"));
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    final Path dir;
    final Warehouse warehouse;
    final CityContext city;

    TestCity(Path dir) throws Exception {
        this(dir, CITY);
    }

    /** A city of another zone (a 311 city's year is its own local year). */
    TestCity(Path dir, CityContext city) throws Exception {
        this.dir = dir;
        this.city = city;
        this.warehouse = Warehouse.open(dir.resolve("uji.duckdb"));
    }

    /** Writes {@code content} to {@code name} and loads it as a source of {@code kind}; returns the outcome. */
    FileOutcome load(String kind, String name, String format, String content) throws Exception {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        return load(new SourceSpec(kind, name, dir, format, null, Map.of(), Map.of()));
    }

    FileOutcome load(SourceSpec spec) throws Exception {
        var report = new Ingestor(warehouse, city, Map.of(), SECRET).ingest(List.of(spec), null);
        return report.files().get(0);
    }

    /** The source loaded again although the warehouse holds it ({@code ingest --reload}). */
    FileOutcome reload(SourceSpec spec) throws Exception {
        var report = new Ingestor(warehouse, city, Map.of(), SECRET).reload((kind, file) -> true).ingest(List.of(spec), null);
        return report.files().get(0);
    }

    /** The same population for each year given (inline figures replace each other, as in a config). */
    void population(long people, int... years) throws Exception {
        List<PopulationEntry> entries = java.util.Arrays.stream(years).mapToObj(y -> new PopulationEntry("uji", y, people, "uji")).toList();
        PopulationConnector.loadInline(warehouse.connection(), CITY, entries);
    }

    IndicatorResult compute(Indicator indicator, int year, Map<String, Object> rules) throws Exception {
        return indicator.compute(warehouse.connection(), city, year, rules).orElseThrow();
    }

    IndicatorResult compute(Indicator indicator, int year) throws Exception {
        return compute(indicator, year, Map.of());
    }

    @Override
    public void close() throws Exception {
        warehouse.close();
    }
}
