package id.sni37122.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SheetWriterTest {

    @BeforeEach
    void indonesian() {
        Messages.setLanguage("id");
    }

    @Test
    void chartsAreNativeAndCoverNoFilledCell() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            SheetWriter s = new SheetWriter(book, new Styles(book), "Bagan");
            s.title("Judul yang cukup panjang untuk melintasi beberapa kolom di atas tabel");
            s.subtitle("Per bulan");
            List<List<Object>> rows = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                rows.add(Arrays.asList(Labels.monthShort(m), (long) m * 10, m * 1.5));
            }
            s.table(List.of("Bulan", "Kunjungan", "Jam"), rows);
            s.chart(ChartSpec.bars("Kunjungan per bulan — Kota Uji, 2023", "Bulan", "Kunjungan", 1));
            s.subtitle("Tabel lebar di bawahnya");
            s.table(List.of("A", "B", "C", "D", "E", "F"), List.of(Arrays.asList("x", 1L, 2L, 3L, 4L, "teks panjang sekali di kolom terakhir")));
            s.finish();

            XSSFSheet sheet = book.getSheet("Bagan");
            assertThat(sheet.getDrawingPatriarch().getCharts()).hasSize(1);
            assertThat(Layout.overlaps(sheet)).isEmpty();
            // Beside the table: from its header row, right of its three columns.
            var anchor = Layout.anchors(sheet).get(0);
            assertThat((int) anchor.getCol1()).isEqualTo(3);
            assertThat(anchor.getRow1()).isEqualTo(3);
            // The next section starts below the chart, not under it.
            int nextHeading = -1;
            for (Row r : sheet) {
                if (r.getCell(0) != null && r.getCell(0).toString().equals("Tabel lebar di bawahnya")) {
                    nextHeading = r.getRowNum();
                }
            }
            assertThat(nextHeading).isGreaterThan(anchor.getRow2());
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat((int) sheet.getPrintSetup().getScale()).isBetween(SheetWriter.MIN_SCALE, 100);
        }
    }

    @Test
    void emptyTablesSaySoAndEmptyColumnsAreDropped() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            SheetWriter s = new SheetWriter(book, new Styles(book), "Tabel");
            s.subtitle("Kosong");
            s.table(List.of("Berkas", "Jumlah"), List.of());
            s.subtitle("Status selalu kosong");
            s.table(List.of("Berkas", "Baris", "Status", "Porsi"), List.of(Arrays.asList("a.csv", 10L, null, new Percent(0.993)),
                    Arrays.asList("b.csv", 2L, null, new Percent(1))));
            s.finish();
            XSSFSheet sheet = book.getSheet("Tabel");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("tidak ada data");
            Row header = sheet.getRow(5);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Berkas");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Porsi");
            assertThat(header.getLastCellNum()).isEqualTo((short) 3);
            // A number's header is aligned like the number, a text's like the text.
            assertThat(header.getCell(1).getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.RIGHT);
            assertThat(header.getCell(0).getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.LEFT);
            assertThat(sheet.getRow(6).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(6).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("[$-421]0.0%");
            assertThat(sheet.getRow(6).getCell(2).getNumericCellValue()).isEqualTo(0.993);
        }
    }

    @Test
    void aSectionThatWouldNotFitTheRestOfAPageStartsTheNext() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            SheetWriter s = new SheetWriter(book, new Styles(book), "Halaman");
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                rows.add(Arrays.asList("baris " + i, (long) i));
            }
            s.subtitle("Pertama");
            s.table(List.of("Nama", "Nilai"), rows);
            s.subtitle("Kedua");
            s.table(List.of("Nama", "Nilai"), rows);
            s.finish();
            XSSFSheet sheet = book.getSheet("Halaman");
            // At 100 %, an A4 landscape page holds about 30 rows: the second section (row 28) goes to page two whole.
            assertThat(sheet.getPrintSetup().getScale()).isEqualTo((short) 100);
            assertThat(sheet.getRowBreaks()).containsExactly(27);
            assertThat(sheet.getRow(28).getCell(0).getStringCellValue()).isEqualTo("Kedua");
        }
    }

    @Test
    void wrappedLinesAreCountedAtWordBoundaries() {
        assertThat(TextWidth.lines("satu dua tiga", 20)).isEqualTo(1);
        assertThat(TextWidth.lines("satu dua tiga", 8)).isEqualTo(2);
        assertThat(TextWidth.lines("a".repeat(25), 10)).isEqualTo(3);
    }

    @Test
    void wrappedLinesFollowArialsLetterWidths() {
        assertThat(TextWidth.lines("iiiiiiiiii", 5)).isEqualTo(1);
        assertThat(TextWidth.lines("MMMMMMMMMM", 5)).isEqualTo(4);
        // As LibreOffice drew them in a 36-digit bold label column of the 10.4 sheet: the first on one line, the second on two.
        assertThat(TextWidth.lines("Insiden masih terbuka (tidak dihitung)", 36, true)).isEqualTo(1);
        assertThat(TextWidth.lines("Celah data pemantau (pemantau tidak melapor)", 36, true)).isEqualTo(2);
    }

    @Test
    void aTitleGoesOverWithTheTableItHeads() {
        Paginator pages = new Paginator(100);
        pages.place(0, 60, 60, false); // a table
        pages.gap(10);
        pages.place(5, 10, 10, true); // a title
        pages.place(6, 10, 10, pages.afterHeading()); // and its note
        pages.place(7, 40, 40, false); // its table does not fit: the title and note go over with it
        assertThat(pages.breaks()).containsExactly(5);
        // Headings that open a page already: their long table flows on from under them.
        Paginator top = new Paginator(100);
        top.place(0, 10, 10, true);
        top.place(1, 95, 20, false);
        assertThat(top.breaks()).isEmpty();
    }
}
