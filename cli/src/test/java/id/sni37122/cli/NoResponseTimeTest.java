package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SP4N-LAPOR! export alone (its real header: Tracking ID, date and time of submission, no
 * response time) with an unanswered-share threshold: the run says in the terminal which file holds no
 * response time and that a follow-up file can be added, and exits 3. With the follow-up file it passes.
 */
class NoResponseTimeTest {

    @TempDir
    Path dir;

    private Path city(String sources) throws Exception {
        Files.writeString(dir.resolve("lapor.csv"), """
                Laporan Pengaduan SP4N-LAPOR!
                Tracking ID,Tanggal Laporan Masuk,Waktu Laporan Masuk,Nama Pelapor,Klasifikasi Laporan,Kategori,Sumber Laporan,Instansi Terdisposisi,Status Laporan
                4471001,3 Mar 2025,08:15:22,Siti Aminah,Pengaduan,Infrastruktur,Website,Dinas PUPR,Selesai
                4471002,4 Mar 2025,09:00:00,Budi Santoso,Aspirasi,Pendidikan,Website,Dinas Pendidikan,Selesai
                """);
        Files.writeString(dir.resolve("tindak-lanjut.csv"), """
                Tracking ID,Tanggal Tindak Lanjut,Waktu Tindak Lanjut
                4471001,3 Mar 2025,20:15:22
                4471002,5 Mar 2025,09:00:00
                """);
        Path config = dir.resolve("kota.yaml");
        Files.writeString(config, """
                city: {code: kotauji, name: Kota Uji, timezone: Asia/Jakarta}
                sources:
                  inquiries: %s
                output: out/
                secret_file: visitor.key
                language: id
                thresholds: {max_unanswered_share: 0.2}
                """.formatted(sources));
        return config;
    }

    @Test
    void theExportAloneSaysWhyAndExits3() throws Exception {
        Path config = city("[{path: lapor.csv, format: lapor}]");
        CliRunner.Result r = CliRunner.run("run", "-c", config.toString(), "--year", "2025");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
        String all = r.out() + r.err();
        assertThat(all).contains("lapor.csv tidak memuat waktu tanggapan", "format: responses", "Tanggal Tindak Lanjut",
                "2025: 10.3 tidak dapat dihitung karena lapor.csv");
        assertThat(all).doesNotContain("Siti", "Budi");
    }

    @Test
    void withItsFollowUpHistoryTheFigureIsThere() throws Exception {
        Path config = city("[{path: lapor.csv, format: lapor}, {path: tindak-lanjut.csv, format: responses}]");
        CliRunner.Result r = CliRunner.run("run", "-c", config.toString(), "--year", "2025");
        // 08:15:22 to 20:15:22 is 12 h, 4 Mar 09:00 to 5 Mar 09:00 is 24 h: 18 h = 0,75 days.
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("2025   10.3        0,75         36         2  hari");
    }
}
