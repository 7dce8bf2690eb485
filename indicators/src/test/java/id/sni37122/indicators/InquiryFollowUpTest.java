package id.sni37122.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.SourceSpec;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10.3 from the real SP4N-LAPOR! export (its shape as in {@code ../shared/data/real/README.md}: title
 * block, {@code Tracking ID}, date and time of submission in two columns, no response time) and a
 * follow-up history joined by ticket. Every figure is worked out by hand in the comments.
 */
class InquiryFollowUpTest {

    @TempDir
    Path dir;

    /** Submissions in WIB, as SP4N-LAPOR! writes them; the test city is WITA. */
    private static final String[][] REPORTS = {
            {"4471001", "3 Jan 2026", "08:15:22", "Pengaduan", "Infrastruktur", "Website", "Dinas PUPR", "Selesai"},
            {"4471002", "3 Jan 2026", "23:50:00", "Aspirasi", "Pendidikan", "Aplikasi Mobile", "Dinas Pendidikan", "Selesai"},
            {"4471003", "10 Jan 2026", "09:00:00", "Permintaan Informasi", "Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat",
                    "SMS 1708", "Satpol PP", "Selesai"},
            {"4471004", "12 Jan 2026", "14:30:00", "Pengaduan", "Kekerasan di Satuan Pendidikan", "Twitter", "Dinas Pendidikan", "Selesai"},
            {"4471005", "20 Jan 2026", "10:00:00", "Pengaduan", "Lingkungan Hidup", "Website", "DLH", "Menunggu Verifikasi"}};

    private static final String FOLLOWUPS = """
            Tracking ID,Tanggal Tindak Lanjut,Waktu Tindak Lanjut,Isi Tindak Lanjut
            4471001,5 Jan 2026,08:15:22,Perbaikan selesai
            4471001,3 Jan 2026,09:45:22,Diteruskan ke Dinas PUPR
            4471002,4 Jan 2026,00:20:00,Informasi beasiswa dikirim
            4471003,10 Jan 2026,08:00:00,Catatan sebelum laporan masuk
            4471003,11 Jan 2026,09:00:00,Sudah ditertibkan
            4471004,14 Jan 2026,14:30:00,Ditangani
            9999999,15 Jan 2026,10:00:00,Tiket dari ekspor lain
            """;

    private Path writeExport() throws Exception {
        Path file = dir.resolve("lapor-2026.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Laporan");
            sheet.createRow(0).createCell(0).setCellValue("Laporan Pengaduan SP4N-LAPOR!");
            sheet.createRow(1).createCell(0).setCellValue("Instansi: Pemerintah Kota Uji");
            sheet.createRow(2).createCell(0).setCellValue("Tanggal Unduh: 5 Feb 2026 10:00");
            String[] header = {"Tracking ID", "Tanggal Laporan Masuk", "Waktu Laporan Masuk", "Judul Laporan", "Isi Laporan", "Nama Pelapor",
                    "Klasifikasi Laporan", "Kategori", "Sumber Laporan", "Instansi Terdisposisi", "Status Laporan"};
            Row h = sheet.createRow(4);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < REPORTS.length; r++) {
                String[] v = REPORTS[r];
                String[] cells = {v[0], v[1], v[2], "Judul " + r, "Isi laporan " + r, "Warga " + r, v[3], v[4], v[5], v[6], v[7]};
                Row row = sheet.createRow(5 + r);
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        return file;
    }

    @Test
    void theExportAloneGivesNoFigureAndSaysWhy() throws Exception {
        writeExport();
        try (TestCity city = new TestCity(dir)) {
            FileOutcome outcome = city.load(new SourceSpec("inquiries", "lapor-2026.xlsx", dir, "lapor", null, Map.of(), Map.of()));
            assertThat(outcome.note()).contains("lapor-2026.xlsx", "format: responses");
            IndicatorResult r = city.compute(new InquiryResponseTime(), 2026);
            assertThat(r.value()).isNull();
            assertThat(r.denominator()).isZero();
            assertThat(r.details()).containsEntry("records", 5).containsEntry("unanswered", 5L)
                    .containsEntry("no_response_files", "lapor-2026.xlsx");
            assertThat(r.warnings()).contains("warning.no_response_time");
            assertThat(IndicatorLabels.of(InquiryResponseTime.class).get("warning.no_response_time"))
                    .contains("Tanggal Tindak Lanjut", "format: responses");
        }
    }

    @Test
    void followUpsJoinedByTicketGiveTheFirstResponseToTheMinute() throws Exception {
        writeExport();
        Files.writeString(dir.resolve("tindak-lanjut.csv"), FOLLOWUPS);
        try (TestCity city = new TestCity(dir)) {
            // The follow-up file first: the join is made when 10.3 is computed, so load order does not matter.
            city.load(new SourceSpec("inquiries", "tindak-lanjut.csv", dir, "responses", ZoneId.of("Asia/Jakarta"), Map.of(), Map.of()));
            city.load(new SourceSpec("inquiries", "lapor-2026.xlsx", dir, "lapor", null, Map.of(), Map.of()));
            IndicatorResult r = city.compute(new InquiryResponseTime(), 2026);
            // 4471001: 08:15:22 -> 09:45:22 the same day = 1.5 h (the later follow-up on 5 Jan is not the first).
            // 4471002: 3 Jan 23:50 -> 4 Jan 00:20 = 0.5 h (at midnight, had the time column been dropped, it would be 24.33 h).
            // 4471003: the 08:00 follow-up is before the 09:00 submission and is ignored; 11 Jan 09:00 = 24 h.
            //          Its category (Ketertiban Umum) is no emergency on SP4N-LAPOR!, and Permintaan Informasi is an inquiry.
            // 4471004: 48 h; "Kekerasan di Satuan Pendidikan" is not an emergency either.
            // 4471005: no follow-up: unanswered.
            // Total 74 h over 4 answered = 18.5 h = 0.7708333 days.
            assertThat(r.numerator()).isCloseTo(74.0, within(1e-9));
            assertThat(r.denominator()).isEqualTo(4);
            assertThat(r.value()).isCloseTo(74.0 / 4 / 24, within(1e-12));
            assertThat(r.details()).containsEntry("records", 5).containsEntry("unanswered", 1L).containsEntry("by_closure", 0L)
                    .containsEntry("by_followup", 4L).containsEntry("excluded_emergency", 0L)
                    .containsEntry("kind_complaint", 3L).containsEntry("kind_inquiry", 2L)
                    .containsEntry("followups_before_submission", 1L)
                    .containsEntry("followups_unknown_ticket", "tindak-lanjut.csv: 1")
                    .doesNotContainKey("no_response_files").doesNotContainKey("kind_emergency");
            assertThat(r.warnings()).contains("warning.unanswered", "warning.followups_before_submission",
                    "warning.followups_unknown_ticket").doesNotContain("warning.no_response_time", "warning.by_closure");
            // Cut-off: the latest moment known, 4471005's submission (20 Jan 10:00 WIB), so it has been open 0 h: 74 h over 5.
            assertThat((Double) r.details().get("lower_bound_days")).isCloseTo(74.0 / 5 / 24, within(1e-12));

            // Aspirasi (0.5 h) and Permintaan Informasi (24 h) are the inquiries.
            IndicatorResult inquiries = city.compute(new InquiryResponseTime(), 2026, Map.of("count_kinds", List.of("inquiry")));
            assertThat(inquiries.denominator()).isEqualTo(2);
            assertThat(inquiries.numerator()).isCloseTo(24.5, within(1e-9));
        }
    }

    @Test
    void aCityExportWithItsOwnResponseColumnNameIsReadAsAResponse() throws Exception {
        // The case: "Tanggal Tanggapan" used to be unknown, so the row was read closure-only (2,67 instead of 1,05).
        try (TestCity city = new TestCity(dir)) {
            city.load("inquiries", "pengaduan.csv", null, """
                    No Tiket,Tanggal Laporan,Kategori,Tanggal Tanggapan,Tanggal Selesai
                    A-1,02/03/2026 08:00,Jalan Rusak,03/03/2026 08:00,05/03/2026 08:00
                    """);
            IndicatorResult r = city.compute(new InquiryResponseTime(), 2026);
            assertThat(r.value()).isEqualTo(1.0);
            assertThat(r.details()).containsEntry("by_closure", 0L);
        }
    }
}
