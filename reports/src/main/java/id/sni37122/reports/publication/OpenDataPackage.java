package id.sni37122.reports.publication;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.Messages;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.IndicatorLabels;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.Indicators;
import id.sni37122.reports.CityFigure;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A city's results as a Frictionless Data Package (Data Package 2.0, datapackage.org), the
 * form CKAN portals, the software behind Satu Data portals, import: {@code datapackage.json}
 * and one plain CSV per indicator (comma, point, UTF-8 without BOM, one row per year), so each
 * number column has one unit, declared in the table schema beside its type.
 */
public final class OpenDataPackage {

    /** The descriptor's profile: the Data Package 2.0 JSON Schema. */
    static final String PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";

    /**
     * The data's licence, from the config's {@code opendata:}.
     *
     * @param name an Open Definition / SPDX licence id, e.g. {@code CC-BY-4.0}
     * @param path the licence text's address (known ids get theirs), or null
     */
    public record License(String name, String title, String path) {

        private static final Map<String, List<String>> KNOWN = Map.of(
                "CC-BY-4.0", List.of("Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
                "CC-BY-SA-4.0", List.of("Creative Commons Attribution Share-Alike 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
                "CC0-1.0", List.of("Creative Commons CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
                "ODbL-1.0", List.of("Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
                "ODC-By-1.0", List.of("Open Data Commons Attribution License 1.0", "https://opendatacommons.org/licenses/by/1-0/"),
                "PDDL-1.0", List.of("Open Data Commons Public Domain Dedication and License 1.0",
                        "https://opendatacommons.org/licenses/pddl/1-0/"));

        /** The licence, with the title and address of a well-known id filled in where the config leaves them out. */
        public static License of(String name, String title, String path) {
            List<String> known = KNOWN.get(name);
            return new License(name, title != null ? title : known == null ? null : known.get(0),
                    path != null ? path : known == null ? null : known.get(1));
        }
    }

    private OpenDataPackage() {
    }

    /**
     * Writes {@code datapackage.json} and {@code sni37122-<city>-<indicator>.csv} per indicator into {@code dir}.
     *
     * @return every file written, the descriptor first
     */
    public static List<Path> write(CityContext city, List<IndicatorResult> results, License license, String toolVersion,
                                   Instant computedAt, List<Publication.SourceFile> sources, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Indicator indicator : Indicators.all()) {
            List<IndicatorResult> rows = results.stream().filter(r -> r.indicator().equals(indicator.code())).toList();
            if (rows.isEmpty()) {
                continue;
            }
            String fileName = "sni37122-" + city.code() + "-" + indicator.code() + ".csv";
            byte[] csv = csv(city, rows, computedAt);
            Path file = dir.resolve(fileName);
            Files.write(file, csv);
            written.add(file);
            resources.add(resource(city, indicator, rows.get(0).unit(), fileName, csv));
        }
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("$schema", PROFILE);
        descriptor.put("name", "sni37122-" + city.code());
        descriptor.put("title", Messages.get("reports.opendata_title", city.name()));
        descriptor.put("description", Messages.get("reports.opendata_description", city.name(), toolVersion));
        descriptor.put("created", computedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        descriptor.put("keywords", List.of("SNI ISO 37122:2019", "smart city", "kota cerdas", city.name()));
        descriptor.put("contributors", List.of(ordered("title", city.name(), "roles", List.of("publisher"))));
        Map<String, Object> licence = new LinkedHashMap<>();
        licence.put("name", license.name());
        if (license.path() != null) {
            licence.put("path", license.path());
        }
        if (license.title() != null) {
            licence.put("title", license.title());
        }
        descriptor.put("licenses", List.of(licence));
        List<Map<String, Object>> sourceList = new ArrayList<>();
        for (Publication.SourceFile s : sources) {
            // title is the spec's one required property; the hash lets a reader trace a figure to the file.
            sourceList.add(ordered("title", s.kind() + ": " + s.path(), "sha256", s.sha256()));
        }
        if (!sourceList.isEmpty()) {
            descriptor.put("sources", sourceList);
        }
        descriptor.put("resources", resources);
        Path json = dir.resolve("datapackage.json");
        Files.writeString(json, JsonTwin.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(descriptor) + "\n",
                StandardCharsets.UTF_8);
        written.add(0, json);
        return written;
    }

    private static byte[] csv(CityContext city, List<IndicatorResult> rows, Instant computedAt) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(
                "city", "year", "value", "numerator", "denominator", "coverage", "warnings", "computed_at").get())) {
            for (IndicatorResult r : rows) {
                csv.printRecord(city.name(), r.year(), Decimals.exact(r.value(), '.'), Decimals.exact(r.numerator(), '.'),
                        Decimals.exact(r.denominator(), '.'), Decimals.exact(CityFigure.coverage(r), '.'),
                        String.join(Column.LIST_SEPARATOR, r.warnings()), computedAt.truncatedTo(ChronoUnit.SECONDS).toString());
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> resource(CityContext city, Indicator indicator, String unit, String fileName, byte[] csv) {
        IndicatorLabels labels = indicator.labels();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", "sni37122-" + city.code() + "-" + indicator.code());
        r.put("path", fileName);
        r.put("type", "table");
        r.put("title", indicator.code() + " " + labels.name());
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        r.put("encoding", "utf-8");
        r.put("bytes", csv.length);
        r.put("hash", "sha256:" + SelfHash.sha256(csv));
        List<Map<String, Object>> fields = List.of(
                field("city", "string", Messages.get("reports.city"), null, true),
                field("year", "year", Messages.get("reports.year"), null, true),
                field("value", "number", Messages.get("reports.value") + " (" + labels.unit() + ")", unit, false),
                field("numerator", "number", labels.get("numerator"), indicator.numeratorUnit(), true),
                field("denominator", "number", labels.get("denominator"), indicator.denominatorUnit(), true),
                share(field("coverage", "number", Messages.get("reports.opendata_coverage"), "share of the year, 0..1", false)),
                field("warnings", "string", Messages.get("reports.warnings"), null, false),
                field("computed_at", "datetime", Messages.get("reports.computed_at"), null, true));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", fields);
        schema.put("primaryKey", List.of("year"));
        schema.put("missingValues", List.of(""));
        r.put("schema", schema);
        return r;
    }

    /** Two properties in this order: the descriptor reads the same every time it is written. */
    private static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key1, value1);
        m.put(key2, value2);
        return m;
    }

    private static Map<String, Object> share(Map<String, Object> field) {
        field.put("constraints", ordered("minimum", 0, "maximum", 1));
        return field;
    }

    /**
     * One Table Schema field. {@code unit} is not a Table Schema keyword; descriptors may carry
     * more properties, and the unit also stands in the description, for readers that drop them.
     */
    private static Map<String, Object> field(String name, String type, String title, String unit, boolean required) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("type", type);
        f.put("title", title);
        if (unit != null) {
            f.put("description", title + " [" + unit + "]");
            f.put("unit", unit);
        }
        if (required) {
            f.put("constraints", Map.of("required", true));
        }
        return f;
    }
}
