package id.sni37122.connectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalogues as Diskominfo and the Bagian Organisasi really keep them. */
class CatalogConnectorTest {

    private static final CityContext CITY = new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Pontianak"));

    @TempDir
    Path dir;

    private FileOutcome load(Path file, Map<String, Object> options) throws Exception {
        try (Warehouse w = Warehouse.open(dir.resolve("uji.duckdb"))) {
            return new Ingestor(w, CITY, Map.of(), new byte[32])
                    .ingest(List.of(new SourceSpec("catalog", file.getFileName().toString(), dir, null, null, Map.of(), options)), null)
                    .files().get(0);
        }
    }

    /** code, online, online_source, level, valid_to of every loaded service, by code. */
    private List<String> services() throws Exception {
        List<String> out = new ArrayList<>();
        try (Warehouse w = Warehouse.open(dir.resolve("uji.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT code, online, online_source, level, valid_to, agency FROM catalog_service ORDER BY code")) {
            while (r.next()) {
                out.add(r.getString(1) + " " + r.getBoolean(2) + " " + r.getString(3) + " " + r.getString(4) + " " + r.getString(5)
                        + " " + r.getString(6));
            }
        }
        return out;
    }

    @Test
    void xlsxWithATitleBlockIndonesianHeadersAndRealDateCells() throws Exception {
        Path file = dir.resolve("layanan.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Layanan");
            sheet.createRow(0).createCell(0).setCellValue("DAFTAR LAYANAN PUBLIK KOTA UJI");
            sheet.createRow(1).createCell(0).setCellValue("Tahun 2023");
            Row h = sheet.createRow(3);
            String[] headers = {"No.", "Kode", "Nama Layanan", "Perangkat Daerah/OPD", "Bidang", "Tingkat Layanan", "Daring", "Mulai", "Berakhir"};
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            Object[][] rows = {
                    {1, "DPM-01", "Perizinan Berusaha", "DPMPTSP", "izin", "Transaksi", "Ya", LocalDate.of(2019, 1, 1), null},
                    {2, "DUK-01", "Legalisir", "Disdukcapil", "lainnya", "Informasi", "Tidak", LocalDate.of(2010, 1, 1), LocalDate.of(2023, 6, 30)}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(4 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else if (v instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        FileOutcome outcome = load(file, Map.of());
        assertThat(outcome.error()).isNull();
        assertThat(outcome.rowsLoaded()).isEqualTo(2);
        assertThat(services()).containsExactly("DPM-01 true flag transaksi null DPMPTSP", "DUK-01 false flag informasi 2023-06-30 Disdukcapil");
    }

    @Test
    void semicolonWindows1252CsvWithEveryFlagSpellingAndTheLevelFallback() throws Exception {
        String csv = "Kode;Nama Layanan;Perangkat Daerah;Tingkat Layanan;Daring\n"
                + "A;Layanan Ibu – Anak;Dinkes;;Ya\n"
                + "B;Dua;X;;Y\n"
                + "C;Tiga;X;;✓\n"
                + "D;Empat;X;;1\n"
                + "E;Lima;X;;true\n"
                + "F;Enam;X;;Tidak\n"
                + "G;Tujuh;X;;N\n"
                + "H;Delapan;X;;0\n"
                + "I;Sembilan;X;Transaksi;\n"
                + "J;Sepuluh;X;Interaksi;\n"
                + "K;Sebelas;X;;mungkin\n";
        // ✓ has no Windows-1252 code: that row is written as UTF-8 in its own file below.
        Path file = dir.resolve("layanan.csv");
        Files.write(file, csv.replace("C;Tiga;X;;✓\n", "").getBytes(Charset.forName("windows-1252")));
        FileOutcome outcome = load(file, Map.of());
        assertThat(outcome.rowsLoaded()).isEqualTo(9);
        assertThat(outcome.rejectExamples()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(11);
            assertThat(x.column()).isEqualTo("Daring");
            assertThat(x.reason()).isEqualTo("connectors.bad_flag");
        });
        assertThat(services()).containsExactly(
                "A true flag null null Dinkes", "B true flag null null X", "D true flag null null X", "E true flag null null X",
                "F false flag null null X", "G false flag null null X", "H false flag null null X",
                "I true level transaksi null X", "J false level interaksi null X");

        Path tick = Files.writeString(dir.resolve("centang.csv"), "Kode,Nama Layanan,Daring\nC,Tiga,✓\n");
        assertThat(load(tick, Map.of()).rowsLoaded()).isEqualTo(1);
        assertThat(services()).contains("C true flag null null null");
    }

    @Test
    void yamlCatalogueAndAGivenHeaderRow() throws Exception {
        Path yaml = Files.writeString(dir.resolve("layanan.yaml"), """
                services:
                  - {code: Y-1, name: Satu, agency: Diskominfo, online: ya}
                  - code: Y-2
                    name: Dua
                    level: Kolaborasi
                  - {code: Y-1, name: Tiga, online: tidak}
                """);
        FileOutcome outcome = load(yaml, Map.of());
        assertThat(outcome.error()).isNull();
        assertThat(outcome.rowsLoaded()).isEqualTo(2);
        assertThat(outcome.rejectExamples()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(6); // the duplicate starts on line 6
            assertThat(x.detail()).isEqualTo("Y-1 (2)");
        });
        assertThat(services()).containsExactly("Y-1 true flag null null Diskominfo", "Y-2 true level kolaborasi null null");

        // Row 1 also names "Kode" and "Nama Layanan"; header_row says the real header is row 2.
        Path csv = Files.writeString(dir.resolve("dua-judul.csv"), "Kode,Nama Layanan,Daring\nKode,Nama Layanan,Daring\nZ,Zet,Ya\n");
        assertThat(load(csv, Map.of("header_row", 2)).rowsLoaded()).isEqualTo(1);
    }
}
