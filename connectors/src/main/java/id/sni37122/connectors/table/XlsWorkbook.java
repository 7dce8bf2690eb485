package id.sni37122.connectors.table;

import id.sni37122.connectors.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * A legacy Excel 97-2003 workbook (.xls, BIFF8), read through POI's object model: the format holds
 * at most 65 536 rows a sheet, so the whole workbook in memory stays small. Excel always stores a
 * formula's result in this format.
 */
final class XlsWorkbook implements Workbook {

    private final org.apache.poi.ss.usermodel.Workbook book;
    private final List<Sheet> sheets = new ArrayList<>();

    private XlsWorkbook(org.apache.poi.ss.usermodel.Workbook book) {
        this.book = book;
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            sheets.add(new Sheet(book.getSheetName(i), String.valueOf(i), book.isSheetHidden(i) || book.isSheetVeryHidden(i)));
        }
    }

    static XlsWorkbook open(Path file) throws SourceException {
        try {
            return new XlsWorkbook(WorkbookFactory.create(file.toFile(), null, true));
        } catch (IOException | RuntimeException e) {
            throw XlsxWorkbook.unreadable(file, e);
        }
    }

    @Override
    public List<Sheet> sheets() {
        return sheets;
    }

    @Override
    public RowSource rows(Sheet sheet, TableOptions options) {
        return new RowSource() {
            @Override
            public void read(Sink sink) throws SQLException, SourceException {
                org.apache.poi.ss.usermodel.Sheet s = book.getSheetAt(Integer.parseInt(sheet.id()));
                List<CellRangeAddress> merged = s.getMergedRegions();
                for (Row row : s) {
                    List<Object> cells = new ArrayList<>();
                    for (int c = 0; c < Math.min(row.getLastCellNum(), XlsxSheetHandler.MAX_COLUMNS); c++) {
                        cells.add(value(mergedOrSelf(s, merged, row.getRowNum(), c, row.getCell(c))));
                    }
                    if (!sink.row(row.getRowNum() + 1L, cells)) {
                        return;
                    }
                }
            }

            @Override
            public boolean shiftable() {
                return false;
            }
        };
    }

    /** The top-left cell of the merged range that covers a blank cell, else the cell itself. */
    private static Cell mergedOrSelf(org.apache.poi.ss.usermodel.Sheet sheet, List<CellRangeAddress> merged, int row, int column,
                                     Cell cell) {
        if (cell != null && cell.getCellType() != CellType.BLANK) {
            return cell;
        }
        for (CellRangeAddress range : merged) {
            if (range.isInRange(row, column)) {
                Row first = sheet.getRow(range.getFirstRow());
                return first == null ? null : first.getCell(range.getFirstColumn());
            }
        }
        return cell;
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue() : (Object) cell.getNumericCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            default -> null;
        };
    }

    @Override
    public void close() {
        try {
            book.close();
        } catch (IOException e) {
            // opened read-only: nothing was written
        }
    }
}
