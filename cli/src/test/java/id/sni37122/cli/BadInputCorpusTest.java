package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.Messages;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bad-input corpus (src/test/resources/bad-input): every file is something a real export or a
 * real operator produces. Each case runs the real command line and checks the user's side (exit
 * code, a message naming the file, no stack trace) and the warehouse's side (a failed file leaves
 * nothing; a file with bad rows keeps its good rows and records the bad ones with their line).
 * A good catalogue file rides along in every run and must always load.
 */
class BadInputCorpusTest {

    private static final String GOOD_CATALOG = "layanan-baik.csv";

    @TempDir
    Path dir;

    enum Expect {
        /** The whole file is refused, or rows were read and none loaded: exit 1, nothing of it in the warehouse. */
        FAILED,
        /** Bad rows are rejected with their line; the good rows load; exit 3 (over the default 5 % rejected). */
        REJECTS,
        /** The file is read but holds nothing to load; said so; exit 0. */
        NOTHING,
        /** An odd but readable file (other delimiter or encoding): loads whole, exit 0. */
        LOADS
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "p01-empty.log,                      portal,     NOTHING",
            "p02-truncated.log.gz,               portal,     FAILED",
            "p03-tls-garbage.log,                portal,     REJECTS",
            "p04-impossible-date.log,            portal,     REJECTS",
            "p05-year-1900.log,                  portal,     REJECTS",
            "p06-future-date.log,                portal,     REJECTS",
            "p07-unterminated-quote.log,         portal,     REJECTS",
            "p08-iis-w3c-as-combined.log,        portal,     FAILED",
            "p09-cr-only-line-ends.log,          portal,     FAILED",
            "c01-empty.csv,                      catalog,    NOTHING",
            "c02-header-only.csv,                catalog,    NOTHING",
            "c03-pipe-delimited.csv,             catalog,    FAILED",
            "c04-windows-1252.csv,               catalog,    LOADS",
            "c05-utf16.csv,                      catalog,    FAILED",
            "c06-html-saved-as.xlsx,             catalog,    FAILED",
            "c07-zip-bomb.xlsx,                  catalog,    FAILED",
            "c08-wrong-header.csv,               catalog,    FAILED",
            "c09-duplicate-code.csv,             catalog,    REJECTS",
            "c10-truncated.xlsx,                 catalog,    FAILED",
            "c11-negative-date-range.csv,        catalog,    REJECTS",
            "c12-every-row-rejected.csv,         catalog,    FAILED",
            "i01-header-only.csv,                inquiries,  NOTHING",
            "i02-lapor-header-unmapped.csv,      inquiries,  FAILED",
            "i03-year-1900.csv,                  inquiries,  REJECTS",
            "i04-future-date.csv,                inquiries,  REJECTS",
            "i05-impossible-date.csv,            inquiries,  REJECTS",
            "i06-duplicate-id.csv,               inquiries,  REJECTS",
            "i07-response-before-submission.csv, inquiries,  REJECTS",
            "i08-semicolon-windows-1252.csv,     inquiries,  LOADS",
            "i09-empty.csv,                      inquiries,  NOTHING",
            "n01-ended-before-started.csv,       incidents,  REJECTS",
            "n02-year-1900.csv,                  incidents,  REJECTS",
            "n03-header-only.csv,                incidents,  NOTHING",
            "n04-bad-planned-flag.csv,           incidents,  REJECTS",
            "h01-unknown-status.csv,             heartbeats, REJECTS",
            "h02-wrong-header.csv,               heartbeats, FAILED",
            "h03-not-sqlite.db,                  heartbeats, FAILED",
            "h04-prometheus-error.json,          heartbeats, FAILED",
            "h05-prometheus-nan.json,            heartbeats, REJECTS",
            "q01-negative-population.csv,        population, REJECTS",
            "q02-population-not-a-number.csv,    population, REJECTS",
    })
    void badSourceFile(String file, String kind, Expect expect) throws Exception {
        copy(file);
        copyGoodCatalog();
        String format = file.endsWith(".log") || file.endsWith(".log.gz") ? ", format: combined" : "";
        String sources = kind.equals("catalog")
                ? "  catalog: [{path: " + GOOD_CATALOG + "}, {path: " + file + format + "}]\n"
                : "  catalog: [{path: " + GOOD_CATALOG + "}]\n  " + kind + ": [{path: " + file + format + "}]\n";
        Path config = Files.writeString(dir.resolve("kota.yaml"), """
                city: {code: kotauji, name: Kota Uji, timezone: Asia/Makassar}
                population:
                  - {year: 2023, population: 200000, source: "angka uji"}
                sources:
                """ + sources + """
                output: out/
                secret_file: visitor.key
                """);

        CliRunner.Result r = CliRunner.run("ingest", "-c", config.toString());
        String said = r.out() + r.err();

        assertThat(said).as("no stack trace for the user").doesNotContain("\tat ", "Exception");
        assertThat(said).as("the file is named").contains(file);
        assertThat(loadedRows(GOOD_CATALOG)).as("the good file still loads: " + said).isEqualTo(4);
        switch (expect) {
            case FAILED -> {
                assertThat(r.exitCode()).as(said).isEqualTo(ExitCode.FAILED);
                assertThat(recorded(file)).as("nothing of a failed file is kept").isZero();
                assertThat(count("SELECT count(*) FROM rejected_row WHERE file_id NOT IN (SELECT file_id FROM source_file)")).isZero();
            }
            case REJECTS -> {
                // A handful of rows with one or two bad ones is far above the default 5 % rejected share.
                assertThat(r.exitCode()).as(said).isEqualTo(ExitCode.DATA_QUALITY);
                assertThat(said).contains(Messages.get("cli.threshold", "").strip());
                assertThat(said).as("the first bad row is located").containsPattern(java.util.regex.Pattern.quote(file) + ":\\d+");
                assertThat(loadedRows(file)).as("good rows load: " + said).isPositive();
                assertThat(count("SELECT count(*) FROM rejected_row r JOIN source_file f USING (file_id) WHERE f.path LIKE '%/"
                        + file + "' AND r.line > 0")).isPositive();
            }
            case NOTHING -> {
                assertThat(r.exitCode()).as(said).isEqualTo(ExitCode.OK);
                assertThat(loadedRows(file)).isZero();
            }
            case LOADS -> {
                assertThat(r.exitCode()).as(said).isEqualTo(ExitCode.OK);
                assertThat(loadedRows(file)).as(said).isPositive();
                assertThat(count("SELECT count(*) FROM rejected_row")).as(said).isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "y01-unknown-key.yaml,     sumber,                 true, 4",
            "y02-missing-city.yaml,    city,                   true, 0",
            "y03-bad-timezone.yaml,    WITA,                   true, 0",
            "y04-path-missing.yaml,    layanan-2023-final.csv, false, 0",
            "y05-tab-indented.yaml,    y05-tab-indented.yaml,  true, 0",
            "y06-bad-population.yaml,  population,             true, 0",
            "y07-bad-format-name.yaml, excel,                  true, 0",
            "y08-misspelt-rule.yaml,   visit_window_minutes,   true, 7",
            "y09-duplicate-key.yaml,   city,                   true, 7",
            "y10-alias-in-rules.yaml,  jendela,                true, 8",
            "y11-wrong-rule-type.yaml, group_overlapping,      true, 7",
            "y12-unknown-source-option.yaml, sheet,            true, 6",
    })
    void badConfig(String file, String named, boolean located, int line) throws Exception {
        copy(file);
        copyGoodCatalog();
        Files.copy(dir.resolve(GOOD_CATALOG), dir.resolve("layanan.csv"));

        CliRunner.Result r = CliRunner.run("run", "-c", dir.resolve(file).toString());
        String said = r.out() + r.err();

        assertThat(r.exitCode()).as(said).isEqualTo(ExitCode.USAGE);
        assertThat(said).doesNotContain("\tat ", "Exception").contains(file, named);
        if (located) {
            assertThat(said).as("located: file:line").containsPattern(java.util.regex.Pattern.quote(file) + ":\\d+");
        }
        if (line > 0) {
            assertThat(said).as("the line that is wrong").contains(file + ":" + line + ":");
        }
        assertThat(dir.resolve("out/kotauji.duckdb")).as("nothing done").doesNotExist();
    }

    private void copy(String name) throws Exception {
        CliRunner.copyFixture("bad-input", dir, List.of(name));
    }

    private void copyGoodCatalog() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fixture-city/layanan.csv")) {
            Files.copy(in, dir.resolve(GOOD_CATALOG));
        }
    }

    /** Rows loaded from the current load of a file; 0 when it was never recorded. */
    private long loadedRows(String file) throws Exception {
        return count("SELECT coalesce(sum(rows_loaded), 0) FROM source_file WHERE superseded_by IS NULL AND path LIKE '%/" + file + "'");
    }

    private long recorded(String file) throws Exception {
        return count("SELECT count(*) FROM source_file WHERE path LIKE '%/" + file + "'");
    }

    private long count(String sql) throws Exception {
        Path warehouse = dir.resolve("out/kotauji.duckdb");
        if (!Files.exists(warehouse)) {
            return 0;
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
             PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
