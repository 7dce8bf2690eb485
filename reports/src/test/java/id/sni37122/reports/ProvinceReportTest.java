package id.sni37122.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.Messages;
import id.sni37122.indicators.IndicatorResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three cities, worked by hand. 10.2 (higher is better): A 16 of 28 and B 32 of 56 are both
 * 57,14 % (a tie: ranks 1 and 1), C 10 of 20 = 50 % is third. 10.3 (lower is better): A 72 hours
 * over 2 inquiries = 1,5 days, B 24 hours over 2 = 0,5 days, C has no inquiries that year: B is
 * first, A second, and the pooled figure (96 hours over 4 = 1,0 day) names A and B only.
 */
class ProvinceReportTest {

    private static final CityContext A = new CityContext("kotaa", "Kota A", ZoneId.of("Asia/Makassar"));
    private static final CityContext B = new CityContext("kotab", "Kota B", ZoneId.of("Asia/Pontianak"));
    private static final CityContext C = new CityContext("kotac", "Kota C", ZoneId.of("Asia/Jayapura"));

    @TempDir
    Path dir;

    @BeforeEach
    void indonesian() {
        Messages.setLanguage("id");
    }

    private static CityFigure share(CityContext city, double online, double all) {
        return figure(city, new IndicatorResult("10.2", city.code(), 2023, online / all * 100, online, all, "%", Map.of(), null, null, null));
    }

    private static CityFigure response(CityContext city, double hours, double inquiries) {
        return figure(city, new IndicatorResult("10.3", city.code(), 2023, hours / inquiries / 24, hours, inquiries, "days", Map.of(),
                null, null, null));
    }

    private static CityFigure figure(CityContext city, IndicatorResult r) {
        return CityFigure.of(city, r, city.code() + ".yaml", Instant.parse("2024-01-15T02:00:00Z"), "uji");
    }

    /** Each row of an indicator's table as "rank|city|value". */
    private static List<String> section(XSSFSheet sheet, String code) {
        List<String> rows = new ArrayList<>();
        boolean in = false;
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            String text = first == null ? "" : first.getCellType() == CellType.STRING ? first.getStringCellValue() : "";
            if (text.matches("10\\.\\d .*")) {
                in = text.startsWith(code + " ");
                continue;
            }
            Cell value = row.getCell(2);
            if (in && value != null && value.getCellType() == CellType.NUMERIC) {
                String rank = first == null || first.getCellType() != CellType.NUMERIC ? "-" : String.valueOf((int) first.getNumericCellValue());
                rows.add(rank + "|" + row.getCell(1).getStringCellValue() + "|" + Math.round(value.getNumericCellValue() * 100) / 100.0);
            }
        }
        return rows;
    }

    @Test
    void ranksFollowEachIndicatorsDirectionTiesShareARankAndThePoolNamesOnlyCitiesWithData() throws Exception {
        List<CityFigure> figures = List.of(share(A, 16, 28), response(A, 72, 2), share(B, 32, 56), response(B, 24, 2), share(C, 10, 20));
        List<Path> written = new ProvinceReport("uji", "Provinsi Uji").write(2023, figures, dir);
        Path xlsx = dir.resolve("sni37122-uji-perbandingan-2023.xlsx");
        assertThat(written).contains(xlsx, dir.resolve("sni37122-uji-perbandingan-2023-10.3.png"));
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            XSSFSheet sheet = book.getSheet("Perbandingan");
            assertThat(section(sheet, "10.2")).containsExactly("1|Kota A|57.14", "1|Kota B|57.14", "3|Kota C|50.0",
                    "-|Provinsi Uji (Kota A, Kota B, Kota C)|55.77"); // 58 of 104
            assertThat(section(sheet, "10.3")).containsExactly("1|Kota B|0.5", "2|Kota A|1.5",
                    "-|Provinsi Uji (Kota A, Kota B) — tanpa Kota C|1.0");
            List<String> texts = new ArrayList<>();
            sheet.forEach(r -> r.forEach(c -> texts.add(c.toString())));
            assertThat(texts).anyMatch(t -> t.startsWith("10.3 ") && t.contains("semakin rendah semakin baik"))
                    .anyMatch(t -> t.startsWith("10.2 ") && t.contains("semakin tinggi semakin baik"))
                    .contains("Tanpa data 2023 (tidak masuk gabungan): Kota C");
            assertThat(Layout.overlaps(sheet)).isEmpty();
            assertThat(sheet.getDrawingPatriarch().getCharts()).hasSize(2);
        }
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            assertThat(zip.stream().filter(e -> e.getName().matches("xl/charts/chart\\d+\\.xml")).count()).isEqualTo(2);
        }
    }

    @Test
    void aCityGivenTwiceIsAnError() {
        List<CityFigure> figures = List.of(share(A, 16, 28),
                share(new CityContext("kotaa", "Kota A (salinan)", ZoneId.of("Asia/Makassar")), 16, 28));
        assertThatThrownBy(() -> new ProvinceReport("uji", null).write(2023, figures, dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kotaa");
    }
}
