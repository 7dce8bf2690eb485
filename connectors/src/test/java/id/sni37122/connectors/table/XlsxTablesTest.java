package id.sni37122.connectors.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks as offices and scripts really write them, read through the streaming reader. */
class XlsxTablesTest {

    @TempDir
    Path dir;

    private Tables tables;

    private final TableOptions catalog = TableOptions.of(TableOptions.fields(Map.of(), Map.of(
            "code", List.of("Kode"), "agency", List.of("Perangkat Daerah"), "online", List.of("Daring"))), Set.of("code"));

    @BeforeEach
    void open() throws Exception {
        Messages.setLanguage("id");
        tables = new Tables(dir);
    }

    @AfterEach
    void close() throws Exception {
        tables.close();
    }

    private Path write(String name, Consumer<XSSFWorkbook> content) throws Exception {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            content.accept(wb);
            wb.write(out);
        }
        return file;
    }

    private static void rows(Sheet sheet, Object[]... rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof String s) {
                    row.createCell(c).setCellValue(s);
                } else if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                }
            }
        }
    }

    @Test
    void theVisibleSheetIsReadAndTheHiddenArchiveIsNamed() throws Exception {
        Path file = write("layanan.xlsx", wb -> {
            rows(wb.createSheet("Arsip 2019"), new Object[] {"Kode", "Daring"}, new Object[] {"OLD-1", "Tidak"});
            rows(wb.createSheet("Layanan 2023"), new Object[] {"Kode", "Daring"}, new Object[] {"NEW-1", "Ya"}, new Object[] {"NEW-2", "Ya"});
            wb.setSheetVisibility(0, SheetVisibility.HIDDEN);
            wb.setActiveSheet(1);
        });
        assertThat(tables.read(file, catalog)).extracting(r -> r.text("code")).containsExactly("NEW-1", "NEW-2");
        assertThat(tables.read.notes()).anySatisfy(n -> assertThat(n).contains("tersembunyi", "'Arsip 2019'"));

        TableOptions archive = new TableOptions(catalog.fields(), catalog.required(), null, "arsip 2019", null, null);
        assertThat(tables.read(file, archive)).extracting(r -> r.text("code")).containsExactly("OLD-1");
    }

    @Test
    void aFormulaWithoutAStoredResultIsRejectedAndOneWithAResultIsRead() throws Exception {
        Path file = write("rumus.xlsx", wb -> {
            Sheet s = wb.createSheet("Layanan");
            rows(s, new Object[] {"Kode", "Daring"}, new Object[] {"A-1"}, new Object[] {"A-2"});
            s.getRow(1).createCell(1).setCellFormula("IF(1>0,\"Ya\",\"Tidak\")"); // as openpyxl writes it: no result
            s.getRow(2).createCell(1).setCellFormula("IF(1>0,\"Ya\",\"Tidak\")");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(s.getRow(2).getCell(1)); // as Excel saves it
        });
        assertThat(tables.read(file, catalog)).extracting(r -> r.text("code") + "=" + r.text("online")).containsExactly("A-2=Ya");
        assertThat(tables.rejected()).containsExactly("2 Daring connectors.formula_uncached B2");
        assertThat(Messages.get("connectors.formula_uncached")).contains("buka dan simpan ulang di Excel/LibreOffice");
    }

    @Test
    void storedResultsOfAWorkbookMarkedForRecalculationAreNotTrusted() throws Exception {
        // XlsxWriter stores 0 as every formula's result and asks Excel to compute them all on opening.
        Path file = write("xlsxwriter.xlsx", wb -> {
            Sheet s = wb.createSheet("Layanan");
            rows(s, new Object[] {"Kode", "Daring"}, new Object[] {"A-1"});
            s.getRow(1).createCell(1).setCellFormula("1");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(s.getRow(1).getCell(1));
            wb.setForceFormulaRecalculation(true);
        });
        assertThat(tables.read(file, catalog)).isEmpty();
        assertThat(tables.rejected()).containsExactly("2 Daring connectors.formula_uncached B2");
    }

    @Test
    void aVerticallyMergedAgencyCellGivesItsValueToEveryRowItCovers() throws Exception {
        Path file = write("gabung.xlsx", wb -> {
            Sheet s = wb.createSheet("Layanan");
            rows(s, new Object[] {"Kode", "Perangkat Daerah", "Daring"}, new Object[] {"A-1", "DPMPTSP", "Ya"},
                    new Object[] {"A-2", null, "Ya"}, new Object[] {"A-3", null, "Tidak"}, new Object[] {"B-1", "Dinkes", "Ya"});
            s.addMergedRegion(new CellRangeAddress(1, 3, 1, 1));
        });
        assertThat(tables.read(file, catalog)).extracting(r -> r.text("code") + " " + r.text("agency"))
                .containsExactly("A-1 DPMPTSP", "A-2 DPMPTSP", "A-3 DPMPTSP", "B-1 Dinkes");
    }

    @Test
    void aDuplicatedHeaderIsAnErrorNamingBothColumns() throws Exception {
        Path file = write("ganda.xlsx", wb -> rows(wb.createSheet("Layanan"),
                new Object[] {"Kode", "Perangkat Daerah", "Daring", "Perangkat Daerah"}, new Object[] {"A-1", null, "Ya", "Dinkes"}));
        assertThatThrownBy(() -> tables.read(file, catalog)).isInstanceOf(SourceException.class)
                .hasMessageContaining("'Perangkat Daerah'").hasMessageContaining("B dan D");
    }

    @Test
    void numbersStayNumbersAndRowNumbersAreTheSheetsOwn() throws Exception {
        Path file = write("angka.xlsx", wb -> {
            Sheet s = wb.createSheet("Layanan");
            rows(s, new Object[] {"DAFTAR LAYANAN"}, new Object[] {}, new Object[] {"Kode", "Daring"}, new Object[] {1234567, 1});
            s.createRow(9).createCell(0).setCellValue("Z-9");
        });
        List<TableRow> rows = tables.read(file, catalog);
        assertThat(rows).extracting(r -> r.line() + " " + r.text("code") + " " + r.text("online")).containsExactly("4 1234567 1", "10 Z-9 null");
        assertThat(tables.read.header().line()).isEqualTo(3);
    }

    @Test
    void aLegacyXlsWorkbookIsReadTheSameWayWhateverItsName() throws Exception {
        Path file = dir.resolve("layanan-lama.xlsx"); // saved as Excel 97-2003 and renamed
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            rows(wb.createSheet("Arsip"), new Object[] {"Kode", "Daring"}, new Object[] {"OLD-1", "Tidak"});
            Sheet s = wb.createSheet("Layanan");
            rows(s, new Object[] {"Kode", "Perangkat Daerah", "Daring"}, new Object[] {"A-1", "DPMPTSP", "Ya"}, new Object[] {"A-2", null, "Ya"});
            s.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            wb.setSheetHidden(0, true);
            wb.setActiveSheet(1);
            wb.write(out);
        }
        assertThat(tables.read(file, catalog)).extracting(r -> r.text("code") + " " + r.text("agency")).containsExactly("A-1 DPMPTSP", "A-2 DPMPTSP");
        assertThat(tables.read.notes()).anySatisfy(n -> assertThat(n).contains("'Arsip'"));
    }

    @Test
    void aLargeWorkbookHoldsOnlyTheStringsOfTheColumnsRead() throws Exception {
        // Under a title, a complaint-like table: the names and report texts are shared strings nobody reads.
        // One agency is merged down two rows; one row's agency is merged across from the name column, so its
        // value sits in a column no field reads and must still be held.
        Path file = write("besar.xlsx", wb -> {
            Sheet sheet = wb.createSheet("Data");
            sheet.createRow(0).createCell(0).setCellValue("DAFTAR LAYANAN");
            Row h = sheet.createRow(2);
            String[] head = {"Kode", "Nama Pelapor", "Perangkat Daerah", "Isi Laporan", "Daring"};
            for (int c = 0; c < head.length; c++) {
                h.createCell(c).setCellValue(head[c]);
            }
            for (int i = 0; i < 40; i++) {
                Row row = sheet.createRow(3 + i);
                row.createCell(0).setCellValue("L-" + i);
                row.createCell(1).setCellValue("Pelapor Rahasia " + i);
                if (i != 5 && i != 20) {
                    row.createCell(2).setCellValue(i % 2 == 0 ? "Dinas PUPR" : "Diskominfo");
                }
                row.createCell(3).setCellValue("Isi laporan panjang nomor " + i);
                row.createCell(4).setCellValue(i % 3 == 0 ? "Ya" : "Tidak");
            }
            sheet.addMergedRegion(new CellRangeAddress(7, 8, 2, 2)); // rows 8-9: agency of row 8 (i = 4) over i = 5
            sheet.addMergedRegion(new CellRangeAddress(23, 23, 1, 2)); // i = 20: merged across from the name column
            sheet.getRow(23).getCell(1).setCellValue("Dinas Perhubungan");
        });
        List<String> whole = read(file, Long.MAX_VALUE, 40);
        List<String> selective = read(file, 0, 0);
        assertThat(selective).isEqualTo(whole).hasSize(40).contains("L-5 | Dinas PUPR | Tidak", "L-20 | Dinas Perhubungan | Tidak");
        try (XlsxWorkbook wb = XlsxWorkbook.open(file, 0)) {
            wb.rows(wb.sheets().get(0), catalog).read((line, cells) -> true);
            // Title, header (5), codes (40), two agencies, the merged one, Ya/Tidak: none of the 40 names or texts.
            assertThat(wb.heldStrings()).isEqualTo(1 + 5 + 40 + 2 + 1 + 2);
        }
    }

    /** "code | agency | online" per data row, read with shared strings held whole up to {@code wholeBytes}. */
    private List<String> read(Path file, long wholeBytes, int atLeastHeld) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (XlsxWorkbook wb = XlsxWorkbook.open(file, wholeBytes)) {
            TableRows rows = new TableRows(file, catalog, (line, column, reason, detail) -> { }, row ->
                    out.add(row.text("code") + " | " + row.text("agency") + " | " + row.text("online")), false);
            wb.rows(wb.sheets().get(0), catalog).read(rows);
            assertThat(wb.heldStrings()).isGreaterThanOrEqualTo(atLeastHeld);
        }
        return out;
    }
}
