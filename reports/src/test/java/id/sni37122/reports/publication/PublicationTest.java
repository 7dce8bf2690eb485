package id.sni37122.reports.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.Messages;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.reports.CityFigure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publication on two hand-made results: 10.2 with 2 of 3 services online (66.666…%) and
 * 10.3 with 37 552.666… hours over 940 answered inquiries (1.66457… days).
 */
class PublicationTest {

    private static final CityContext CITY = new CityContext("kotauji", "Kota Uji", ZoneId.of("Asia/Makassar"));
    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    Path dir;

    @AfterEach
    void indonesianAgain() {
        Messages.setLanguage("id");
    }

    private static List<IndicatorResult> results() {
        return List.of(
                new IndicatorResult("10.2", "kotauji", 2023, 100.0 * 2 / 3, 2, 3, "%", Map.of("online_column", "online"),
                        null, Map.of("services", 3), List.of()),
                new IndicatorResult("10.3", "kotauji", 2023, 37552.666666666664 / 940 / 24, 37552.666666666664, 940, "days",
                        Map.of("count_kinds", List.of("inquiry", "complaint")), null, Map.of("unanswered", 4),
                        List.of("warning.unanswered")));
    }

    private List<Path> write() throws Exception {
        List<Publication.SourceFile> sources = List.of(new Publication.SourceFile("catalog", "layanan.csv", "ab".repeat(32), 120),
                new Publication.SourceFile("inquiries", "pengaduan.csv", "cd".repeat(32), 300));
        return new PublicationWriter(CITY, "0.1.0", AT, sources).write(results(), dir);
    }

    @Test
    void indonesianCsvHasSemicolonsDecimalCommasSixDigitsAndExactParts() throws Exception {
        Path csv = write().get(0);
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFkota;nama_kota;zona_waktu;tahun;indikator;nama_indikator;nilai;satuan;pembilang;")
                .endsWith(";versi_alat;dihitung_pada;sha256_isi");
        assertThat(lines.get(1)).startsWith("kotauji;Kota Uji;Asia/Makassar;2023;10.2;")
                .contains(";66,6667;%;2;services;3;services;;;;");
        assertThat(lines.get(2)).contains(";1,66457;days;37552,666666666664;hours;940;inquiries;;warning.unanswered;\"Ada catatan yang belum");
        assertThat(lines.get(2)).contains("\"[{\"\"kind\"\":\"\"inquiries\"\",\"\"path\"\":\"\"pengaduan.csv\"\"");
        assertThat(lines.get(2)).doesNotContain("layanan.csv");
    }

    @Test
    void englishCsvHasCommasAndPoints() throws Exception {
        Messages.setLanguage("en");
        List<String> lines = Files.readAllLines(write().get(0), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFcity,city_name,time_zone,year,indicator,indicator_name,value,unit,numerator,");
        assertThat(lines.get(2)).contains(",1.66457,days,37552.666666666664,hours,940,inquiries,,warning.unanswered,\"Some records");
    }

    @Test
    void theSelfHashIsTheSha256OfTheFileWithZerosInItsPlace() throws Exception {
        for (Path file : write()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[;\"]([0-9a-f]{64})[\"\\r]").matcher(text);
            String claimed = null;
            while (m.find()) {
                if (!m.group(1).equals("ab".repeat(32)) && !m.group(1).equals("cd".repeat(32))) {
                    claimed = m.group(1);
                }
            }
            assertThat(claimed).as(file.toString()).isNotNull();
            byte[] zeroed = text.replace(claimed, "0".repeat(64)).getBytes(StandardCharsets.UTF_8);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zeroed))).isEqualTo(claimed);
        }
    }

    @Test
    void bothFilesReadBackToTheSameFigures() throws Exception {
        List<Path> files = write();
        Publication csv = PublicationReader.read(files.get(0), "hasil.csv");
        Publication json = PublicationReader.read(files.get(1), "hasil.json");
        for (Publication p : List.of(csv, json)) {
            assertThat(p.city()).isEqualTo(CITY);
            assertThat(p.computedAt()).isEqualTo(AT);
            assertThat(p.toolVersion()).isEqualTo("0.1.0");
            assertThat(p.sources()).extracting(Publication.SourceFile::path).containsExactly("layanan.csv", "pengaduan.csv");
            CityFigure f = p.figures().get(1);
            assertThat(f.value()).isEqualTo(37552.666666666664 / 940 / 24); // every digit, from the CSV too
            assertThat(f.numerator()).isEqualTo(37552.666666666664);
            assertThat(f.denominator()).isEqualTo(940);
            assertThat(f.numeratorUnit()).isEqualTo("hours");
            assertThat(f.rules()).isEqualTo(Map.of("count_kinds", List.of("inquiry", "complaint")));
            assertThat(f.warnings()).extracting(CityFigure.Warning::key).containsExactly("warning.unanswered");
            assertThat(f.warnings().get(0).text()).startsWith("Ada catatan yang belum ditanggapi");
        }
        assertThat(csv.figures().get(0).value()).isEqualTo(100.0 * 2 / 3);
    }

    /** A program that ranks cities from the JSON alone learns which way each indicator improves. */
    @Test
    void theJsonSaysWhichWayEachIndicatorImproves() throws Exception {
        String json = Files.readString(write().get(1), StandardCharsets.UTF_8);
        assertThat(json.replaceAll("\\s+", "")).contains("\"indicator\":\"10.2\",\"name\":")
                .containsPattern("\"10\\.2\",\"name\":\"[^\"]+\",\"direction\":\"HIGHER_IS_BETTER\"")
                .containsPattern("\"10\\.3\",\"name\":\"[^\"]+\",\"direction\":\"LOWER_IS_BETTER\"");
    }

    @Test
    void oneChangedCharacterIsRefusedNamingTheFile() throws Exception {
        for (Path file : write()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.writeString(file, text.replace("940", "941"), StandardCharsets.UTF_8);
            assertThatThrownBy(() -> PublicationReader.read(file, "kiriman/" + file.getFileName()))
                    .isInstanceOf(PublicationException.class)
                    .hasMessageStartingWith("kiriman/" + file.getFileName() + ": isinya tidak cocok dengan SHA-256");
        }
    }
}
