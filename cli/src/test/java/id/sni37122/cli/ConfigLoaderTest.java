package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sni37122.connectors.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @AfterEach
    void backToIndonesian() {
        Messages.setLanguage("id");
    }

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("kota.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void resolvesPathsAgainstTheConfigFolderAndAppliesDefaults() throws Exception {
        CityConfig c = ConfigLoader.load(write("""
                city: {code: samarinda, name: Kota Samarinda, timezone: Asia/Makassar}
                population:
                  - {year: 2022, population: 834824, source: "BPS 2022"}
                sources:
                  catalog: [{path: layanan.csv}]
                """));
        assertThat(c.city().zone()).isEqualTo(ZoneId.of("Asia/Makassar"));
        assertThat(c.output()).isEqualTo(dir.resolve("out"));
        assertThat(c.warehouse()).isEqualTo(dir.resolve("out/samarinda.duckdb"));
        assertThat(c.sources()).singleElement().satisfies(s -> assertThat(s.baseDir()).isEqualTo(dir));
        assertThat(c.population()).singleElement().satisfies(p -> assertThat(p.population()).isEqualTo(834_824));
        assertThat(c.language()).isEqualTo("id");
    }

    @Test
    void unknownKeyIsNamedWithLineAndColumn() throws Exception {
        Path f = write("""
                city: {code: samarinda, name: Kota Samarinda, timezone: Asia/Makassar}
                sumber:
                  catalog: [{path: layanan.csv}]
                """);
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).located())
                        .startsWith(f + ":2:1: ")
                        .contains("'sumber'", "sources"));
    }

    @Test
    void wrongTimeZoneSaysWhichZonesToUse() throws Exception {
        Path f = write("""
                city:
                  code: samarinda
                  name: Kota Samarinda
                  timezone: Asia/Samarinda
                """);
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).located())
                        .startsWith(f + ":4:")
                        .contains("Asia/Samarinda", "Asia/Makassar (WITA)"));
    }

    @Test
    void missingKeyAndBadNumbersAreNamed() throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(write("city: {code: x, timezone: Asia/Jakarta}\n")))
                .hasMessageContaining("'name'");
        assertThatThrownBy(() -> ConfigLoader.load(write("""
                city: {code: x, name: X, timezone: Asia/Jakarta}
                population:
                  - {year: 2022, population: banyak, source: BPS}
                """))).hasMessageContaining("banyak");
        assertThatThrownBy(() -> ConfigLoader.load(write("""
                city: {code: x, name: X, timezone: Asia/Jakarta}
                population:
                  - {year: 2022, population: 1000}
                """))).hasMessageContaining("source");
    }

    @Test
    void indonesianThousandsSeparatorInPopulationIsRead() throws Exception {
        CityConfig c = ConfigLoader.load(write("""
                city: {code: x, name: X, timezone: Asia/Jakarta}
                population:
                  - {year: 2017, population: "627.021", source: "BPS"}
                """));
        assertThat(c.population().get(0).population()).isEqualTo(627_021);
    }

    @Test
    void unknownFormatListsTheSupportedOnes() throws Exception {
        Path f = write("""
                city: {code: x, name: X, timezone: Asia/Jakarta}
                sources:
                  portal: [{path: access.log, format: apache}]
                """);
        assertThatThrownBy(() -> ConfigLoader.load(f)).hasMessageContaining("apache").hasMessageContaining("combined");
    }

    @Test
    void brokenYamlPointsAtTheLine() throws Exception {
        Path f = write("city: {code: x, name: X, timezone: Asia/Jakarta}\nsources:\n\tportal: []\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).located()).startsWith(f + ":3"));
    }

    @Test
    void englishWhenTheConfigSaysSo() throws Exception {
        Path f = write("language: en\ncity: {code: x, name: X, timezone: Mars/Olympus}\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).hasMessageContaining("unknown time zone");
    }

    @Test
    void readinessIsPerYearFromAFileAFolderOrAMap() throws Exception {
        String city = "city: {code: uji, name: Kota Uji, timezone: Asia/Makassar}\n";
        Files.writeString(dir.resolve("jawaban.yaml"), "year: 2023\nindicators: {}\n");
        assertThat(ConfigLoader.load(write(city + "readiness: jawaban.yaml\n")).readiness())
                .containsExactly(java.util.Map.entry(2023, dir.resolve("jawaban.yaml")));
        Path folder = Files.createDirectories(dir.resolve("kesiapan"));
        Files.writeString(folder.resolve("kesiapan-2022.yaml"), "indicators: {}\n");
        Files.writeString(folder.resolve("kesiapan-2023.yaml"), "indicators: {}\n");
        Files.writeString(folder.resolve("catatan.txt"), "bukan jawaban\n");
        assertThat(ConfigLoader.load(write(city + "readiness: kesiapan/\n")).readiness()).containsOnlyKeys(2022, 2023)
                .containsEntry(2022, folder.resolve("kesiapan-2022.yaml"));
        assertThat(ConfigLoader.load(write(city + "readiness: {2024: jawaban.yaml}\n")).readiness())
                .containsExactly(java.util.Map.entry(2024, dir.resolve("jawaban.yaml")));
        Files.writeString(dir.resolve("tanpa-tahun.yaml"), "indicators: {}\n");
        assertThatThrownBy(() -> ConfigLoader.load(write(city + "readiness: tanpa-tahun.yaml\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("year: 2023");
        assertThatThrownBy(() -> ConfigLoader.load(write(city + "readiness: {duaribu: jawaban.yaml}\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("duaribu");
    }

    @Test
    void aKumaOnMariaDbIsNamedByItsUrlAndItsPasswordIsNeverInTheConfig() throws Exception {
        String city = "city: {code: x, name: X, timezone: Asia/Jakarta}\n";
        CityConfig c = ConfigLoader.load(write(city + """
                sources:
                  heartbeats:
                    - {url: "jdbc:mariadb://kuma.lan:3306/kuma", user: sni, password_env: KUMA_DB_PASSWORD}
                """));
        var spec = c.sources().get(0);
        assertThat(spec.path()).isNull();
        assertThat(spec.url()).isEqualTo("jdbc:mariadb://kuma.lan:3306/kuma");
        assertThat(spec.options()).containsEntry("user", "sni").containsEntry("password_env", "KUMA_DB_PASSWORD");
        // A password in the url is refused without being repeated.
        assertThatThrownBy(() -> ConfigLoader.load(write(city + """
                sources:
                  heartbeats: [{url: "jdbc:mariadb://kuma.lan/kuma?user=sni&password=Rahasia1", format: uptime-kuma}]
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("password_file").hasMessageNotContaining("Rahasia1");
        assertThatThrownBy(() -> ConfigLoader.load(write(city + """
                sources:
                  heartbeats: [{url: "jdbc:mariadb://kuma.lan/kuma", path: kuma.db}]
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("path:").hasMessageContaining("url:");
        assertThatThrownBy(() -> ConfigLoader.load(write(city + """
                sources:
                  heartbeats: [{url: "jdbc:postgresql://kuma.lan/kuma"}]
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("jdbc:mariadb://");
        assertThatThrownBy(() -> ConfigLoader.load(write(city + """
                sources:
                  heartbeats: [{path: kuma.db, user: sni}]
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("url:");
        // Only heartbeats read a database.
        assertThatThrownBy(() -> ConfigLoader.load(write(city + """
                sources:
                  catalog: [{url: "jdbc:mariadb://kuma.lan/kuma"}]
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("url");
    }
}
