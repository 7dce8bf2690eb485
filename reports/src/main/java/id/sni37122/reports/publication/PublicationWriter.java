package id.sni37122.reports.publication;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SqlResource;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.Indicators;
import id.sni37122.reports.CityFigure;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A city's publication: {@code sni37122-<city>-hasil.csv} for spreadsheets and its JSON twin
 * {@code sni37122-<city>-hasil.json} for programs, one row per year and indicator with value,
 * numerator, denominator, units, coverage, warnings and the effective rules, the tool version,
 * the time computed and every source file's SHA-256, each sealed with its own SHA-256
 * ({@link SelfHash}). A province pools these instead of the cities' raw data.
 *
 * <p>The CSV follows the report's language: Indonesian headers, {@code ;} and a decimal comma
 * (what LibreOffice in an Indonesian locale reads as numbers), or English headers, {@code ,} and
 * a point. Both begin with a UTF-8 BOM. Values are rounded to 6 significant digits; numerators and
 * denominators keep every digit, so pooling from the CSV is as exact as from the JSON.
 */
public final class PublicationWriter {

    private final CityContext city;
    private final String toolVersion;
    private final Instant computedAt;
    private final List<Publication.SourceFile> sources;
    private final boolean english = Messages.english();

    public PublicationWriter(CityContext city, String toolVersion, Instant computedAt, List<Publication.SourceFile> sources) {
        this.city = city;
        this.toolVersion = toolVersion;
        this.computedAt = computedAt;
        this.sources = List.copyOf(sources);
    }

    /** {@code sni37122-<city>-hasil.<extension>}. */
    public static String fileName(String cityCode, String extension) {
        return "sni37122-" + cityCode + "-hasil." + extension;
    }

    /** Writes the CSV and the JSON twin into {@code dir}; returns both. */
    public List<Path> write(List<IndicatorResult> results, Path dir) throws IOException {
        Path csv = dir.resolve(fileName(city.code(), "csv"));
        Files.write(csv, SelfHash.seal(csv(results)));
        Path json = dir.resolve(fileName(city.code(), "json"));
        Files.write(json, SelfHash.seal(JsonTwin.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document(results)) + "\n"));
        return List.of(csv, json);
    }

    private String csv(List<IndicatorResult> results) throws IOException {
        char decimal = english ? '.' : ',';
        StringWriter text = new StringWriter();
        text.write('\uFEFF');
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(english ? ',' : ';')
                .setHeader(Column.headers(english).toArray(String[]::new)).get();
        try (CSVPrinter csv = new CSVPrinter(text, format)) {
            for (IndicatorResult r : results) {
                Indicator indicator = Indicators.byCode(r.indicator());
                CityFigure f = CityFigure.of(city, r, null, computedAt, toolVersion);
                csv.printRecord(city.code(), city.name(), city.zone().getId(), r.year(), r.indicator(), indicator.labels().name(),
                        Decimals.sixDigits(r.value(), decimal), r.unit(),
                        Decimals.exact(r.numerator(), decimal), f.numeratorUnit(),
                        Decimals.exact(r.denominator(), decimal), f.denominatorUnit(),
                        Decimals.exact(f.coverage(), decimal),
                        String.join(Column.LIST_SEPARATOR, f.warnings().stream().map(CityFigure.Warning::key).toList()),
                        String.join(Column.LIST_SEPARATOR, f.warnings().stream().map(CityFigure.Warning::text).toList()),
                        JsonTwin.JSON.writeValueAsString(f.rules()),
                        JsonTwin.JSON.writeValueAsString(sourcesOf(indicator)),
                        toolVersion, computedAt.toString(), SelfHash.PLACEHOLDER);
            }
        }
        return text.toString();
    }

    private JsonTwin.Document document(List<IndicatorResult> results) {
        List<JsonTwin.Result> out = new ArrayList<>();
        for (IndicatorResult r : results) {
            Indicator indicator = Indicators.byCode(r.indicator());
            CityFigure f = CityFigure.of(city, r, null, computedAt, toolVersion);
            out.add(new JsonTwin.Result(r.year(), r.indicator(), indicator.labels().name(), indicator.direction(), r.value(), r.unit(),
                    r.numerator(), f.numeratorUnit(), r.denominator(), f.denominatorUnit(), f.coverage(), f.warnings(),
                    f.rules(), r.details(), indicator.sourceKinds()));
        }
        return new JsonTwin.Document(JsonTwin.FORMAT, JsonTwin.FORMAT_VERSION,
                new JsonTwin.City(city.code(), city.name(), city.zone().getId()), english ? "en" : "id", toolVersion,
                computedAt.toString(), sources, out, SelfHash.PLACEHOLDER);
    }

    private List<Publication.SourceFile> sourcesOf(Indicator indicator) {
        return sources.stream().filter(s -> indicator.sourceKinds().contains(s.kind())).toList();
    }

    /**
     * The source files the city's current results rest on, per kind and path the newest current
     * load, with paths relative to the config's folder (a file outside it: its name only).
     */
    public static List<Publication.SourceFile> sources(Connection warehouse, CityContext city, Path configDir) throws SQLException {
        List<Publication.SourceFile> out = new ArrayList<>();
        try (PreparedStatement p = warehouse.prepareStatement(SqlResource.load(PublicationWriter.class, "publication_sources.sql"))) {
            p.setString(1, city.code());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String path = r.getString("path");
                    // A database source is named by its url (recorded without password), not a path.
                    String shown = path.startsWith("jdbc:") ? path : relative(Path.of(path), configDir);
                    out.add(new Publication.SourceFile(r.getString("kind"), shown,
                            r.getString("sha256"), r.getLong("size_bytes")));
                }
            }
        }
        return out;
    }

    private static String relative(Path file, Path configDir) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = configDir.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs.getFileName();
        return shown.toString().replace('\\', '/');
    }
}
