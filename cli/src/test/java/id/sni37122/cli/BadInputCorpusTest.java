package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.Messages;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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
            "p09-cr-only-line-ends.log,          portal,     LOADS", // issue 14: CR-only line ends are read
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
            "i10-saved-without-header.csv,       inquiries,  FAILED",
            "i11-unquoted-comma-in-name.csv,     inquiries,  REJECTS",
            "c13-hidden-archive-sheet.xlsx,      catalog,    LOADS",
            "c14-formula-without-result.xlsx,    catalog,    REJECTS",
            "c15-merged-agency.xlsx,             catalog,    LOADS",
            "c16-duplicate-header.xlsx,          catalog,    FAILED",
    })
    void badSourceFile(String file, String kind, Expect expect) throws Exception {
        CliRunner.Result r = ingest(file, kind);
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

    /** Ingests one corpus file of a kind, with the good catalogue beside it. */
    private CliRunner.Result ingest(String file, String kind) throws Exception {
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
        return CliRunner.run("ingest", "-c", config.toString());
    }

    /** What the operator is told about an odd table: what was read, what was refused and how to fix it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "i10-saved-without-header.csv    | inquiries | tanggal laporan (submitted_at)",
            "i11-unquoted-comma-in-name.csv  | inquiries | i11-unquoted-comma-in-name.csv:4: jumlah kolom baris ini berbeda",
            "i11-unquoted-comma-in-name.csv  | inquiries | ('10 ≠ 9')",
            "c13-hidden-archive-sheet.xlsx   | catalog   | lembar tersembunyi tidak dibaca: 'Arsip 2019'",
            "c14-formula-without-result.xlsx | catalog   | c14-formula-without-result.xlsx:2: kolom Daring: sel berisi rumus",
            "c14-formula-without-result.xlsx | catalog   | simpan ulang di Excel/LibreOffice agar hasilnya tersimpan ('D2')",
            "c16-duplicate-header.xlsx       | catalog   | c16-duplicate-header.xlsx:1: judul kolom 'Perangkat Daerah' muncul dua kali, di kolom D dan F",
    })
    void anOddTableIsExplained(String file, String kind, String says) throws Exception {
        CliRunner.Result r = ingest(file, kind);
        assertThat(r.out() + r.err()).contains(says);
    }

    @Test
    void theSheetExcelShowsIsReadNotTheHiddenArchive() throws Exception {
        ingest("c13-hidden-archive-sheet.xlsx", "catalog");
        assertThat(count("SELECT count(*) FILTER (WHERE online) * 100 / count(*) FROM catalog_service WHERE code LIKE 'LYN-%'"))
                .as("10.2 from the visible sheet: 8 of 10 online").isEqualTo(80);
        assertThat(count("SELECT count(*) FROM catalog_service WHERE code LIKE 'ARS-%'")).as("the hidden archive is not read").isZero();
    }

    @Test
    void aMergedAgencyCellCoversEveryRowItSpans() throws Exception {
        ingest("c15-merged-agency.xlsx", "catalog");
        assertThat(count("SELECT count(*) FROM catalog_service WHERE code IN ('M-01', 'M-02', 'M-03') AND agency = 'DPMPTSP'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM catalog_service WHERE code = 'M-04' AND agency = 'Disdukcapil'")).isEqualTo(1);
    }

    /** Names, phone numbers and NIK planted in the complaint exports i10 and i11. */
    private static final List<String> PERSONAL = List.of("Santoso", "Rahmawati", "Wijaya", "081253110001", "081254327788",
            "081253110004", "6472031203850001", "6472031203850004", "6472031203850007");

    /**
     * A whole run (ingest, compute, report) over a complaint export that holds its complainants'
     * names, phones and NIK: none of them reaches the console, any warehouse table (run.message
     * and rejected_row.detail included) or any file written, the workbook's XML included.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "i10-saved-without-header.csv,   1",
            "i11-unquoted-comma-in-name.csv, 0",
    })
    void personalDataIsNeverRepeated(String file, int exitCode) throws Exception {
        copy(file);
        copyGoodCatalog();
        Path config = Files.writeString(dir.resolve("kota.yaml"), """
                city: {code: kotauji, name: Kota Uji, timezone: Asia/Makassar}
                population:
                  - {year: 2023, population: 200000, source: "angka uji"}
                sources:
                  catalog: [{path: %s}]
                  inquiries: [{path: %s}]
                output: out/
                secret_file: visitor.key
                thresholds: {max_rejected_share: 0.5}
                """.formatted(GOOD_CATALOG, file));

        CliRunner.Result r = CliRunner.run("run", "-c", config.toString());
        String said = r.out() + r.err();

        assertThat(r.exitCode()).as(said).isEqualTo(exitCode);
        assertThat(said).as("the file is named").contains(file);
        for (String value : PERSONAL) {
            assertThat(said).as("console").doesNotContain(value);
            assertThat(warehouseText()).as("warehouse").doesNotContain(value);
            assertThat(writtenText()).as("files written").doesNotContain(value);
        }
        if (exitCode == 0) {
            assertThat(count("SELECT count(*) FROM inquiry")).as("the rows that are not shifted load").isEqualTo(3);
            try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
                assertThat(files.map(Path::toString)).as("a workbook was written, and scanned").anyMatch(f -> f.endsWith(".xlsx"));
            }
        }
    }

    /** Every value of every warehouse table, as text. */
    private String warehouseText() throws Exception {
        StringBuilder sb = new StringBuilder();
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("out/kotauji.duckdb"), readOnly)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet t = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables")) {
                while (t.next()) {
                    tables.add(t.getString(1));
                }
            }
            assertThat(tables).contains("run", "rejected_row", "inquiry", "source_file");
            for (String table : tables) {
                try (ResultSet r = c.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    while (r.next()) {
                        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                            sb.append(r.getString(i)).append('\t');
                        }
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Every file under out/ as text; a workbook's (or any zip's) entries unpacked. */
    private String writtenText() throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                if (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K') {
                    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                        while (zip.getNextEntry() != null) {
                            sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                } else if (!f.toString().endsWith(".duckdb")) {
                    sb.append(new String(bytes, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return sb.toString();
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

    /** A config naming a folder where a file belongs, or a file where a folder belongs: exit 2 at that key, nothing done. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "secret_file is a folder   | dir:kunci      | out/  | gudang/kotauji.duckdb | kunci                | kota.yaml:7:1: 'secret_file' menunjuk folder",
            "warehouse is a folder     | dir:gudang     | out/  | gudang                | visitor.key          | kota.yaml:5:1: gudang data",
            "output is a file          | file:hasil.txt | hasil.txt | out/kotauji.duckdb | visitor.key          | kota.yaml:6:1: 'output'",
            "secret_file is not a key  | none           | out/  | out/kotauji.duckdb    | layanan-baik.csv     | bukan kunci pengunjung sni37122",
    })
    void aPathOfTheWrongShapeIsAConfigError(String name, String make, String output, String warehouse, String secret, String says)
            throws Exception {
        copyGoodCatalog();
        if (make.startsWith("dir:")) {
            Files.createDirectories(dir.resolve(make.substring(4)));
        } else if (make.startsWith("file:")) {
            Files.writeString(dir.resolve(make.substring(5)), "laporan lama\n");
        }
        byte[] catalogue = Files.readAllBytes(dir.resolve(GOOD_CATALOG));
        Path config = Files.writeString(dir.resolve("kota.yaml"), """
                city: {code: kotauji, name: Kota Uji, timezone: Asia/Makassar}
                sources:
                  catalog: [{path: %s}]
                # paths
                warehouse: %s
                output: %s
                secret_file: %s
                """.formatted(GOOD_CATALOG, warehouse, output, secret));

        CliRunner.Result r = CliRunner.run("ingest", "-c", config.toString());
        String said = r.out() + r.err();

        assertThat(r.exitCode()).as(said).isEqualTo(ExitCode.USAGE);
        assertThat(said).contains(says).doesNotContain("\tat ", "Exception", "Is a directory", "hapus", "delete");
        assertThat(dir.resolve("gudang/kotauji.duckdb")).as("nothing done").doesNotExist();
        assertThat(dir.resolve("out/kotauji.duckdb")).as("nothing done").doesNotExist();
        assertThat(Files.readAllBytes(dir.resolve(GOOD_CATALOG))).as("a file that is not a key is left as it is").isEqualTo(catalogue);
    }

    /**
     * A binary file or a huge one given as the config: said in words, exit 1, as issue 17 lists it
     * among the failures to read a file at all (a mistake in what a config says is exit 2).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "c13-hidden-archive-sheet.xlsx, bukan teks YAML",
            "huge,                          terlalu besar",
    })
    void aConfigThatIsNotAConfigIsSaidInWords(String file, String says) throws Exception {
        Path config = dir.resolve("kota.yaml");
        if (file.equals("huge")) {
            Files.writeString(config, "# catatan\n".repeat(200_000));
        } else {
            copy(file);
            Files.move(dir.resolve(file), config);
        }
        for (String command : List.of("validate", "run")) {
            CliRunner.Result r = CliRunner.run(command, "-c", config.toString());
            String said = r.out() + r.err();
            assertThat(r.exitCode()).as(command + ": " + said).isEqualTo(ExitCode.FAILED);
            assertThat(said).contains("kota.yaml", says).doesNotContain("\tat ", "Exception", "CharConversion");
        }
        assertThat(dir.resolve("out")).as("nothing done").doesNotExist();
    }

    /**
     * A source file the user running sni37122 may not read (a log rotated with mode 600 for another
     * user): "izin ditolak" with the file and the fix, exit 1 as for any failure of the system, no
     * class name, and the other sources still load. As root, mode 000 stops nothing (root may read any
     * file), so the run is then made in a JVM of its own through setpriv without the two capabilities
     * that let root read what its mode forbids (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH).
     */
    @Test
    void aSourceFileThatMayNotBeReadIsSaidInWordsAndTheOthersLoad() throws Exception {
        copyGoodCatalog();
        Path locked = Files.copy(dir.resolve(GOOD_CATALOG), dir.resolve("layanan-terkunci.csv"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Path config = Files.writeString(dir.resolve("kota.yaml"), """
                city: {code: kotauji, name: Kota Uji, timezone: Asia/Makassar}
                sources:
                  catalog: [{path: %s}, {path: layanan-terkunci.csv}]
                output: out/
                secret_file: visitor.key
                """.formatted(GOOD_CATALOG));
        List<String> wrapper = List.of();
        if (Files.isReadable(locked)) {
            // Root: without those capabilities mode 000 holds for it too, if setpriv can drop them here.
            Path setpriv = Path.of("/usr/bin/setpriv");
            wrapper = List.of(setpriv.toString(), "--bounding-set", "-dac_override,-dac_read_search");
            boolean blocks = Files.isExecutable(setpriv) && new ProcessBuilder(wrapper.get(0), wrapper.get(1), wrapper.get(2), "cat", locked.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() != 0;
            Assumptions.assumeTrue(blocks, "running as root, and setpriv cannot drop CAP_DAC_OVERRIDE here: "
                    + "mode 000 does not stop root reading, so permission denied cannot be shown; skipped");
        }
        CliRunner.Result ingest = wrapper.isEmpty() ? CliRunner.run("ingest", "-c", config.toString())
                : CliRunner.fork(wrapper, List.of("-Xmx512m"), "ingest", "-c", config.toString());
        String said = ingest.out() + ingest.err();
        assertThat(ingest.exitCode()).as(said).isEqualTo(ExitCode.FAILED);
        assertThat(said).contains("izin ditolak", "layanan-terkunci.csv", "chmod")
                .doesNotContain("\tat ", "Exception", "AccessDenied", "java.");
        assertThat(loadedRows(GOOD_CATALOG)).as("the readable file still loads").isEqualTo(4);
        assertThat(recorded("layanan-terkunci.csv")).isZero();

        CliRunner.Result validate = wrapper.isEmpty() ? CliRunner.run("validate", "-c", config.toString())
                : CliRunner.fork(wrapper, List.of("-Xmx512m"), "validate", "-c", config.toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isEqualTo(ExitCode.FAILED);
        assertThat(validate.err()).contains("izin ditolak", "layanan-terkunci.csv");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aVisitorKeyOthersCanReadIsWarnedWithTheFix() throws Exception {
        Path key = Files.write(dir.resolve("visitor.key"), new byte[32]);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        CliRunner.Result r = ingest("c15-merged-agency.xlsx", "catalog");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).contains("chmod 600 " + key);

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(CliRunner.run("ingest", "-c", dir.resolve("kota.yaml").toString()).err()).doesNotContain("chmod");
    }

    /** The run lock is taken on the file itself: a second name for it through a symlink waits like the first. */
    @Test
    void aWarehouseNamedThroughASymlinkIsLockedAsItself() throws Exception {
        copyGoodCatalog();
        Files.createDirectories(dir.resolve("gudang"));
        Files.createSymbolicLink(dir.resolve("tautan"), dir.resolve("gudang"));
        Path config = Files.writeString(dir.resolve("kota.yaml"), """
                city: {code: kotauji, name: Kota Uji, timezone: Asia/Makassar}
                sources:
                  catalog: [{path: %s}]
                warehouse: tautan/kotauji.duckdb
                output: out/
                secret_file: visitor.key
                """.formatted(GOOD_CATALOG));
        try (RunLock held = RunLock.acquire(dir.resolve("gudang/kotauji.duckdb"), 0)) {
            CliRunner.Result r = CliRunner.run("ingest", "--wait", "1", "-c", config.toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.BUSY);
            assertThat(r.err()).contains("sedang dipakai").doesNotContain("Could not set lock");
        }
        CliRunner.Result r = CliRunner.run("ingest", "-c", config.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(count("SELECT count(*) FROM catalog_service", dir.resolve("gudang/kotauji.duckdb"))).isEqualTo(4);
    }

    /** DuckDB unpacks its native library into java.io.tmpdir: an unusable one is said with the fix (in a JVM of its own). */
    @Test
    void anUnusableTempFolderIsSaidWithTheFix() throws Exception {
        copyGoodCatalog();
        Path config = Files.writeString(dir.resolve("kota.yaml"), """
                city: {code: kotauji, name: Kota Uji, timezone: Asia/Makassar}
                sources:
                  catalog: [{path: %s}]
                output: out/
                secret_file: visitor.key
                """.formatted(GOOD_CATALOG));
        CliRunner.Result r = CliRunner.fork(List.of("-Djava.io.tmpdir=" + dir.resolve("tidak-ada")), "ingest", "-c", config.toString());
        String said = r.out() + r.err();
        assertThat(r.exitCode()).as(said).isEqualTo(ExitCode.FAILED);
        assertThat(said).contains("-Djava.io.tmpdir=").doesNotContain("\tat ", "Exception", "Error:");
    }

    /**
     * A disk that fills up during a load: "ruang disk habis", exit 1, the file being loaded leaves
     * nothing, what was loaded before is intact, and the next run after space is freed loads it.
     * Needs a small tmpfs, so root with mount rights; skipped otherwise.
     */
    @Test
    void aFullDiskIsSaidInWordsAndDamagesNothing() throws Exception {
        int rows = 80_000; // more than a 2 MB disk holds
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString()) == 0, "cannot mount a tmpfs here");
        try {
            copyGoodCatalog();
            StringBuilder big = new StringBuilder("id,submitted_at,agency,category\n");
            java.util.Random random = new java.util.Random(17);
            for (int i = 0; i < rows; i++) {
                big.append("T-").append(i).append(",2023-03-01T08:00:00+08:00,Dinas ").append(random.nextInt())
                        .append(",Kategori ").append(random.nextInt()).append('\n');
            }
            Files.writeString(dir.resolve("besar.csv"), big);
            Path config = Files.writeString(dir.resolve("kota.yaml"), """
                    city: {code: kotauji, name: Kota Uji, timezone: Asia/Makassar}
                    sources:
                      catalog: [{path: %s}]
                      inquiries: [{path: besar.csv}]
                    warehouse: %s
                    output: out/
                    secret_file: visitor.key
                    """.formatted(GOOD_CATALOG, disk.resolve("kotauji.duckdb")));

            CliRunner.Result r = CliRunner.run("ingest", "-c", config.toString());
            String said = r.out() + r.err();
            assertThat(r.exitCode()).as(said).isEqualTo(ExitCode.FAILED);
            assertThat(said).contains("ruang disk habis").doesNotContain("\tat ", "Exception", "TransactionContext");

            assertThat(run("mount", "-o", "remount,size=40m", disk.toString())).isZero();
            assertThat(count("SELECT count(*) FROM catalog_service", disk.resolve("kotauji.duckdb"))).as("loaded before: intact").isEqualTo(4);
            assertThat(count("SELECT count(*) FROM inquiry", disk.resolve("kotauji.duckdb"))).as("the failed file left nothing").isZero();
            CliRunner.Result again = CliRunner.run("ingest", "-c", config.toString());
            assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(ExitCode.OK);
            assertThat(count("SELECT count(*) FROM inquiry", disk.resolve("kotauji.duckdb"))).isEqualTo(rows);
        } finally {
            run("umount", disk.toString());
        }
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** A city config around the given sources, with the default thresholds. */
    private Path city(String sources) throws Exception {
        return Files.writeString(dir.resolve("kota.yaml"), """
                city: {code: kotauji, name: Kota Uji, timezone: Asia/Makassar}
                population:
                  - {year: 2022, population: 199000, source: "angka uji"}
                  - {year: 2023, population: 200000, source: "angka uji"}
                sources:
                """ + sources + """
                output: out/
                secret_file: visitor.key
                """);
    }

    /**
     * Six days of log (1-6 March 2023, one visit a day) and two complaints of which one is
     * unanswered: coverage 6 / 365 = 1.6 % (below 90 %) and unanswered 50 % (above 20 %). Both
     * warnings are printed naming the city and year, the run exits 3, and under --quiet they go to stderr.
     */
    @Test
    void aSixDayLogAndHalfTheComplaintsUnansweredAreSaidAndExit3() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int day = 1; day <= 6; day++) {
            log.append(String.format("10.1.1.%d - - [%02d/Mar/2023:10:00:00 +0800] \"GET /dataset/apbd HTTP/1.1\" 200 512 \"-\" "
                    + "\"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0\"%n", day, day));
        }
        Files.writeString(dir.resolve("access.log"), log);
        Files.writeString(dir.resolve("pengaduan.csv"), """
                id,submitted_at,first_response_at
                A-1,2023-03-01T08:00:00+08:00,2023-03-02T08:00:00+08:00
                A-2,2023-03-05T08:00:00+08:00,
                """);
        Path config = city("  portal: [{path: access.log, format: combined}]\n  inquiries: [{path: pengaduan.csv}]\n");

        CliRunner.Result run = CliRunner.run("run", "-c", config.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.DATA_QUALITY);
        assertThat(run.out()).contains("Peringatan Kota Uji tahun 2023, 10.1: Ada hari tanpa data log",
                "Peringatan Kota Uji tahun 2023, 10.3: Ada catatan yang belum ditanggapi");
        assertThat(run.err()).contains("cakupan data indikator 10.1 1,6% (minimal 90%", "belum dijawab 50% (batas 20%)");

        CliRunner.Result quiet = CliRunner.run("compute", "-q", "-c", config.toString());
        assertThat(quiet.exitCode()).isEqualTo(ExitCode.DATA_QUALITY);
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).contains("Peringatan Kota Uji tahun 2023, 10.1: Ada hari tanpa data log");

        CliRunner.Result json = CliRunner.run("compute", "--json", "-c", config.toString(), "--year", "2023");
        assertThat(json.out()).contains("\"key\" : \"warning.coverage\"", "\"text\" : \"Ada hari tanpa data log");
    }

    /** Only a catalogue: 10.2 for each year of the population list (2022, 2023), without --year. */
    @Test
    void aCatalogueOnlyCityComputesForItsPopulationYears() throws Exception {
        copyGoodCatalog();
        Path config = city("  catalog: [{path: " + GOOD_CATALOG + "}]\n");

        CliRunner.Result run = CliRunner.run("run", "-c", config.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        CliRunner.Result json = CliRunner.run("compute", "--json", "-c", config.toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        // UJI-01 online, UJI-02 not, UJI-03 online by its level, UJI-04 online but ended mid-2022: 3 of 4 in 2022, 2 of 3 in 2023.
        List<Map<String, Object>> rows = JsonMapper.builder().build().readValue(json.out(), new TypeReference<>() { });
        assertThat(rows).extracting(row -> row.get("indicator") + " " + row.get("year") + " " + row.get("numerator") + "/" + row.get("denominator"))
                .containsExactly("10.2 2022 3.0/4.0", "10.2 2023 2.0/3.0");
        assertThat(run.out()).contains("2022   10.2", "2023   10.2");
    }

    /** Nothing loaded yet: report and compute --year say there is nothing, rather than print an empty table with exit 0. */
    @Test
    void aYearWithoutDataAndAnEmptyWarehouseSaySoAndExit1() throws Exception {
        copyGoodCatalog();
        Path config = city("  catalog: [{path: " + GOOD_CATALOG + "}]\n");

        CliRunner.Result empty = CliRunner.run("report", "-c", config.toString());
        assertThat(empty.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(empty.err()).contains("Tidak ada yang dapat dilaporkan untuk Kota Uji");
        assertThat(dir.resolve("out/sni37122-kotauji-hasil.csv")).doesNotExist();

        CliRunner.Result noYear = CliRunner.run("compute", "-c", config.toString(), "--year", "2015");
        assertThat(noYear.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(noYear.err()).contains("Tidak ada data Kota Uji untuk tahun 2015");
    }

    /**
     * validate opens each table's header and says what will be read: the mapped header, the
     * personal columns left unread, and a date-like header that maps to nothing ("Tgl Balas").
     */
    @Test
    void validateShowsWhatEachTableGivesAndWarnsOfAnUnmappedResponseColumn() throws Exception {
        Files.writeString(dir.resolve("aduan.csv"), """
                No Tiket,Tanggal Laporan,Nama Pelapor,No HP,Tgl Balas,Isi Laporan,Rating
                A-1,2023-03-01 08:00,Budi,0812,2023-03-02 08:00,jalan rusak,5
                """);
        Path config = city("  inquiries: [{path: aduan.csv}]\n");

        CliRunner.Result r = CliRunner.run("validate", "-c", config.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("aduan.csv: format csv (menurut nama berkas), baris judul 1",
                "dibaca: 'No Tiket' -> id, 'Tanggal Laporan' -> submitted_at",
                "data pribadi atau teks bebas (tidak pernah dibaca): 'Nama Pelapor', 'No HP', 'Isi Laporan'",
                "tidak dipakai: 'Tgl Balas', 'Rating'",
                "Peringatan: judul 'Tgl Balas' di aduan.csv tampak seperti tanggal");
        assertThat(r.out() + r.err()).as("no personal value is quoted").doesNotContain("Budi", "0812");

        Path mapped = city("  inquiries: [{path: aduan.csv, columns: {first_response_at: Tgl Tanggapan}}]\n");
        CliRunner.Result wrong = CliRunner.run("ingest", "-c", mapped.toString());
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(wrong.err()).contains("kota.yaml:6:", "first_response_at: 'Tgl Tanggapan' tidak ada di", "aduan.csv");
        assertThat(dir.resolve("out/kotauji.duckdb")).as("nothing loaded").doesNotExist();
        assertThat(CliRunner.run("validate", "-c", mapped.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
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
        return count(sql, dir.resolve("out/kotauji.duckdb"));
    }

    private static long count(String sql, Path warehouse) throws Exception {
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
