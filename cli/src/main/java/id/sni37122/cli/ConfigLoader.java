package id.sni37122.cli;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.Connector;
import id.sni37122.connectors.Connectors;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.SystemFailures;
import id.sni37122.connectors.population.PopulationEntry;
import id.sni37122.connectors.table.TableOptions;
import id.sni37122.reports.publication.OpenDataPackage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and checks a city's YAML config. Every problem names the file, line and column and
 * says what to fix; nothing is loaded from a config that does not pass.
 */
public final class ConfigLoader {

    static final Set<String> TOP_KEYS = Set.of("city", "population", "sources", "rules", "readiness", "warehouse",
            "output", "language", "secret_file", "log_file", "thresholds", "opendata");
    static final Set<String> OPENDATA_KEYS = Set.of("license", "license_title", "license_path");
    /** Keys every source entry may have; a connector adds its own options ({@link Connector#options()}). */
    static final Set<String> SOURCE_KEYS = Set.of("path", "format", "timezone", "columns");
    static final Set<String> THRESHOLD_KEYS = Set.of("max_rejected_share", "min_coverage_share", "max_unanswered_share");

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Path file;
    private final Path baseDir;
    private ConfigLocations locations;

    private ConfigLoader(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.baseDir = this.file.getParent();
    }

    public static CityConfig load(Path file) throws ConfigException {
        return load(file, null);
    }

    /** @param language {@code --lang}: used instead of the config's {@code language:} (which is still checked); null for the config's */
    public static CityConfig load(Path file, String language) throws ConfigException {
        ConfigLoader loader = new ConfigLoader(file);
        loader.languageOverride = language;
        return loader.read();
    }

    private String languageOverride;

    private CityConfig read() throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file, 0, 0, Messages.get("cli.config_missing"));
        }
        checkText();
        JsonNode root;
        try {
            locations = ConfigLocations.scan(YAML, file);
            root = YAML.readTree(file);
        } catch (JacksonException e) {
            // The YAML scanner knows where the problem is; Jackson only where the token began.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof MarkedYamlEngineException m && m.getProblemMark().isPresent()) {
                    throw new ConfigException(file, m.getProblemMark().get().getLine() + 1, m.getProblemMark().get().getColumn() + 1,
                            Messages.get("cli.config_yaml", m.getProblem()));
                }
            }
            TokenStreamLocation l = e.getLocation();
            throw new ConfigException(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    Messages.get("cli.config_yaml", e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw error("", Messages.get("cli.config_not_map"));
        }
        requireObject(root, "", TOP_KEYS);
        // The language goes first: every later message is in it.
        String language = optionalString(root, "language", "id");
        if (!language.equals("id") && !language.equals("en")) {
            throw error("/language", Messages.get("cli.config_language", language));
        }
        if (languageOverride != null) {
            language = languageOverride;
        }
        Messages.setLanguage(language);

        CityContext city = city(required(root, "city", "/city"));
        List<PopulationEntry> population = new ArrayList<>();
        List<SourceSpec> sources = new ArrayList<>();
        population(root.get("population"), city, population, sources);
        sources(root.get("sources"), city, sources);
        Map<String, Map<String, Object>> rules = ConfigRules.read(root.get("rules"), locations, YAML);
        Path output = path(root, "output", "out");
        Path warehouse = root.has("warehouse") ? path(root, "warehouse", null) : output.resolve(city.code() + ".duckdb");
        Map<Integer, Path> readiness = readiness(root.get("readiness"));
        Path secret = root.has("secret_file") ? path(root, "secret_file", null) : VisitorSecret.defaultLocation();
        String where = root.has("warehouse") ? "/warehouse" : "/output";
        if (Files.isDirectory(warehouse)) {
            throw error(where, Messages.get("cli.config_warehouse_folder", warehouse));
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw error("/output", Messages.get("cli.config_output_file", output));
        }
        if (Files.isDirectory(secret)) {
            throw error(root.has("secret_file") ? "/secret_file" : "", Messages.get("cli.config_secret_folder", secret));
        }
        String notAKey = VisitorSecret.check(secret);
        if (notAKey != null) {
            throw error(root.has("secret_file") ? "/secret_file" : "", notAKey);
        }
        // The run lock and DuckDB's own lock must agree on which file this is, whatever symlink names it.
        warehouse = realPath(warehouse);
        Path logFile = root.has("log_file") ? path(root, "log_file", null) : null;
        return new CityConfig(file, city, population, sources, rules, readiness, warehouse, output, language, secret, logFile,
                thresholds(root.get("thresholds")), openData(root.get("opendata")));
    }

    /** A config is a few kilobytes of text: a larger or binary file is another file named by mistake. */
    static final long MAX_BYTES = 1024 * 1024;

    private void checkText() throws ConfigException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw ConfigException.unreadable(file, 0, Messages.get("cli.config_too_large", size, MAX_BYTES));
            }
            byte[] bytes = Files.readAllBytes(file);
            int bad = firstNonText(bytes);
            if (bad >= 0) {
                int line = 1;
                for (int i = 0; i < bad; i++) {
                    line += bytes[i] == '\n' ? 1 : 0;
                }
                throw ConfigException.unreadable(file, line, Messages.get("cli.config_binary", line));
            }
        } catch (IOException e) {
            // A missing file is a wrong -c (exit 2); a file the system refuses to read is a failure (exit 1).
            String os = SystemFailures.describe(e);
            throw os != null ? ConfigException.unreadable(file, 0, os) : new ConfigException(file, 0, 0, Messages.get("cli.config_missing"));
        }
    }

    /** The offset of the first NUL byte or byte that is not UTF-8, or -1 for text. */
    private static int firstNonText(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, CharBuffer.allocate(bytes.length), true);
        return result.isError() ? in.position() : -1;
    }

    /** The path with every symlink in its existing part resolved; the part not yet created kept as written. */
    static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /**
     * {@code readiness:} a file (its year from its {@code year:} key, else from its name), a
     * folder of {@code kesiapan-YYYY.yaml}, or a map of year to file. A year without answers gets
     * the checklist unfilled, never another year's answers.
     */
    private Map<Integer, Path> readiness(JsonNode node) throws ConfigException {
        Map<Integer, Path> byYear = new java.util.TreeMap<>();
        if (node == null || node.isNull()) {
            return byYear;
        }
        if (node.isObject()) {
            for (String key : node.propertyNames()) {
                String at = "/readiness/" + key;
                if (!key.matches("\\d{4}")) {
                    throw error(at, Messages.get("cli.config_readiness_year_key", key));
                }
                byYear.put(Integer.parseInt(key), readinessFile(node.get(key), at));
            }
            return byYear;
        }
        Path p = pathAt(node, "/readiness");
        if (Files.isDirectory(p)) {
            try (var files = Files.list(p)) {
                for (Path f : files.sorted().toList()) {
                    java.util.regex.Matcher m = READINESS_FILE.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        byYear.put(Integer.parseInt(m.group(1)), f);
                    }
                }
            } catch (java.io.IOException e) {
                throw error("/readiness", Messages.get("cli.config_readiness_missing", p));
            }
            if (byYear.isEmpty()) {
                throw error("/readiness", Messages.get("cli.config_readiness_empty", p));
            }
            return byYear;
        }
        Path file = readinessFile(node, "/readiness");
        Integer year = null;
        try {
            JsonNode y = YAML.readTree(file.toFile()).path("year");
            year = y.isInt() ? Integer.valueOf(y.intValue()) : null;
        } catch (RuntimeException e) {
            // the report says the file cannot be read; the year may still be in its name
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})").matcher(file.getFileName().toString());
        if (year == null && m.find()) {
            year = Integer.parseInt(m.group(1));
        }
        if (year == null) {
            throw error("/readiness", Messages.get("cli.config_readiness_no_year", file));
        }
        byYear.put(year, file);
        return byYear;
    }

    private static final java.util.regex.Pattern READINESS_FILE = java.util.regex.Pattern.compile("kesiapan-(\\d{4})\\.ya?ml");

    private Path readinessFile(JsonNode node, String at) throws ConfigException {
        Path file = pathAt(node, at);
        if (!Files.isRegularFile(file)) {
            throw error(at, Messages.get("cli.config_readiness_missing", file));
        }
        return file;
    }

    private Path pathAt(JsonNode node, String at) throws ConfigException {
        String raw = string(node, at);
        try {
            String expanded = raw.startsWith("~/") ? System.getProperty("user.home") + raw.substring(1) : raw;
            return baseDir.resolve(expanded).normalize();
        } catch (InvalidPathException e) {
            throw error(at, Messages.get("cli.config_path", raw));
        }
    }

    private CityContext city(JsonNode node) throws ConfigException {
        requireObject(node, "/city", Set.of("code", "name", "timezone"));
        String code = string(required(node, "code", "/city/code"), "/city/code");
        if (!code.matches("[a-z0-9][a-z0-9_-]*")) {
            throw error("/city/code", Messages.get("cli.config_city_code", code));
        }
        String name = string(required(node, "name", "/city/name"), "/city/name");
        ZoneId zone = zone(string(required(node, "timezone", "/city/timezone"), "/city/timezone"), "/city/timezone");
        return new CityContext(code, name, zone);
    }

    private void population(JsonNode node, CityContext city, List<PopulationEntry> inline, List<SourceSpec> sources)
            throws ConfigException {
        if (node == null || node.isNull()) {
            return; // 10.1 will say which year is missing
        }
        if (node.isObject()) {
            requireObject(node, "/population", Set.of("file"));
            String p = string(required(node, "file", "/population/file"), "/population/file");
            sources.add(checkedSource(new SourceSpec("population", p, baseDir, null, null, Map.of(), Map.of()), "/population/file"));
            return;
        }
        if (!node.isArray()) {
            throw error("/population", Messages.get("cli.config_population_shape"));
        }
        for (int i = 0; i < node.size(); i++) {
            String at = "/population/" + i;
            JsonNode e = node.get(i);
            requireObject(e, at, Set.of("year", "population", "source", "city"));
            int year = (int) integer(required(e, "year", at + "/year"), at + "/year", 1900, 2200);
            long people = integer(required(e, "population", at + "/population"), at + "/population", 1, 2_000_000_000L);
            String source = e.has("source") ? string(e.get("source"), at + "/source") : null;
            if (source == null || source.isBlank()) {
                throw error(at, Messages.get("cli.config_population_source"));
            }
            String cityCode = e.has("city") ? string(e.get("city"), at + "/city") : city.code();
            inline.add(new PopulationEntry(cityCode, year, people, source));
        }
    }

    private void sources(JsonNode node, CityContext city, List<SourceSpec> out) throws ConfigException {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw error("/sources", Messages.get("cli.config_sources_shape"));
        }
        for (Map.Entry<String, JsonNode> kind : node.properties()) {
            String at = "/sources/" + kind.getKey();
            if (!Connectors.KINDS.contains(kind.getKey())) {
                throw unknown(at, kind.getKey(), Connectors.KINDS);
            }
            JsonNode list = kind.getValue();
            if (list.isObject()) {
                list = YAML.createArrayNode().add(list); // a single entry written without the list dash
            }
            if (!list.isArray()) {
                throw error(at, Messages.get("cli.config_source_list", kind.getKey()));
            }
            for (int i = 0; i < list.size(); i++) {
                out.add(source(kind.getKey(), list.get(i), at + "/" + i));
            }
        }
    }

    private SourceSpec source(String kind, JsonNode e, String at) throws ConfigException {
        if (e.isString()) {
            return checkedSource(new SourceSpec(kind, e.stringValue(), baseDir, null, null, Map.of(), Map.of()), at);
        }
        if (!e.isObject()) {
            throw error(at, Messages.get("cli.config_source_entry"));
        }
        Set<String> keys = new TreeSet<>(SOURCE_KEYS);
        keys.addAll(Connectors.forKind(kind).options());
        requireObject(e, at, keys);
        // A database (Uptime Kuma 2.x on MariaDB) is named by url: instead of path:, where its connector reads one.
        boolean database = e.has("url") && Connectors.forKind(kind).databaseFormat() != null;
        if (database && e.has("path")) {
            throw error(at, Messages.get("cli.config_path_and_url"));
        }
        String path = database ? null : string(required(e, "path", at + "/path"), at + "/path");
        if (database) {
            string(e.get("url"), at + "/url");
        }
        String format = e.has("format") ? string(e.get("format"), at + "/format") : null;
        ZoneId zone = e.has("timezone") ? zone(string(e.get("timezone"), at + "/timezone"), at + "/timezone") : null;
        Map<String, String> columns = new LinkedHashMap<>();
        if (e.has("columns")) {
            JsonNode c = e.get("columns");
            if (!c.isObject()) {
                throw error(at + "/columns", Messages.get("cli.config_columns"));
            }
            for (Map.Entry<String, JsonNode> m : c.properties()) {
                columns.put(m.getKey(), string(m.getValue(), at + "/columns/" + m.getKey()));
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> m : e.properties()) {
            if (!SOURCE_KEYS.contains(m.getKey())) {
                options.put(m.getKey(), YAML.convertValue(m.getValue(), Object.class));
            }
        }
        return checkedSource(new SourceSpec(kind, path, baseDir, format, zone, columns, options), at);
    }

    /** Lets the connector check format and options now, so a typo fails before any load. */
    private SourceSpec checkedSource(SourceSpec unplaced, String at) throws ConfigException {
        SourceSpec spec = new SourceSpec(unplaced.kind(), unplaced.path(), unplaced.baseDir(), unplaced.format(),
                unplaced.zone(), unplaced.columns(), unplaced.options(), error(at, "").located().replaceFirst(":\\s*$", ""));
        Connector connector = Connectors.forKind(spec.kind());
        if (spec.format() != null && !connector.formats().contains(spec.format())) {
            throw error(at + "/format", Messages.get("connectors.bad_format", spec.format(), spec.kind(),
                    String.join(", ", new TreeSet<>(connector.formats()))));
        }
        try {
            connector.check(spec);
        } catch (SourceException ex) {
            throw error(at, ex.getMessage());
        }
        if (!spec.columns().isEmpty()) {
            // A glob names its extension, which is all the default format looks at.
            String format = spec.format() != null ? spec.format()
                    : spec.url() != null ? connector.databaseFormat() : connector.defaultFormat(Path.of(spec.path()).getFileName());
            TableOptions table = connector.tableOptions(spec, format);
            if (table == null) {
                throw error(at + "/columns", Messages.get("cli.config_columns_unused", format));
            }
            for (String field : spec.columns().keySet()) {
                if (!table.fields().containsKey(field)) {
                    throw unknown(at + "/columns/" + field, field, table.fields().keySet());
                }
            }
        }
        return spec;
    }

    /** The open-data package's licence: an Open Definition / SPDX id, with an optional title and address. */
    private OpenDataPackage.License openData(JsonNode node) throws ConfigException {
        if (node == null || node.isNull()) {
            return null;
        }
        requireObject(node, "/opendata", OPENDATA_KEYS);
        String name = string(required(node, "license", "/opendata/license"), "/opendata/license");
        if (!name.matches("[-a-zA-Z0-9._]+")) {
            throw error("/opendata/license", Messages.get("cli.config_license", name));
        }
        String title = node.has("license_title") ? string(node.get("license_title"), "/opendata/license_title") : null;
        String path = node.has("license_path") ? string(node.get("license_path"), "/opendata/license_path") : null;
        return OpenDataPackage.License.of(name, title, path);
    }

    /** Unset thresholds take the defaults; a threshold set to null is not checked. */
    private CityConfig.Thresholds thresholds(JsonNode node) throws ConfigException {
        if (node == null || node.isNull()) {
            return CityConfig.Thresholds.DEFAULTS;
        }
        requireObject(node, "/thresholds", THRESHOLD_KEYS);
        CityConfig.Thresholds d = CityConfig.Thresholds.DEFAULTS;
        return new CityConfig.Thresholds(share(node, "max_rejected_share", d.maxRejectedShare()),
                share(node, "min_coverage_share", d.minCoverageShare()), share(node, "max_unanswered_share", d.maxUnansweredShare()));
    }

    private Double share(JsonNode node, String key, Double fallback) throws ConfigException {
        if (!node.has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (v.isNull()) {
            return null;
        }
        String at = "/thresholds/" + key;
        double d;
        if (v.isNumber()) {
            d = v.doubleValue();
        } else if (v.isString() && v.stringValue().strip().endsWith("%")) {
            try {
                d = Double.parseDouble(v.stringValue().strip().replace("%", "").replace(',', '.')) / 100;
            } catch (NumberFormatException ex) {
                throw error(at, Messages.get("cli.config_share", v.asString()));
            }
        } else {
            throw error(at, Messages.get("cli.config_share", v.asString()));
        }
        if (d < 0 || d > 1) {
            throw error(at, Messages.get("cli.config_share", v.asString()));
        }
        return d;
    }

    // ---- small typed readers that know where they are ----

    private JsonNode required(JsonNode parent, String key, String at) throws ConfigException {
        JsonNode v = parent.get(key);
        if (v == null || v.isNull()) {
            throw error(at.substring(0, at.lastIndexOf('/')), Messages.get("cli.config_required", key));
        }
        return v;
    }

    private void requireObject(JsonNode node, String at, Set<String> allowed) throws ConfigException {
        if (node == null || !node.isObject()) {
            throw error(at, Messages.get("cli.config_object", at.substring(at.lastIndexOf('/') + 1), String.join(", ", new TreeSet<>(allowed))));
        }
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                throw unknown(at + "/" + key, key, allowed);
            }
        }
    }

    private ConfigException unknown(String at, String key, Collection<String> valid) {
        return locations.unknown(at, key, valid);
    }

    private String string(JsonNode v, String at) throws ConfigException {
        if (!v.isValueNode() || v.isNull()) {
            throw error(at, Messages.get("cli.config_string", at.substring(at.lastIndexOf('/') + 1)));
        }
        return v.asString();
    }

    private String optionalString(JsonNode parent, String key, String fallback) throws ConfigException {
        return parent.has(key) ? string(parent.get(key), "/" + key) : fallback;
    }

    private long integer(JsonNode v, String at, long min, long max) throws ConfigException {
        long value;
        if (v.isIntegralNumber()) {
            value = v.longValue();
        } else if (v.isString() && v.stringValue().replace(".", "").replace(" ", "").matches("\\d+")) {
            value = Long.parseLong(v.stringValue().replace(".", "").replace(" ", "")); // "834.824" as Indonesians write it
        } else {
            throw error(at, Messages.get("cli.config_integer", at.substring(at.lastIndexOf('/') + 1), v.asString()));
        }
        if (value < min || value > max) {
            throw error(at, Messages.get("cli.config_range", at.substring(at.lastIndexOf('/') + 1), value, min, max));
        }
        return value;
    }

    private ZoneId zone(String id, String at) throws ConfigException {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw error(at, Messages.get("cli.config_timezone", id));
        }
    }

    private Path path(JsonNode parent, String key, String fallback) throws ConfigException {
        String raw = parent.has(key) ? string(parent.get(key), "/" + key) : fallback;
        try {
            String expanded = raw.startsWith("~/") ? System.getProperty("user.home") + raw.substring(1) : raw;
            return baseDir.resolve(expanded).normalize();
        } catch (InvalidPathException e) {
            throw error("/" + key, Messages.get("cli.config_path", raw));
        }
    }

    private ConfigException error(String pointer, String message) {
        return locations.error(pointer, message);
    }
}
