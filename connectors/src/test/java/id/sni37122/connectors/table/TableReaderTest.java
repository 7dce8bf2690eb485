package id.sni37122.connectors.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {

    @TempDir
    Path dir;

    private final TableOptions options = TableOptions.of(
            TableOptions.fields(Map.of(), Map.of("code", List.of("Kode"), "name", List.of("Nama Layanan"),
                    "online", List.of("Daring"), "since", List.of("Mulai"))),
            Set.of("code", "name"));

    private Tables tables;

    @BeforeEach
    void indonesian() throws Exception {
        Messages.setLanguage("id");
        tables = new Tables(dir);
    }

    @AfterEach
    void close() throws Exception {
        tables.close();
    }

    private List<TableRow> read(Path file, TableOptions opts) throws Exception {
        return tables.read(file, opts);
    }

    @Test
    void semicolonWindows1252WithTitleRows() throws Exception {
        Path file = dir.resolve("layanan.csv");
        String text = "DAFTAR LAYANAN;;\n;;\nKode;Nama Layanan;Daring\nA-1;Izin Reklame – Baliho;Ya\n\nA-2;Pengaduan Café;Tidak\n";
        Files.write(file, text.getBytes(Charset.forName("windows-1252")));
        List<TableRow> rows = read(file, options);
        assertThat(rows).extracting(TableRow::line).containsExactly(4L, 6L); // blank line 5 skipped, numbering kept
        assertThat(rows.get(0).text("name")).isEqualTo("Izin Reklame – Baliho");
        assertThat(rows.get(1).text("name")).isEqualTo("Pengaduan Café");
        assertThat(rows.get(1).text("since")).isNull(); // field without a column
    }

    @Test
    void utf8BomAndCommaAndMultilineQuotedField() throws Exception {
        Path file = dir.resolve("bom.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write("kode,nama layanan\nB-1,\"Dua\nbaris\"\nB-2,Tiga\n".getBytes(StandardCharsets.UTF_8));
        }
        List<TableRow> rows = read(file, options);
        assertThat(rows).extracting(r -> r.text("code")).containsExactly("B-1", "B-2");
        assertThat(rows).extracting(TableRow::line).containsExactly(2L, 4L);
    }

    @Test
    void missingRequiredHeaderNamesTheColumnAndTheLine() throws Exception {
        Path file = dir.resolve("salah.csv");
        Files.writeString(file, "Kode,Catatan Petugas,Daring\nA,B,Ya\n");
        assertThatThrownBy(() -> read(file, options)).isInstanceOf(SourceException.class)
                .satisfies(e -> {
                    SourceException se = (SourceException) e;
                    assertThat(se.line()).isEqualTo(1);
                    assertThat(se.getMessage()).contains("Nama Layanan", "Kode").doesNotContain("Catatan Petugas");
                });
    }

    @Test
    void xlsxHeaderBelowMergedTitleWithRealDateCells() throws Exception {
        Path file = dir.resolve("layanan.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("Layanan");
            sheet.createRow(0).createCell(0).setCellValue("DAFTAR LAYANAN PEMERINTAH KOTA");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            XSSFRow h = sheet.createRow(2);
            String[] headers = {"Kode", "Nama Layanan", "Daring", "Mulai"};
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            XSSFRow r = sheet.createRow(3);
            r.createCell(0).setCellValue("DPM-01");
            r.createCell(1).setCellValue("Izin Mendirikan Bangunan / PBG");
            r.createCell(2).setCellValue(1); // a numeric flag
            r.createCell(3).setCellValue(LocalDateTime.of(2019, 1, 1, 0, 0));
            r.getCell(3).setCellStyle(dateStyle);
            XSSFRow r2 = sheet.createRow(4);
            r2.createCell(0).setCellValue("DPM-02");
            r2.createCell(1).setCellValue("Izin Reklame");
            r2.createCell(3).setCellValue("12 Maret 2023");
            wb.write(out);
        }
        List<TableRow> rows = read(file, options);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(4);
        assertThat(rows.get(0).text("online")).isEqualTo("1");
        assertThat(rows.get(0).date("since")).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(rows.get(1).date("since")).isEqualTo(LocalDate.of(2023, 3, 12));
    }

    @Test
    void htmlSavedAsXlsxIsAClearError() throws Exception {
        Path file = dir.resolve("export.xlsx");
        Files.writeString(file, "<html><body><table><tr><td>Kode</td></tr></table></body></html>");
        assertThatThrownBy(() -> read(file, options)).isInstanceOf(SourceException.class)
                .hasMessageContaining("Excel");
    }

    @Test
    void configMappingReplacesTheGuesses() throws Exception {
        Path file = dir.resolve("mapped.csv");
        Files.writeString(file, "ID Layanan,Layanan\nX,Y\n");
        TableOptions mapped = TableOptions.of(TableOptions.fields(Map.of("code", "ID Layanan", "name", "Layanan"),
                Map.of("code", List.of("Kode"), "name", List.of("Nama Layanan"))), Set.of("code", "name"));
        assertThat(read(file, mapped)).extracting(r -> r.text("code") + "/" + r.text("name")).containsExactly("X/Y");
    }

    /** What a complaint export holds beside the columns 10.3 reads: none of it may be repeated anywhere. */
    private static final String NIK = "6472031203850004";
    private static final String PHONE = "081254327788";
    private static final String NAME = "Siti Rahmawati";

    private final TableOptions complaints = TableOptions.of(TableOptions.fields(Map.of(), Map.of(
            "id", List.of("No Tiket"), "submitted_at", List.of("Tanggal Laporan"), "agency", List.of("Instansi"))),
            Set.of("id", "submitted_at"));

    @Test
    void anExportSavedWithoutItsHeaderNamesTheExpectedHeadersAndQuotesNoRow() throws Exception {
        Path file = dir.resolve("tanpa-judul.csv");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            text.append("LPR-").append(i).append(',').append(NAME).append(',').append(PHONE).append(',').append(NIK)
                    .append(",2023-03-0").append(1 + i % 9).append(" 08:00,Dinas Kesehatan\n");
        }
        Files.writeString(file, text);
        assertThatThrownBy(() -> read(file, complaints)).isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).located())
                        .contains("No Tiket", "Tanggal Laporan", "Instansi", "tanpa baris judul")
                        .doesNotContain(NIK, PHONE, NAME, "LPR-1", "Dinas Kesehatan"));
    }

    @Test
    void aRowShiftedByAnUnquotedCommaIsRejectedWithItsLineAndBothCounts() throws Exception {
        Path file = dir.resolve("pengaduan.csv");
        Files.writeString(file, "No Tiket,Nama Pelapor,NIK,Tanggal Laporan,Instansi\n"
                + "LPR-1,Budi,6472031203850001,2023-03-01 08:00,Dinas Kesehatan\n"
                + "LPR-2," + NAME.replace(" ", ", ") + "," + NIK + ",2023-03-02 09:00,Dinas Sosial\n"
                + "LPR-3,Ani,6472031203850003,2023-03-03 10:00\n"
                + "LPR-4,Ani, Susanti,6472031203850005,2023-03-04 11:00,\n"
                + "LPR-5,Joko,6472031203850006,2023-03-05 12:00,Dinas Kesehatan\n");
        List<TableRow> rows = read(file, complaints);
        assertThat(rows).extracting(r -> r.text("id")).containsExactly("LPR-1", "LPR-5");
        // LPR-4's shift pushed the NIK under the date and left the blank agency as one cell more at the end.
        assertThat(tables.rejected()).containsExactly("3 null connectors.row_width 6 ≠ 5", "4 null connectors.row_width 4 ≠ 5",
                "5 null connectors.row_width 6 ≠ 5");
        assertThat(tables.read.rowsRead()).isEqualTo(5);
        assertThat(tables.read.rowsRejected()).isEqualTo(3);
    }

    @Test
    void aHeaderEndingInEmptyCellsAcceptsRowsWithOrWithoutThem() throws Exception {
        Path file = dir.resolve("lebar.csv");
        Files.writeString(file, "No Tiket,Tanggal Laporan,,\nLPR-1,2023-03-01,,\nLPR-2,2023-03-02\nLPR-3,2023-03-03,\n");
        List<String> ids = read(file, complaints).stream().map(r -> r.text("id")).toList();
        assertThat(tables.rejected()).containsExactly("4 null connectors.row_width 3 ≠ 4");
        assertThat(ids).containsExactly("LPR-1", "LPR-2");
    }

    @Test
    void aDuplicatedHeaderOfAUsedColumnNamesBothColumns() throws Exception {
        Path file = dir.resolve("ganda.csv");
        Files.writeString(file, "No Tiket,Instansi,Tanggal Laporan,Catatan,Catatan,Instansi\nLPR-1,,2023-03-01,a,b,Dinas Sosial\n");
        assertThatThrownBy(() -> read(file, complaints)).isInstanceOf(SourceException.class)
                .hasMessageContaining("'Instansi'").hasMessageContaining("B dan F");
    }
}
