package id.sni37122.reports;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Reads a written sheet's drawings back: where each is anchored, and which filled cells one covers. */
public final class Layout {

    private Layout() {
    }

    /** Every drawing's anchor (charts and pictures). */
    public static List<XSSFClientAnchor> anchors(XSSFSheet sheet) {
        List<XSSFClientAnchor> out = new ArrayList<>();
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        if (drawing != null) {
            for (XSSFShape shape : drawing.getShapes()) {
                if (shape.getAnchor() instanceof XSSFClientAnchor a) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** "B12" for every non-empty cell under a drawing: empty when nothing is covered. */
    public static List<String> overlaps(XSSFSheet sheet) {
        List<String> covered = new ArrayList<>();
        for (XSSFClientAnchor a : anchors(sheet)) {
            for (int r = a.getRow1(); r <= a.getRow2(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                for (int c = a.getCol1(); c <= a.getCol2(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() != CellType.BLANK
                            && !(cell.getCellType() == CellType.STRING && cell.getStringCellValue().isEmpty())) {
                        covered.add(sheet.getSheetName() + "!" + cell.getAddress());
                    }
                }
            }
        }
        return covered;
    }
}
