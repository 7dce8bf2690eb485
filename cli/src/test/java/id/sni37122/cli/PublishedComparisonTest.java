package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.indicators.Indicators;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A province pools its cities from their publications alone. The two sample cities run on
 * their own; their results CSV and JSON are copied into a folder with no warehouse next to it;
 * {@code compare} on that folder gives the very figures {@code compare} on the two configs gives.
 * Then Pontianak changes a rule and publishes again, and the comparison names the rule; then a
 * publication edited by hand is refused. Samarinda's open-data package is checked against the
 * Frictionless Data Package 2.0 and Table Schema 2.0 JSON Schemas (src/test/resources/frictionless).
 */
class PublishedComparisonTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    static Path dir;

    private static Path samarinda;
    private static Path pontianak;

    @BeforeAll
    static void runTheTwoSampleCities() throws IOException {
        samarinda = copyCity("samarinda");
        pontianak = copyCity("pontianak");
        for (Path config : List.of(samarinda, pontianak)) {
            CliRunner.Result r = CliRunner.run("run", "-q", "-c", config.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
    }

    private static Path copyCity(String code) throws IOException {
        Path from = SAMPLES.resolve(code);
        Path to = dir.resolve("kota").resolve(code);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(p -> !from.relativize(p).startsWith("out")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to.resolve(code + ".yaml");
    }

    private static Path publication(Path config, String extension) {
        return config.getParent().resolve("out/sni37122-" + config.getParent().getFileName() + "-hasil." + extension);
    }

    /** Copies each city's CSV and JSON into a fresh folder that holds nothing else. */
    private Path publishedFolder(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("provinsi").resolve(name));
        for (Path config : List.of(samarinda, pontianak)) {
            for (String ext : List.of("csv", "json")) {
                Path p = publication(config, ext);
                Files.copy(p, folder.resolve(p.getFileName()));
            }
        }
        return folder;
    }

    @Test
    void thePublishedFiguresPoolExactlyAsTheWarehousesDo() throws Exception {
        CliRunner.Result fromConfigs = CliRunner.run("compare", "-c", samarinda.toString(), "-c", pontianak.toString(),
                "-o", dir.resolve("dari-gudang").toString());
        assertThat(fromConfigs.exitCode()).as(fromConfigs.err()).isZero();
        Path folder = publishedFolder("hasil");
        CliRunner.Result fromFolder = CliRunner.run("compare", "-c", folder.toString(), "-o", dir.resolve("dari-hasil").toString());
        assertThat(fromFolder.exitCode()).as(fromFolder.err()).isZero();
        // The CSV and JSON of one run are one publication: the JSON is read, the CSV named.
        assertThat(fromFolder.out()).contains("sni37122-samarinda-hasil.json dan ", "sni37122-samarinda-hasil.csv berasal dari proses yang sama");

        for (int year : List.of(2022, 2023)) {
            Map<String, List<Double>> warehouse = pooledRows(dir.resolve("dari-gudang/sni37122-gabungan-perbandingan-" + year + ".xlsx"));
            Map<String, List<Double>> published = pooledRows(dir.resolve("dari-hasil/sni37122-gabungan-perbandingan-" + year + ".xlsx"));
            assertThat(warehouse).containsOnlyKeys(List.of("10.1", "10.2", "10.3", "10.4"));
            assertThat(published).as("pooled value, numerator, denominator per indicator, " + year).isEqualTo(warehouse);
            // And they are the sums of what the two publications say, by each indicator's formula.
            Map<String, double[]> sums = sums(year);
            assertThat(published.get("10.1")).containsExactly(sums.get("10.1")[0] / sums.get("10.1")[1],
                    sums.get("10.1")[0], sums.get("10.1")[1]);
            assertThat(published.get("10.2")).containsExactly(100.0 * sums.get("10.2")[0] / sums.get("10.2")[1],
                    sums.get("10.2")[0], sums.get("10.2")[1]);
            assertThat(published.get("10.3")).containsExactly(sums.get("10.3")[0] / sums.get("10.3")[1] / 24,
                    sums.get("10.3")[0], sums.get("10.3")[1]);
            assertThat(published.get("10.4")).containsExactly(sums.get("10.4")[0] / sums.get("10.4")[1],
                    sums.get("10.4")[0], sums.get("10.4")[1]);
        }

        // A config and a publication mixed: the same figures again.
        CliRunner.Result mixed = CliRunner.run("compare", "-c", samarinda.toString(), "-c", publication(pontianak, "json").toString(),
                "-o", dir.resolve("campur").toString());
        assertThat(mixed.exitCode()).as(mixed.err()).isZero();
        assertThat(pooledRows(dir.resolve("campur/sni37122-gabungan-perbandingan-2023.xlsx")))
                .isEqualTo(pooledRows(dir.resolve("dari-gudang/sni37122-gabungan-perbandingan-2023.xlsx")));

        // The CSVs alone (no JSON twin) pool to the same figures: numerators and denominators keep every digit.
        Path csvOnly = Files.createDirectories(dir.resolve("provinsi/csv"));
        for (Path config : List.of(samarinda, pontianak)) {
            Files.copy(publication(config, "csv"), csvOnly.resolve(publication(config, "csv").getFileName()));
        }
        CliRunner.Result fromCsv = CliRunner.run("compare", "-c", csvOnly.toString(), "-o", dir.resolve("dari-csv").toString());
        assertThat(fromCsv.exitCode()).as(fromCsv.err()).isZero();
        assertThat(pooledRows(dir.resolve("dari-csv/sni37122-gabungan-perbandingan-2023.xlsx")))
                .isEqualTo(pooledRows(dir.resolve("dari-gudang/sni37122-gabungan-perbandingan-2023.xlsx")));
    }

    @Test
    void aProvinceConfigListsAFolderOfPublicationsAndFlagsWarningsAndLowCoverage() throws Exception {
        Path folder = publishedFolder("provinsi-kalimantan");
        // Samarinda's log misses 3 days of August 2023: 362 of 365 days, 99.18 %, under a 99.5 % threshold.
        Path province = Files.writeString(dir.resolve("provinsi/kalimantan.yaml"), """
                province: {code: kalimantan, name: Gabungan Kalimantan}
                cities: [provinsi-kalimantan/]
                output: banding-kalimantan/
                thresholds: {min_coverage_share: 0.995}
                """);
        CliRunner.Result r = CliRunner.run("compare", "-c", province.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> rows = sheetText(dir.resolve("provinsi/banding-kalimantan/sni37122-kalimantan-perbandingan-2023.xlsx"));
        assertThat(rows).anyMatch(row -> row.contains("|Kota Samarinda|826.5188544792813|6965.0|8.42691|")
                && row.endsWith("|Ada hari tanpa data log; nilai tidak diekstrapolasi (lihat cakupan); cakupan 99,2% di bawah ambang 99,5%"));
        assertThat(rows).anyMatch(row -> row.contains("|Kota Pontianak|839.8145642377249|5710.0|6.79912|") && row.endsWith("|"));
        assertThat(rows).anyMatch(row -> row.startsWith("|Gabungan Kalimantan (Kota Pontianak, Kota Samarinda)|"));
        assertThat(folder).isDirectory();
    }

    @Test
    void aChangedRuleIsNamedAndAnEditedPublicationIsRefused() throws Exception {
        Path folder = publishedFolder("berubah");
        // Pontianak counts inquiries only from now on, and publishes again.
        Files.move(folder.resolve("sni37122-pontianak-hasil.json"), folder.resolve("sni37122-pontianak-lama-hasil.json"));
        Files.delete(folder.resolve("sni37122-pontianak-hasil.csv"));
        Files.writeString(pontianak, Files.readString(pontianak).replace("count_kinds: [inquiry, complaint]", "count_kinds: [inquiry]"));
        CliRunner.Result report = CliRunner.run("report", "-q", "-c", pontianak.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        Files.copy(publication(pontianak, "json"), folder.resolve("sni37122-pontianak-hasil.json"));

        CliRunner.Result r = CliRunner.run("compare", "-c", folder.toString(), "-o", dir.resolve("beda-aturan").toString());
        assertThat(r.exitCode()).as("rules differ: finished, with the data-quality exit code").isEqualTo(ExitCode.DATA_QUALITY);
        assertThat(r.err()).contains("10.3 tahun 2023", "count_kinds: Kota Pontianak inquiry; Kota Samarinda inquiry+complaint");
        assertThat(r.err()).doesNotContain("10.1 tahun", "10.2 tahun", "10.4 tahun");
        // Both of Pontianak's publications are named, and the newer is used.
        assertThat(r.out()).contains("Kota Pontianak tahun 2023: dua publikasi dari proses berbeda; dipakai yang lebih baru, "
                + folder.resolve("sni37122-pontianak-hasil.json"), "bukan " + folder.resolve("sni37122-pontianak-lama-hasil.json"));
        List<String> rows = sheetText(dir.resolve("beda-aturan/sni37122-gabungan-perbandingan-2023.xlsx"));
        assertThat(rows).anyMatch(row -> row.startsWith("|Gabungan Kota Pontianak, Kota Samarinda|")
                && row.endsWith("|Aturan berbeda, jadi angka gabungan ini tidak sebanding: count_kinds"));
        assertThat(rows).contains("Aturan berbeda: count_kinds: Kota Pontianak inquiry; Kota Samarinda inquiry+complaint");

        // One digit of Samarinda's JSON changed by hand: refused, naming the file; nothing written.
        Path json = folder.resolve("sni37122-samarinda-hasil.json");
        String text = Files.readString(json);
        int at = text.indexOf("\"numerator\" : ") + "\"numerator\" : ".length();
        char digit = text.charAt(at);
        Files.writeString(json, text.substring(0, at) + (digit == '9' ? '8' : (char) (digit + 1)) + text.substring(at + 1));
        CliRunner.Result edited = CliRunner.run("compare", "-c", folder.toString(), "-o", dir.resolve("disunting").toString());
        assertThat(edited.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(edited.err()).contains(json + ": isinya tidak cocok dengan SHA-256 yang tertulis di dalamnya");
        assertThat(dir.resolve("disunting")).doesNotExist();
    }

    @Test
    void aCsvOpenedAndChangedInASpreadsheetIsRefusedToo() throws Exception {
        Path csv = publication(samarinda, "csv");
        Path copy = Files.createDirectories(dir.resolve("csv-disunting")).resolve(csv.getFileName());
        // Saved back by a spreadsheet: same cells, other line ends.
        Files.writeString(copy, Files.readString(csv, StandardCharsets.UTF_8).replace("\r\n", "\n"), StandardCharsets.UTF_8);
        assertThat(Files.mismatch(csv, copy)).isNotEqualTo(-1L);
        CliRunner.Result r = CliRunner.run("compare", "-c", copy.toString(), "-c", publication(pontianak, "json").toString(),
                "-o", dir.resolve("tidak").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(copy.toString(), "tidak cocok dengan SHA-256");
    }

    @Test
    void theOpenDataPackageOfASampleCityIsAValidDataPackage() throws Exception {
        Path out = dir.resolve("opendata-samarinda");
        CliRunner.Result r = CliRunner.run("report", "-q", "-c", samarinda.toString(), "--opendata", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode descriptor = json.readTree(out.resolve("datapackage.json").toFile());
        assertThat(errors("datapackage-2.0.json", descriptor)).isEmpty();
        assertThat(descriptor.get("licenses").get(0).get("name").asString()).isEqualTo("CC-BY-4.0");
        assertThat(descriptor.get("licenses").get(0).get("path").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(descriptor.get("sources").toString()).contains("\"portal: portal/access.log\"").doesNotContain(dir.toString());
        assertThat(descriptor.get("resources")).hasSize(4);
        JsonNode published = json.readTree(publication(samarinda, "json").toFile());
        for (JsonNode resource : descriptor.get("resources")) {
            assertThat(errors("tableschema-2.0.json", resource.get("schema"))).as(resource.get("name").asString()).isEmpty();
            Path csv = out.resolve(resource.get("path").asString());
            byte[] bytes = Files.readAllBytes(csv);
            assertThat(resource.get("bytes").asLong()).isEqualTo(bytes.length);
            assertThat(resource.get("hash").asString()).isEqualTo("sha256:" + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
            List<List<String>> rows = dataMatchingSchema(csv, resource.get("schema"));
            assertThat(rows).extracting(row -> row.get(1)).containsExactly("2022", "2023");
            // The figures are the publication's, every digit.
            String indicator = resource.get("name").asString().substring("sni37122-samarinda-".length());
            for (JsonNode p : published.get("results")) {
                if (p.get("indicator").asString().equals(indicator)) {
                    List<String> row = rows.get(p.get("year").asInt() - 2022);
                    assertThat(Double.parseDouble(row.get(2))).isEqualTo(p.get("value").asDouble());
                    assertThat(Double.parseDouble(row.get(3))).isEqualTo(p.get("numerator").asDouble());
                    assertThat(Double.parseDouble(row.get(4))).isEqualTo(p.get("denominator").asDouble());
                }
            }
        }
        JsonNode units = descriptor.get("resources").get(2).get("schema").get("fields");
        assertThat(units.get(3).get("unit").asString()).isEqualTo("hours");
        assertThat(units.get(4).get("unit").asString()).isEqualTo("inquiries");

        // The check can fail: a name with capitals and a resource without a path are refused.
        String broken = descriptor.toString().replace("\"name\":\"sni37122-samarinda\"", "\"name\":\"Sni37122 Samarinda\"")
                .replace("\"path\":\"sni37122-samarinda-10.1.csv\"", "\"paths\":\"sni37122-samarinda-10.1.csv\"");
        assertThat(errors("datapackage-2.0.json", json.readTree(broken))).isNotEmpty();
    }

    @Test
    void anOpenDataPackageNeedsALicenceInTheConfig() throws Exception {
        Path config = CliRunner.copyFixture("fixture-city", dir.resolve("tanpa-lisensi"), List.of("kota-uji.yaml", "access.log",
                "layanan.csv", "pengaduan.csv", "insiden.csv", "heartbeat.csv")).resolve("kota-uji.yaml");
        CliRunner.Result r = CliRunner.run("report", "-c", config.toString(), "--opendata", dir.resolve("od").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("tidak menyebut lisensi data; tambahkan opendata: {license: CC-BY-4.0}");
        assertThat(dir.resolve("od")).doesNotExist();
    }

    /** What the Frictionless profile (a test resource) says is wrong with {@code node}. */
    private static List<String> errors(String profile, JsonNode node) throws IOException {
        try (InputStream in = PublishedComparisonTest.class.getResourceAsStream("/frictionless/" + profile)) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
            return schema.validate(node).stream().map(e -> e.toString()).toList();
        }
    }

    /**
     * The CSV's rows, checked against its Table Schema: the header is the fields in order; each
     * cell is empty only where allowed, and else reads as its field's type; the primary key is
     * unique. (No Frictionless Java library is on Maven Central to do this for us.)
     */
    private static List<List<String>> dataMatchingSchema(Path csv, JsonNode schema) throws IOException {
        List<JsonNode> fields = new ArrayList<>();
        schema.get("fields").forEach(fields::add);
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        assertThat(rows.get(0)).containsExactlyElementsOf(fields.stream().map(f -> f.get("name").asString()).toList());
        List<List<String>> data = rows.subList(1, rows.size());
        for (List<String> row : data) {
            assertThat(row).hasSize(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                JsonNode f = fields.get(i);
                String cell = row.get(i);
                if (cell.isEmpty()) {
                    assertThat(f.path("constraints").path("required").asBoolean(false)).as(f.get("name") + " required").isFalse();
                    continue;
                }
                switch (f.get("type").asString()) {
                    case "number" -> assertThat(new java.math.BigDecimal(cell)).as(f.get("name").asString()).isNotNull();
                    case "year" -> assertThat(cell).matches("\\d{4}");
                    case "datetime" -> assertThat(java.time.Instant.parse(cell)).isNotNull();
                    default -> assertThat(f.get("type").asString()).isEqualTo("string");
                }
                if (f.path("constraints").has("maximum")) {
                    assertThat(Double.parseDouble(cell)).isBetween(f.get("constraints").get("minimum").asDouble(),
                            f.get("constraints").get("maximum").asDouble());
                }
            }
        }
        int key = fields.stream().map(f -> f.get("name").asString()).toList().indexOf(schema.get("primaryKey").get(0).asString());
        assertThat(data.stream().map(row -> row.get(key)).distinct().count()).isEqualTo(data.size());
        return data;
    }

    /** Per indicator, the pooled row's value, numerator and denominator, read from the workbook's cells. */
    private static Map<String, List<Double>> pooledRows(Path xlsx) throws IOException {
        Map<String, List<Double>> pooled = new TreeMap<>();
        try (InputStream in = Files.newInputStream(xlsx); Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheet("Perbandingan");
            String indicator = null;
            for (Row row : sheet) {
                String first = row.getCell(0) == null ? "" : row.getCell(0).toString();
                if (first.matches("10\\.\\d .*")) {
                    indicator = first.substring(0, 4);
                }
                boolean numeric = row.getCell(2) != null && row.getCell(2).getCellType() == CellType.NUMERIC;
                boolean unranked = row.getCell(0) == null || row.getCell(0).getCellType() == CellType.BLANK;
                if (indicator != null && numeric && unranked) {
                    pooled.put(indicator, List.of(row.getCell(2).getNumericCellValue(), row.getCell(3).getNumericCellValue(),
                            row.getCell(4).getNumericCellValue()));
                }
            }
        }
        return pooled;
    }

    /** Every row of the comparison sheet as "|cell|cell|…". */
    private static List<String> sheetText(Path xlsx) throws IOException {
        List<String> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); Workbook book = WorkbookFactory.create(in)) {
            for (Row row : book.getSheet("Perbandingan")) {
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    sb.append(c == 0 ? "" : "|").append(row.getCell(c) == null ? "" : row.getCell(c).toString());
                }
                rows.add(sb.toString());
            }
        }
        return rows;
    }

    /** Per indicator, the two cities' numerators and denominators summed, straight from their JSON. */
    private Map<String, double[]> sums(int year) throws IOException {
        Map<String, double[]> sums = new TreeMap<>();
        for (Path config : List.of(samarinda, pontianak)) {
            JsonNode root = JsonMapper.builder().build().readTree(publication(config, "json").toFile());
            for (JsonNode r : root.get("results")) {
                if (r.get("year").asInt() == year) {
                    double[] s = sums.computeIfAbsent(r.get("indicator").asString(), k -> new double[2]);
                    s[0] += r.get("numerator").asDouble();
                    s[1] += r.get("denominator").asDouble();
                }
            }
        }
        assertThat(sums.keySet()).containsExactlyElementsOf(Indicators.all().stream().map(i -> i.code()).toList());
        return sums;
    }
}
