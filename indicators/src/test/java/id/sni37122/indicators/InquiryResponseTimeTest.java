package id.sni37122.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InquiryResponseTimeTest {

    @TempDir
    Path dir;

    private static final String HEADER = "id,channel,category,kind,submitted_at,first_response_at,closed_at,agency,status\n";

    @Test
    void workedExample240HoursOver20InquiriesIsHalfADay() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 20; i++) {
            String day = String.format("2023-03-%02d", i);
            csv.append("Q-").append(i).append(",Website,Informasi,inquiry,").append(day).append("T08:00:00+08:00,")
                    .append(day).append("T20:00:00+08:00,,Diskominfo,Selesai\n");
        }
        try (TestCity city = new TestCity(dir)) {
            city.load("inquiries", "pengaduan.csv", null, csv.toString());
            IndicatorResult r = city.compute(new InquiryResponseTime(), 2023);
            assertThat(r.numerator()).isEqualTo(240);
            assertThat(r.denominator()).isEqualTo(20);
            assertThat(r.value()).isEqualTo(0.5);
        }
    }

    @Test
    void emergenciesByCategoryUnansweredClosureAndLocalYear() throws Exception {
        String csv = HEADER
                // 112 takes non-emergency requests too: the category decides.
                + "A,Call Center 112,Permintaan Pembuangan Sampah,,2023-02-01T08:00:00+08:00,2023-02-02T08:00:00+08:00,,DLH,Selesai\n"
                + "B,Call Center 112,Kebakaran,,2023-02-01T09:00:00+08:00,2023-02-01T09:05:00+08:00,,Damkar,Selesai\n"
                // Only the closure is known: 48 h, used and reported.
                + "C,Aplikasi,Jalan Rusak,,2023-03-01T08:00:00+08:00,,2023-03-03T08:00:00+08:00,PUPR,Selesai\n"
                // Unanswered: left out, counted up to the cut-off (the latest time in the data) in the lower bound.
                + "D,WhatsApp,Informasi,,2023-12-30T08:00:00+08:00,,,Diskominfo,Diproses\n"
                // 31 Dec 23:30 WITA is 2023 locally although 15:30 UTC; answered 30 min later, in 2024.
                + "E,Website,Informasi,,2023-12-31 23:30,2024-01-01 00:00,,Diskominfo,Selesai\n"
                + "F,Website,Informasi,,2023-12-31T08:00:00+08:00,2023-12-31T08:00:00+08:00,,Diskominfo,Selesai\n";
        try (TestCity city = new TestCity(dir)) {
            city.load("inquiries", "pengaduan.csv", null, csv);
            IndicatorResult r = city.compute(new InquiryResponseTime(), 2023);
            // A 24 h, C 48 h, E 0.5 h, F 0 h; B emergency; D unanswered.
            assertThat(r.denominator()).isEqualTo(4);
            assertThat(r.numerator()).isCloseTo(72.5, within(1e-9));
            assertThat(r.value()).isCloseTo(72.5 / 4 / 24, within(1e-9));
            assertThat(r.details()).containsEntry("unanswered", 1L).containsEntry("by_closure", 1L)
                    .containsEntry("excluded_emergency", 1L);
            assertThat((Double) r.details().get("unanswered_share")).isCloseTo(0.2, within(1e-9));
            // Cut-off: E's response, 2024-01-01 00:00 WITA; D (30 Dec 08:00 WITA) is then open 1 day 16 h = 40 h.
            assertThat((Double) r.details().get("lower_bound_days")).isCloseTo((72.5 + 40) / 5 / 24, within(1e-9));
            assertThat(r.warnings()).contains("warning.unanswered", "warning.by_closure");

            IndicatorResult narrowed = city.compute(new InquiryResponseTime(), 2023, Map.of("count_kinds", List.of("inquiry")));
            assertThat(narrowed.denominator()).isEqualTo(2); // E and F: Informasi; A and C are complaints
        }
    }

    @Test
    void eachYearsLowerBoundUsesThatYearsOwnCutOff() throws Exception {
        String csv = HEADER
                // 2022: one answered (10 h), one open; the 2022 records end at G's answer, 20 Dec 2022 18:00 WITA.
                + "G,Website,Informasi,,2022-12-20T08:00:00+08:00,2022-12-20T18:00:00+08:00,,Diskominfo,Selesai\n"
                + "H,Website,Informasi,,2022-12-19T18:00:00+08:00,,,Diskominfo,Diproses\n"
                // 2023 data runs to 30 June 2023: it must not hold H open for another half year.
                + "I,Website,Informasi,,2023-06-30T08:00:00+08:00,2023-06-30T12:00:00+08:00,,Diskominfo,Selesai\n";
        try (TestCity city = new TestCity(dir)) {
            city.load("inquiries", "pengaduan.csv", null, csv);
            IndicatorResult r2022 = city.compute(new InquiryResponseTime(), 2022);
            // H open from 19 Dec 18:00 to the 2022 cut-off, 20 Dec 18:00: 24 h. Lower bound (10 + 24) / 2 / 24 days.
            assertThat((Double) r2022.details().get("lower_bound_days")).isCloseTo(34.0 / 2 / 24, within(1e-9));
            assertThat(r2022.details()).containsEntry("cutoff", java.time.LocalDateTime.of(2022, 12, 20, 18, 0));
            IndicatorResult r2023 = city.compute(new InquiryResponseTime(), 2023);
            assertThat(r2023.details()).containsEntry("cutoff", java.time.LocalDateTime.of(2023, 6, 30, 12, 0));
        }
    }

    @Test
    void aTicketInALaterFileReplacesTheEarlierVersion() throws Exception {
        try (TestCity city = new TestCity(dir)) {
            city.load("inquiries", "januari.csv", null, HEADER
                    + "A,Website,Jalan,complaint,2023-01-10T08:00:00+08:00,,,PUPR,Diproses\n");
            city.load("inquiries", "februari.csv", null, HEADER
                    + "A,Website,Jalan,complaint,2023-01-10T08:00:00+08:00,2023-01-11T08:00:00+08:00,,PUPR,Selesai\n");
            IndicatorResult r = city.compute(new InquiryResponseTime(), 2023);
            assertThat(r.denominator()).isEqualTo(1);
            assertThat(r.value()).isEqualTo(1.0);
            assertThat(r.details()).containsEntry("unanswered", 0L);
        }
    }

    @Test
    void samarinda112CategoriesPrankCallsAndConfiguredKindRules() throws Exception {
        String csv = HEADER
                // Samarinda Siaga 112's own categories (SOURCES.md): the category decides, not the 112 channel.
                + "A,Call Center 112,Ambulance,,2023-02-01T08:00:00+08:00,2023-02-01T08:10:00+08:00,,Dinkes,Selesai\n"
                + "B,Call Center 112,Orang Dengan Gangguan Jiwa (ODGJ),,2023-02-01T08:00:00+08:00,2023-02-01T09:00:00+08:00,,Dinsos,Selesai\n"
                + "C,Call Center 112,PDAM,,2023-02-01T08:00:00+08:00,2023-02-01T20:00:00+08:00,,PDAM,Selesai\n"
                + "D,Call Center 112,Permintaan Pemotongan Pohon,,2023-02-01T08:00:00+08:00,2023-02-02T08:00:00+08:00,,DLH,Selesai\n"
                + "E,Call Center 112,Prank Call,,2023-02-01T08:00:00+08:00,2023-02-01T08:01:00+08:00,,-,Selesai\n"
                + "F,Hotline Banjir,Laporan Warga,,2023-02-01T08:00:00+08:00,2023-02-01T08:30:00+08:00,,BPBD,Selesai\n";
        try (TestCity city = new TestCity(dir)) {
            city.load("inquiries", "112.csv", null, csv);
            IndicatorResult r = city.compute(new InquiryResponseTime(), 2023);
            // Counted: C 12 h, D 24 h, F 0.5 h ("Laporan Warga": a complaint). A and B emergencies, E a prank call.
            assertThat(r.denominator()).isEqualTo(3);
            assertThat(r.numerator()).isCloseTo(36.5, within(1e-9));
            assertThat(r.details()).containsEntry("kind_emergency", 2L).containsEntry("kind_other", 1L);

            // A city rule: everything on the flood hotline is an emergency.
            IndicatorResult configured = city.compute(new InquiryResponseTime(), 2023,
                    Map.of("kind_rules", List.of(Map.of("kind", "emergency", "channel", "hotline banjir"))));
            assertThat(configured.denominator()).isEqualTo(2);
            assertThat(configured.rules()).containsKey("kind_rules");
        }
    }
}
