package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages a user or cron sees, without any data loaded. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void helpAndVersionExitZero() {
        CliRunner.Result help = CliRunner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("run", "ingest", "compute", "report", "validate", "status", "Kode keluar");
        CliRunner.Result version = CliRunner.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("sni37122", "DuckDB");
        // --version alone is answered before picocli; with another option, by picocli: the same lines.
        CliRunner.Result throughPicocli = CliRunner.run("--lang", "id", "--version");
        assertThat(throughPicocli.exitCode()).isZero();
        assertThat(version.out()).isEqualTo(throughPicocli.out());
        assertThat(CliRunner.run("-V").out()).isEqualTo(version.out());
        assertThat(CliRunner.run("run", "--help").exitCode()).isZero();
    }

    @Test
    void noCommandOrUnknownOptionIsUsageError() {
        assertThat(CliRunner.run().exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(CliRunner.run("run", "--tahun", "2023").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void picocliMistakesAreSaidInTheChosenLanguage() throws Exception {
        CliRunner.Result unmatched = CliRunner.run("runn");
        assertThat(unmatched.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unmatched.err()).contains("Argumen tidak dikenal: runn", "Mungkin maksud Anda: run", "Lihat 'sni37122 --help'.")
                .doesNotContain("Unmatched", "Did you mean");
        CliRunner.Result missing = CliRunner.run("run");
        assertThat(missing.err()).contains("Opsi wajib belum diberikan: --config FILE", "Lihat 'sni37122 run --help'.")
                .doesNotContain("Missing required");
        // A mistyped option is named too, not only the required one it hid.
        assertThat(CliRunner.run("run", "--konfig", "kota.yaml").err()).contains("Argumen tidak dikenal: --konfig",
                "Opsi wajib belum diberikan: --config FILE");
        CliRunner.Result badYear = CliRunner.run("compute", "-c", "kota.yaml", "--year", "duaribu");
        assertThat(badYear.err()).contains("Nilai 'duaribu' tidak sah untuk --year YEAR");
        CliRunner.Result english = CliRunner.run("--lang", "en", "rn");
        assertThat(english.err()).contains("Unknown argument: rn", "See 'sni37122 --help'.");
        assertThat(CliRunner.run("--lang", "fr", "--help").err()).contains("--lang fr");
        // An option at the end without its value is not a forgotten required option.
        assertThat(CliRunner.run("run", "-c", "kota.yaml", "-y").err()).contains("Opsi --year perlu nilai YEAR")
                .doesNotContain("wajib", "Missing");
        assertThat(CliRunner.run("--lang", "en", "run", "-c", "kota.yaml", "--wait").err()).contains("Option --wait needs a value SECONDS");
        CliRunner.Result unknownHelp = CliRunner.run("help", "nope");
        assertThat(unknownHelp.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknownHelp.err()).contains("Perintah tidak dikenal: nope").doesNotContain("Unknown subcommand");
    }

    @Test
    void helpHasNoEnglishInIndonesianNorIndonesianInEnglish() {
        for (String[] args : new String[][] {{"--help"}, {"help", "help"}, {"run", "--help"}, {"compare", "--help"}, {"--version"}}) {
            String indonesian = CliRunner.run(args).out();
            assertThat(indonesian).as(String.join(" ", args)).doesNotContain("The COMMAND", "Show ", "Print ", "Usage", "Options", "help message");
            String[] inEnglish = new String[args.length + 2];
            inEnglish[0] = "--lang";
            inEnglish[1] = "en";
            System.arraycopy(args, 0, inEnglish, 2, args.length);
            assertThat(CliRunner.run(inEnglish).out()).as("--lang en " + String.join(" ", args))
                    .doesNotContain("Pemakaian", "Opsi:", "Tampilkan", "klausul", "bantuan");
        }
    }

    @Test
    void langOverridesTheConfigsLanguage() throws Exception {
        Path f = dir.resolve("kota.yaml");
        Files.writeString(f, "city: {code: uji, name: Kota Uji, timezone: Asia/Makassar}\nlanguage: id\nsources: {catalog: [{path: tidak-ada.csv}]}\n");
        CliRunner.Result r = CliRunner.run("validate", "--lang", "en", "-c", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("tidak-ada.csv").doesNotContain("tidak ditemukan");
        // compare reads each city's config in --lang too, so its mistakes are said in it.
        Path bad = dir.resolve("salah.yaml");
        Files.writeString(bad, "city: {code: uji, name: Kota Uji, timezone: Asia/Makassar}\nlanguage: id\nsumber: {}\n");
        CliRunner.Result compared = CliRunner.run("compare", "--lang", "en", "-c", bad.toString(), "-c", f.toString());
        assertThat(compared.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(compared.err()).contains("Invalid config", "unknown key 'sumber'").doesNotContain("tidak dikenal");
    }

    @Test
    void badConfigIsExitCode2WithLocation() throws Exception {
        Path f = dir.resolve("kota.yaml");
        Files.writeString(f, "city: {code: Kota Salah, name: X, timezone: Asia/Jakarta}\n");
        CliRunner.Result r = CliRunner.run("validate", "-c", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(f + ":1:", "Kota Salah").doesNotContain("\tat ");
    }

    @Test
    void missingConfigFileIsExitCode2() {
        CliRunner.Result r = CliRunner.run("run", "-c", dir.resolve("tidak-ada.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("tidak-ada.yaml", "tidak ditemukan");
    }

    @Test
    void validateNamesAMissingSource() throws Exception {
        Path f = dir.resolve("kota.yaml");
        Files.writeString(f, """
                city: {code: x, name: X, timezone: Asia/Jakarta}
                sources:
                  incidents: [{path: insiden.csv}]
                """);
        CliRunner.Result r = CliRunner.run("validate", "-c", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(dir.resolve("insiden.csv").toString());
        Files.writeString(dir.resolve("insiden.csv"), "id,asset,started_at,ended_at,cause,planned\n");
        assertThat(CliRunner.run("validate", "-c", f.toString()).exitCode()).isZero();
    }

    @Test
    void secondRunOnTheSameWarehouseIsBusy() throws Exception {
        Path f = dir.resolve("kota.yaml");
        Files.writeString(f, "city: {code: x, name: X, timezone: Asia/Jakarta}\n");
        CityConfig config = ConfigLoader.load(f);
        try (RunLock held = RunLock.acquire(config.warehouse(), 0)) {
            CliRunner.Result r = CliRunner.run("compute", "-c", f.toString());
            assertThat(r.exitCode()).isEqualTo(ExitCode.BUSY);
            assertThat(r.err()).contains("sedang dipakai", "--wait");
        }
        // Free again: it runs, and says that nothing has been loaded yet (exit 1, not busy).
        CliRunner.Result free = CliRunner.run("compute", "-c", f.toString());
        assertThat(free.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(free.err()).contains("Tidak ada hasil untuk X").doesNotContain("sedang dipakai");
    }
}
