package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import id.sni37122.reports.Layout;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.io.TempDir;

/** The workbook an assessor opens, read back with POI: sheets, values as numbers, no formulas from sources. */
class WorkbookTest {

    @TempDir
    Path dir;

    private Path runFixture(String language, String... extraCatalogRows) throws Exception {
        Path config = CliRunner.copyFixture("fixture-city", dir, List.of("kota-uji.yaml", "access.log", "layanan.csv",
                "pengaduan.csv", "insiden.csv", "heartbeat.csv")).resolve("kota-uji.yaml");
        Files.writeString(config, Files.readString(config).replace("language: id", "language: " + language));
        for (String row : extraCatalogRows) {
            Files.writeString(dir.resolve("layanan.csv"), row + "\n", StandardOpenOption.APPEND);
        }
        CliRunner.Result r = CliRunner.run("run", "-c", config.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return dir.resolve("out/sni37122-kotauji-2023.xlsx");
    }

    private static Row rowStartingWith(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(first)) {
                return row;
            }
        }
        throw new AssertionError("no row starting with " + first + " in " + sheet.getSheetName());
    }

    @Test
    void sheetsValuesAndNumberCells() throws Exception {
        Path xlsx = runFixture("id");
        try (InputStream in = Files.newInputStream(xlsx); Workbook book = WorkbookFactory.create(in)) {
            List<String> names = new ArrayList<>();
            book.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("Ringkasan", "10.1 Kunjungan portal data", "10.2 Layanan daring", "10.3 Waktu respons",
                    "10.4 Waktu henti TI", "Kesiapan 2023", "Kualitas Data", "Metodologi");
            Sheet summary = book.getSheet("Ringkasan");
            Row r102 = rowStartingWith(summary, "10.2");
            assertThat(r102.getCell(1).getStringCellValue()).startsWith("Persentase layanan kota");
            assertThat(r102.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(r102.getCell(2).getNumericCellValue()).isCloseTo(200.0 / 3, within(1e-9));
            assertThat(r102.getCell(4).getNumericCellValue()).isEqualTo(2);
            assertThat(r102.getCell(5).getNumericCellValue()).isEqualTo(3);
            Row r101 = rowStartingWith(summary, "10.1");
            assertThat(r101.getCell(2).getNumericCellValue()).isEqualTo(1.5);
            assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
            // Every figure is a number the analyst can compute with, formatted, not text, and shown
            // the Indonesian way (1.234,56) whatever language the spreadsheet program is set to.
            assertThat(r101.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("[$-421]#,##0.00");
            // The readiness sheet shows a missing answer as missing, never as "Tidak".
            Sheet readiness = book.getSheet("Kesiapan 2023");
            List<String> scores = new ArrayList<>();
            readiness.forEach(row -> {
                if (row.getCell(1) != null && row.getCell(1).toString().equals("Skor kesiapan")) {
                    scores.add(row.getCell(2).getStringCellValue());
                }
            });
            assertThat(scores).hasSize(4).containsOnly("0 dari 9 (belum diisi: 9)");
            // Both charts of 10.2 are Excel charts in its sheet, over no filled cell.
            XSSFSheet online = (XSSFSheet) book.getSheet("10.2 Layanan daring");
            assertThat(online.getDrawingPatriarch().getCharts()).hasSize(2);
            for (Sheet sheet : book) {
                assertThat(Layout.overlaps((XSSFSheet) sheet)).as(sheet.getSheetName()).isEmpty();
            }
            // Shares are percentages, not fractions.
            Sheet portal = book.getSheet("10.1 Kunjungan portal data");
            Row share = rowStartingWith(portal, "Porsi hari yang memiliki data log");
            assertThat(share.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("[$-421]0.0%");
            // 10.2's shares per area are percentages too.
            Sheet online2 = book.getSheet("10.2 Layanan daring");
            Row areaHeader = rowStartingWith(online2, "Bidang layanan");
            int shareColumn = -1;
            for (Cell c : areaHeader) {
                if (c.getStringCellValue().equals("Persen daring")) {
                    shareColumn = c.getColumnIndex();
                }
            }
            assertThat(online2.getRow(areaHeader.getRowNum() + 1).getCell(shareColumn).getCellStyle().getDataFormatString())
                    .isEqualTo("[$-421]0.0%");
            // A count beside hours keeps no decimals: 3 kunjungan, 2 layanan; 10.3's hours keep two.
            assertThat(r101.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("[$-421]#,##0\" kunjungan\"");
            assertThat(r102.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("[$-421]#,##0\" layanan\"");
            assertThat(rowStartingWith(summary, "10.3").getCell(4).getCellStyle().getDataFormatString()).isEqualTo("[$-421]#,##0.00\" jam\"");
            // Rejected rows, per reason and per file with the line to look at (access.log's line 11 is cut short).
            Sheet quality = book.getSheet("Kualitas Data");
            List<String> rejects = new ArrayList<>();
            quality.forEach(row -> {
                if (row.getCell(0) != null && row.getCell(0).toString().equals("access.log") && row.getCell(2) != null
                        && row.getCell(2).getCellType() == CellType.NUMERIC && row.getCell(1).toString().startsWith("baris log terpotong")) {
                    rejects.add((long) row.getCell(2).getNumericCellValue() + "|" + (row.getCell(3) == null ? "" : row.getCell(3).toString()));
                }
            });
            assertThat(rejects).containsExactly("1|", "1|11"); // the reason's summary, then the file's row with its line
            // Rules are sentences on the summary, never key=value dumps.
            for (Row row : summary) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        assertThat(cell.getStringCellValue()).as(cell.getAddress().toString()).doesNotContainPattern("[a-z_]+=\\S");
                    }
                }
            }
        }
    }

    @Test
    void everyIndicatorSheetHasNativeChartsAndTrendsShowTheirPoints() throws Exception {
        Path xlsx = runFixture("id");
        int charts = 0;
        try (InputStream in = Files.newInputStream(xlsx); Workbook book = WorkbookFactory.create(in)) {
            for (Sheet sheet : book) {
                if (sheet.getSheetName().matches("10\\.\\d .*")) {
                    XSSFSheet s = (XSSFSheet) sheet;
                    assertThat(s.getDrawingPatriarch()).as(sheet.getSheetName()).isNotNull();
                    assertThat(s.getDrawingPatriarch().getCharts()).as(sheet.getSheetName()).isNotEmpty();
                    charts += s.getDrawingPatriarch().getCharts().size();
                }
            }
        }
        List<String> lineCharts = new ArrayList<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            List<? extends ZipEntry> parts = zip.stream().filter(e -> e.getName().matches("xl/charts/chart\\d+\\.xml")).toList();
            assertThat(parts).hasSize(charts); // charts as DrawingML parts, not pictures
            for (ZipEntry e : parts) {
                String xml = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                if (xml.contains("<c:lineChart>")) {
                    lineCharts.add(xml);
                }
            }
        }
        // 10.3's months as a line: its points have markers big enough to see (8 pt, not the default 5).
        assertThat(lineCharts).isNotEmpty().allSatisfy(xml -> assertThat(xml).containsPattern("<c:marker><c:symbol val=\"circle\"/><c:size val=\"8\"/>"));
    }

    @Test
    void aSourceValueThatLooksLikeAFormulaStaysText() throws Exception {
        Path xlsx = runFixture("en",
                "X-1,\"=HYPERLINK(\"\"http://contoh.invalid\"\",\"\"klik\"\")\",@SUM(A1:A9),lainnya,Tidak,Informasi,,2020-01-01,",
                "X-2,+62 812 0000,-1+1,lainnya,Tidak,Informasi,,2020-01-01,");
        try (InputStream in = Files.newInputStream(xlsx); Workbook book = WorkbookFactory.create(in)) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Summary");
            // An English report leaves the separators to the reader's program.
            assertThat(rowStartingWith(book.getSheetAt(0), "10.2").getCell(2).getCellStyle().getDataFormatString()).startsWith("#,##0");
            List<String> injected = new ArrayList<>();
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().matches("^[=+@-].*")) {
                            injected.add(cell.getStringCellValue());
                        }
                    }
                }
            }
            assertThat(injected).contains("=HYPERLINK(\"http://contoh.invalid\",\"klik\")", "@SUM(A1:A9)", "+62 812 0000", "-1+1");
        }
    }

    @Test
    void noComplainantDetailReachesTheWorkbookOrTheResultsCsv() throws Exception {
        Path config = CliRunner.copyFixture("fixture-city", dir, List.of("kota-uji.yaml", "access.log", "layanan.csv",
                "pengaduan.csv", "insiden.csv", "heartbeat.csv")).resolve("kota-uji.yaml");
        // The export as cities really send it: name, phone, e-mail, NIK and free text beside the fields 10.3 needs.
        List<String> lines = Files.readAllLines(dir.resolve("pengaduan.csv"));
        StringBuilder csv = new StringBuilder(lines.get(0) + ",nama_pelapor,no_hp,email,nik,isi_laporan\n");
        for (int i = 1; i < lines.size(); i++) {
            csv.append(lines.get(i)).append(",Siti Rahmawati,081234567890,siti@contoh.id,6472011203900001,Jalan berlubang di depan rumah saya\n");
        }
        Files.writeString(dir.resolve("pengaduan.csv"), csv.toString());
        CliRunner.Result r = CliRunner.run("run", "-c", config.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        StringBuilder everything = new StringBuilder(Files.readString(dir.resolve("out/sni37122-kotauji-hasil.csv")));
        try (InputStream in = Files.newInputStream(dir.resolve("out/sni37122-kotauji-2023.xlsx")); Workbook book = WorkbookFactory.create(in)) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        everything.append(cell.toString()).append('\n');
                    }
                }
            }
        }
        assertThat(everything.toString()).contains("Diskominfo") // the agency is there: the scan sees the inquiry data
                .doesNotContain("Siti", "0812345", "siti@contoh.id", "6472011203900001", "berlubang");
    }
}
