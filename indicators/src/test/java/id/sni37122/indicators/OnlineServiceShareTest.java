package id.sni37122.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnlineServiceShareTest {

    @TempDir
    Path dir;

    private static final String HEADER = "code,name,agency,area,online,level,url,valid_from,valid_to\n";

    @Test
    void workedExampleTwentyOfThirtyIs66point7Percent() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 30; i++) {
            csv.append("L-").append(i).append(",Layanan ").append(i).append(",OPD ").append(i % 3).append(",lainnya,")
                    .append(i <= 20 ? "Ya" : "Tidak").append(",,,,\n");
        }
        try (TestCity city = new TestCity(dir)) {
            city.load("catalog", "layanan.csv", null, csv.toString());
            IndicatorResult r = city.compute(new OnlineServiceShare(), 2023);
            assertThat(r.numerator()).isEqualTo(20);
            assertThat(r.denominator()).isEqualTo(30);
            assertThat(r.value()).isCloseTo(66.7, within(0.05));
        }
    }

    @Test
    void flagsLevelFallbackAndServicesClosedMidYear() throws Exception {
        String csv = HEADER
                + "A,Satu,DPMPTSP,izin dan lisensi,Y,,,,\n"          // online (Y)
                + "B,Dua,DPMPTSP,izin dan lisensi,✓,,,,\n"           // online (✓)
                + "C,Tiga,Disdukcapil,lainnya,1,,,,\n"               // online (1)
                + "D,Empat,Disdukcapil,lainnya,,Kolaborasi,,,\n"     // no flag: Kolaborasi >= Transaksi, online
                + "E,Lima,Dinas PUPR,bangunan,,Interaksi,,,\n"       // no flag: Interaksi < Transaksi, not online
                + "F,Enam,Dinas PUPR,bangunan,Tidak,Transaksi,,,\n"  // the flag wins over the level
                + "G,Tujuh,DLH,sampah,Ya,,,2015-01-01,2023-06-30\n"  // closed mid-2023: offered in 2023
                + "H,Delapan,DLH,sampah,Ya,,,2015-01-01,2022-12-31\n" // closed before 2023: not counted
                + "I,Sembilan,DLH,sampah,Tidak,,,2024-01-01,\n";      // opens in 2024: not counted
        try (TestCity city = new TestCity(dir)) {
            city.load("catalog", "layanan.csv", null, csv);
            IndicatorResult r = city.compute(new OnlineServiceShare(), 2023);
            assertThat(r.denominator()).isEqualTo(7);
            assertThat(r.numerator()).isEqualTo(5); // A B C D G
            assertThat(r.details()).containsEntry("online_by_level", 2L); // D and E judged by level
            assertThat(r.breakdown("by_agency").rows()).contains(java.util.List.of("Dinas PUPR", 2L, 0L, 0.0));
            assertThat(r.breakdown("not_online").rows()).extracting(row -> row.get(1)).containsExactly("E", "F");
        }
    }

    @Test
    void aDuplicateCodeIsRejectedNamingTheFirstRow() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            var outcome = city.load("catalog", "layanan.csv", null, HEADER + "A,Satu,X,lainnya,Ya,,,,\nA,Dua,X,lainnya,Tidak,,,,\n");
            assertThat(outcome.rowsLoaded()).isEqualTo(1);
            assertThat(outcome.rejectExamples()).singleElement()
                    .satisfies(x -> assertThat(x.line()).isEqualTo(3))
                    .satisfies(x -> assertThat(x.detail()).isEqualTo("A (2)"));
        }
    }

    @Test
    void servicesMapToTheIsoServiceAreasByKeyword() throws Exception {
        String csv = HEADER
                + "A,Permintaan Angkutan Sampah,DLH,,Ya,,,,\n"                  // name: sampah
                + "B,e-SPPT dan Pembayaran PBB,Bapenda,,Ya,,,,\n"               // name: pbb
                + "C,Uji KIR Kendaraan,Dishub,Perhubungan,Ya,,,,\n"             // area column: perhubungan
                + "D,Antrean Disdukcapil,Disdukcapil,,Tidak,,,,\n"              // nothing matches: lainnya
                + "E,Izin Reklame,DPMPTSP,izin dan lisensi,Tidak,,,,\n"         // already an ISO area
                + "F,Katalog Perpustakaan,Perpustakaan,,Tidak,,,,\n";
        try (TestCity city = new TestCity(dir)) {
            city.load("catalog", "layanan.csv", null, csv);
            IndicatorResult r = city.compute(new OnlineServiceShare(), 2023);
            assertThat(r.breakdown("by_area").rows()).extracting(row -> row.get(0) + "=" + row.get(1)).containsExactly(
                    "izin dan lisensi=1", "jalan dan lalu lintas=1", "lainnya=2", "pajak properti dan utilitas=1", "sampah dan daur ulang=1");

            IndicatorResult configured = city.compute(new OnlineServiceShare(), 2023,
                    java.util.Map.of("area_keywords", java.util.Map.of("kebijakan, proyek dan inisiatif", java.util.List.of("perpustakaan"))));
            assertThat(configured.breakdown("by_area").rows()).extracting(row -> row.get(0) + "=" + row.get(1))
                    .contains("kebijakan, proyek dan inisiatif=1", "lainnya=1");
        }
    }
}
