package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import id.sni37122.connectors.Connectors;
import id.sni37122.connectors.Messages;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.Indicators;
import id.sni37122.indicators.RuleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The city config's JSON Schema (shipped as share/sni37122-config.schema.json, named on the first
 * line of every sample for editors that validate YAML) says what ConfigLoader accepts: the configs
 * the project ships pass it, a wrong one does not, and its keys, formats, options and rules are
 * the loader's, the connectors' and the indicators' own.
 */
class ConfigSchemaTest {

    private static final Path ROOT = Path.of(System.getProperty("sni37122.repoRoot", "..")).toAbsolutePath().normalize();
    private static final Path SCHEMA = ROOT.resolve("distribution/src/main/dist/share/sni37122-config.schema.json");

    @TempDir
    Path dir;

    @AfterEach
    void backToIndonesian() {
        Messages.setLanguage("id");
    }

    private static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    }

    private static List<String> errors(Path yaml) throws Exception {
        return schema().validate(Files.readString(yaml), InputFormat.YAML).stream().map(Error::toString).toList();
    }

    @Test
    void everyShippedConfigPassesAndNamesTheSchema() throws Exception {
        List<Path> configs = List.of(ROOT.resolve("samples/samarinda/samarinda.yaml"), ROOT.resolve("samples/pontianak/pontianak.yaml"),
                ROOT.resolve("distribution/src/main/dist/etc/example.yaml"), ROOT.resolve("cli/src/test/resources/fixture-city/kota-uji.yaml"));
        for (Path config : configs) {
            assertThat(errors(config)).as(config.toString()).isEmpty();
        }
        for (Path sample : configs.subList(0, 2)) {
            String first = Files.readAllLines(sample).get(0);
            assertThat(first).startsWith("# yaml-language-server: $schema=");
            Path named = sample.getParent().resolve(first.substring(first.indexOf('=') + 1)).normalize();
            assertThat(named).as("the schema the sample names").isEqualTo(SCHEMA);
        }
        // The example an admin copies is a config the loader takes as it is.
        assertThat(ConfigLoader.load(ROOT.resolve("distribution/src/main/dist/etc/example.yaml")).city().code()).isEqualTo("kota-contoh");
    }

    @Test
    void flagsWhatTheLoaderRefuses() throws Exception {
        Path wrong = dir.resolve("salah.yaml");
        Files.writeString(wrong, """
                city: {code: Samarinda Kota, name: Kota Samarinda, timezone: Asia/Makassar}
                sources:
                  portal: [{path: logs/, format: apache}]
                  katalog: [{path: layanan.csv}]
                tresholds: {max_rejected_share: 0.05}
                """);
        assertThat(String.join("\n", errors(wrong))).contains("/city/code", "/sources/portal", "katalog", "tresholds");
    }

    @Test
    void aKumaOnMariaDbIsNamedByUrlInsteadOfPath() throws Exception {
        Path good = Files.writeString(dir.resolve("kuma-mariadb.yaml"), """
                city: {code: samarinda, name: Kota Samarinda, timezone: Asia/Makassar}
                sources:
                  heartbeats: [{url: "jdbc:mariadb://kuma.lan:3306/kuma", user: sni, password_file: kuma-db.pw}]
                """);
        assertThat(errors(good)).isEmpty();
        assertThat(ConfigLoader.load(good).sources().get(0).url()).isEqualTo("jdbc:mariadb://kuma.lan:3306/kuma");
        Path both = Files.writeString(dir.resolve("keduanya.yaml"), """
                city: {code: samarinda, name: Kota Samarinda, timezone: Asia/Makassar}
                sources:
                  heartbeats: [{url: "jdbc:mariadb://kuma.lan:3306/kuma", path: kuma.db}]
                """);
        assertThat(errors(both)).isNotEmpty();
    }

    @Test
    void keysFormatsOptionsAndRulesAreTheLoadersConnectorsAndIndicatorsOwn() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        assertThat(names(schema.get("properties"))).isEqualTo(new TreeSet<>(ConfigLoader.TOP_KEYS));
        JsonNode sources = schema.get("properties").get("sources").get("properties");
        assertThat(names(sources)).isEqualTo(new TreeSet<>(Connectors.KINDS));
        for (String kind : Connectors.KINDS) {
            JsonNode entry = sources.get(kind).get("oneOf").get(1).get("oneOf").get(1).get("properties");
            Set<String> formats = new TreeSet<>();
            entry.get("format").get("enum").forEach(f -> formats.add(f.stringValue()));
            assertThat(formats).as(kind).isEqualTo(new TreeSet<>(Connectors.forKind(kind).formats()));
            Set<String> options = names(entry);
            options.removeAll(Set.of("path", "format", "timezone", "columns"));
            assertThat(options).as(kind + " options").isEqualTo(new TreeSet<>(Connectors.forKind(kind).options()));
        }
        JsonNode rules = schema.get("properties").get("rules").get("properties");
        assertThat(names(rules)).isEqualTo(Indicators.all().stream().map(Indicator::rulesKey).collect(Collectors.toCollection(TreeSet::new)));
        for (Indicator indicator : Indicators.all()) {
            assertThat(names(rules.get(indicator.rulesKey()).get("properties"))).as(indicator.rulesKey())
                    .isEqualTo(indicator.rules().stream().map(RuleSpec::name).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    private static Set<String> names(JsonNode object) {
        return new TreeSet<>(object.propertyNames());
    }
}
