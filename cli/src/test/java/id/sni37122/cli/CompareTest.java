package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two copies of the hand-worked fixture city with different populations: 3 visits each, over
 * 200 000 and 600 000 people, so 1.5 and 0.5 visits per 100 000. Pooled: 6 visits over 800 000
 * people = 0.75, not the average of the two values (1.0).
 */
class CompareTest {

    private static final List<String> FILES = List.of("kota-uji.yaml", "access.log", "layanan.csv", "pengaduan.csv",
            "insiden.csv", "heartbeat.csv");

    @TempDir
    Path dir;

    private Path city(String code, String name, long population) throws Exception {
        Path config = CliRunner.copyFixture("fixture-city", dir.resolve(code), FILES).resolve("kota-uji.yaml");
        Files.writeString(config, Files.readString(config).replace("code: kotauji, name: Kota Uji", "code: " + code + ", name: " + name)
                .replace("population: 200000", "population: " + population));
        assertThat(CliRunner.run("ingest", "-q", "-c", config.toString()).exitCode()).isZero();
        return config;
    }

    @Test
    void aProvinceConfigPoolsNumeratorsAndDenominators() throws Exception {
        Path satu = city("kotasatu", "Kota Satu", 200_000);
        Path dua = city("kotadua", "Kota Dua", 600_000);
        Path province = Files.writeString(dir.resolve("provinsi.yaml"), """
                province: {code: uji, name: Provinsi Uji}
                cities: [kotasatu/kota-uji.yaml, kotadua/kota-uji.yaml]
                output: banding/
                """);
        CliRunner.Result r = CliRunner.run("compare", "-c", province.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path xlsx = dir.resolve("banding/sni37122-uji-perbandingan-2023.xlsx");
        assertThat(dir.resolve("banding/sni37122-uji-perbandingan-2023-10.1.png")).exists();
        try (InputStream in = Files.newInputStream(xlsx); Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheet("Perbandingan");
            List<String> rows101 = new java.util.ArrayList<>();
            boolean in101 = false;
            for (Row row : sheet) {
                String first = row.getCell(0) == null ? "" : row.getCell(0).toString();
                if (first.startsWith("10.1 ")) {
                    in101 = true;
                } else if (first.startsWith("10.2 ")) {
                    in101 = false;
                }
                if (in101 && row.getCell(2) != null && row.getCell(2).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    rows101.add(row.getCell(1).getStringCellValue() + "=" + row.getCell(2).getNumericCellValue() + " ("
                            + row.getCell(3).getNumericCellValue() + "/" + row.getCell(4).getNumericCellValue() + ")");
                }
            }
            assertThat(rows101).containsExactly("Kota Satu=1.5 (3.0/2.0)", "Kota Dua=0.5 (3.0/6.0)", "Provinsi Uji (Kota Satu, Kota Dua)=0.75 (6.0/8.0)");
        }
        // The same with the cities named one by one.
        CliRunner.Result r2 = CliRunner.run("compare", "-c", satu.toString(), "-c", dua.toString(), "-o", dir.resolve("b2").toString());
        assertThat(r2.exitCode()).as(r2.err()).isZero();
        assertThat(dir.resolve("b2/sni37122-gabungan-perbandingan-2023.xlsx")).exists();
        // Where each city's figures come from, without the server's folders: the config's folder and name.
        try (InputStream in = Files.newInputStream(dir.resolve("b2/sni37122-gabungan-perbandingan-2023.xlsx"));
             Workbook book = WorkbookFactory.create(in)) {
            List<String> origins = new java.util.ArrayList<>();
            for (Row row : book.getSheet("Perbandingan")) {
                row.forEach(c -> {
                    if (c.toString().endsWith(".yaml")) {
                        origins.add(c.toString());
                    }
                });
            }
            assertThat(origins).containsExactly("kotasatu/kota-uji.yaml", "kotadua/kota-uji.yaml");
        }
        // The same city twice is a mistake to fix, not a silent merge.
        CliRunner.Result twice = CliRunner.run("compare", "-c", satu.toString(), "-c", satu.toString(), "-o", dir.resolve("b3").toString());
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("kotasatu");
    }
}
