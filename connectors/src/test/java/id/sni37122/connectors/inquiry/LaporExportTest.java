package id.sni37122.connectors.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
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

/**
 * The real SP4N-LAPOR! admin export and a follow-up history. The export's shape is as the facts
 * in {@code ../shared/data/real/README.md} give it from public code that imports it: a title block
 * (report name, agency, generation date), a header starting with {@code Tracking ID},
 * {@code Tanggal Laporan Masuk} ("3 Jan 2026") beside {@code Waktu Laporan Masuk} ("08:15:22"),
 * Klasifikasi Laporan, Kategori, Sumber Laporan, Instansi Terdisposisi, Status Laporan, and no
 * column with a follow-up or completion time.
 */
class LaporExportTest {

    /** A WITA city: SP4N-LAPOR! still writes WIB. */
    private static final CityContext CITY = new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Makassar"));

    static final String[] HEADER = {"Tracking ID", "Tanggal Laporan Masuk", "Waktu Laporan Masuk", "Judul Laporan", "Isi Laporan",
            "Nama Pelapor", "Klasifikasi Laporan", "Kategori", "Sumber Laporan", "Instansi Terdisposisi", "Status Laporan"};

    @TempDir
    Path dir;

    private FileOutcome load(String name, String format, ZoneId zone) throws Exception {
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            return new Ingestor(w, CITY, Map.of(), new byte[32])
                    .ingest(List.of(new SourceSpec("inquiries", name, dir, format, zone, Map.of(), Map.of())), null).files().get(0);
        }
    }

    private List<String> query(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb")); Statement s = w.connection().createStatement();
             ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(r.getString(i));
                }
                out.add(String.join(" | ", cells));
            }
        }
        return out;
    }

    /** Text cells as the export writes them, one row with real Excel date and time cells, and the personal columns filled. */
    private void writeExport(Path file) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Laporan");
            sheet.createRow(0).createCell(0).setCellValue("Laporan Pengaduan SP4N-LAPOR!");
            sheet.createRow(1).createCell(0).setCellValue("Instansi: Pemerintah Kota Uji");
            sheet.createRow(2).createCell(0).setCellValue("Tanggal Unduh: 5 Feb 2026 10:00");
            Row h = sheet.createRow(4);
            for (int i = 0; i < HEADER.length; i++) {
                h.createCell(i).setCellValue(HEADER[i]);
            }
            Object[][] rows = {
                    {"4471001", "3 Jan 2026", "08:15:22", "Jalan berlubang", "Lubang di depan rumah Siti Aminah", "Siti Aminah",
                            "Pengaduan", "Infrastruktur", "Website", "Dinas PUPR", "Selesai"},
                    {"4471002", "3 Jan 2026", "23:50:00", "Beasiswa", "Mohon info beasiswa, Budi Santoso 081299998888", "Budi Santoso",
                            "Aspirasi", "Pendidikan", "Aplikasi Mobile", "Dinas Pendidikan", "Diproses"},
                    {"4471003", LocalDateTime.of(2026, 1, 10, 0, 0), 9.0 / 24, "Keributan", "Rahmat Hidayat melapor", "Rahmat Hidayat",
                            "Permintaan Informasi", "Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat", "SMS 1708",
                            "Satpol PP", "Selesai"}};
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("d mmm yyyy"));
            CellStyle time = book.createCellStyle();
            time.setDataFormat(book.createDataFormat().getFormat("hh:mm:ss"));
            int r = 5;
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] instanceof LocalDateTime t) {
                        row.createCell(i).setCellValue(t);
                        row.getCell(i).setCellStyle(date);
                    } else if (values[i] instanceof Double d) {
                        row.createCell(i).setCellValue(d);
                        row.getCell(i).setCellStyle(time);
                    } else {
                        row.createCell(i).setCellValue(values[i].toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
    }

    @Test
    void theRealExportIsReadToTheSecondInWibAndSaysItHoldsNoResponseTime() throws Exception {
        writeExport(dir.resolve("lapor.xlsx"));
        FileOutcome outcome = load("lapor.xlsx", "lapor", null);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.rowsLoaded()).isEqualTo(3);
        // 3 Jan 08:15:22 WIB is 01:15:22 UTC; 23:50 WIB is 16:50 UTC; an Excel date cell beside an Excel time cell (9:00) too.
        assertThat(query("SELECT ticket, kind, channel, category, agency, status, strftime(submitted_at, '%Y-%m-%d %H:%M:%S'), "
                + "first_response_at, closed_at FROM inquiry ORDER BY ticket")).containsExactly(
                "4471001 | complaint | Website | Infrastruktur | Dinas PUPR | Selesai | 2026-01-03 01:15:22 | null | null",
                "4471002 | inquiry | Aplikasi Mobile | Pendidikan | Dinas Pendidikan | Diproses | 2026-01-03 16:50:00 | null | null",
                "4471003 | inquiry | SMS 1708 | Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat | Satpol PP | Selesai "
                        + "| 2026-01-10 02:00:00 | null | null");
        // Said at load, naming the file, the columns that would serve, and the follow-up file that can be added.
        assertThat(outcome.note()).contains("lapor.xlsx", "Tanggal Tindak Lanjut", "format: responses");
        assertThat(outcome.details()).containsEntry("no_response_columns", true);
        // Judul, Isi Laporan and Nama Pelapor are never read.
        assertThat(query("SELECT count(*) FROM inquiry WHERE concat_ws('|', ticket, channel, category, agency, status) "
                + "SIMILAR TO '.*(Siti|Budi|Rahmat|0812|berlubang|Beasiswa).*'")).containsExactly("0");
    }

    @Test
    void followUpsAreStoredByTicketWithTheirTimeAndNeverTheirText() throws Exception {
        Files.writeString(dir.resolve("tindak-lanjut.csv"), """
                Riwayat Tindak Lanjut SP4N-LAPOR!
                Tracking ID,Tanggal Tindak Lanjut,Waktu Tindak Lanjut,Isi Tindak Lanjut,Petugas
                4471001,3 Jan 2026,09:45:22,"Diteruskan ke Dinas PUPR, hubungi Siti Aminah",Andi
                4471001,5 Jan 2026,08:15:22,Perbaikan selesai,Andi
                4471002,4 Jan 2026,25:10:00,Jawaban,Dewi
                ,4 Jan 2026,10:00:00,Tanpa tiket,Dewi
                """);
        FileOutcome outcome = load("tindak-lanjut.csv", "responses", ZoneId.of("Asia/Jakarta"));
        assertThat(outcome.error()).isNull();
        assertThat(outcome.rowsRead()).isEqualTo(4);
        assertThat(outcome.rowsLoaded()).isEqualTo(2);
        assertThat(outcome.rejectExamples()).extracting(x -> x.line() + " " + x.column() + " " + x.reason())
                .containsExactly("5 Waktu Tindak Lanjut inquiry.bad_time", "6 Tracking ID connectors.required_missing");
        assertThat(query("SELECT ticket, line, strftime(responded_at, '%Y-%m-%d %H:%M:%S') FROM inquiry_followup ORDER BY line"))
                .containsExactly("4471001 | 3 | 2026-01-03 02:45:22", "4471001 | 4 | 2026-01-05 01:15:22");
        assertThat(query("SELECT count(*) FROM inquiry_followup WHERE ticket LIKE '%Siti%' OR ticket LIKE '%Andi%'")).containsExactly("0");
    }

    @Test
    void theReadSettingsRecordTheZoneTheTimesWereReadIn() throws Exception {
        // A lapor file is read in WIB for this WITA city: the record says WIB, so that giving the source
        // `timezone: Asia/Jakarta` later changes nothing, and giving it WITA reloads the file.
        writeExport(dir.resolve("lapor.xlsx"));
        load("lapor.xlsx", "lapor", null);
        assertThat(query("SELECT json_extract_string(read_settings, '$.timezone') FROM source_file")).containsExactly("Asia/Jakarta");
        assertThat(load("lapor.xlsx", "lapor", ZoneId.of("Asia/Jakarta")).status()).isEqualTo(FileOutcome.Status.SKIPPED);
        FileOutcome wita = load("lapor.xlsx", "lapor", ZoneId.of("Asia/Makassar"));
        assertThat(wita.status()).isEqualTo(FileOutcome.Status.REPLACED);
        assertThat(wita.note()).contains("Asia/Jakarta", "Asia/Makassar");
        // Follow-ups and a city's own export keep the city's zone unless the source names one.
        assertThat(new InquiryConnector().readSettings(new SourceSpec("inquiries", "t.csv", dir, "responses", null, Map.of(), Map.of()),
                "responses", CITY.zone())).containsEntry("timezone", "Asia/Makassar");
    }
}
