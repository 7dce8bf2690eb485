package id.sni37122.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes one sheet top to bottom. Numbers become numeric cells with a number format (Excel and
 * LibreOffice show them with the reader's separators: 1.234,56 in an Indonesian locale); text
 * stays text, so a source value starting with "=", "+", "-" or "@" can never become a formula.
 */
final class SheetWriter {

    private final XSSFWorkbook book;
    private final XSSFSheet sheet;
    private final CellStyle title;
    private final CellStyle subtitle;
    private final CellStyle header;
    private final CellStyle integer;
    private final CellStyle decimal;
    private final CellStyle date;
    private final CellStyle wrap;
    private int next;
    private int headerRow = -1;
    private XSSFDrawing drawing;

    SheetWriter(XSSFWorkbook book, String name) {
        this.book = book;
        this.sheet = book.createSheet(name);
        this.title = font(book, 14, true);
        this.subtitle = font(book, 12, true);
        this.header = font(book, 11, true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        this.integer = format(book, "#,##0");
        this.decimal = format(book, "#,##0.00");
        this.date = format(book, "dd/mm/yyyy");
        this.wrap = book.createCellStyle();
        wrap.setWrapText(false);
    }

    /** A legal, unique-enough sheet name: at most 31 characters, none of []:*?/\ . */
    static String safeName(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return WorkbookUtil.createSafeSheetName(cleaned.length() > 31 ? cleaned.substring(0, 31).strip() : cleaned);
    }

    private static CellStyle font(Workbook book, int points, boolean bold) {
        Font f = book.createFont();
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        CellStyle s = book.createCellStyle();
        s.setFont(f);
        return s;
    }

    private static CellStyle format(Workbook book, String pattern) {
        CellStyle s = book.createCellStyle();
        s.setDataFormat(book.createDataFormat().getFormat(pattern));
        return s;
    }

    void title(String text) {
        cell(sheet.createRow(next++), 0, text).setCellStyle(title);
    }

    void subtitle(String text) {
        cell(sheet.createRow(next++), 0, text).setCellStyle(subtitle);
    }

    void note(String text) {
        cell(sheet.createRow(next++), 0, text);
    }

    void blank() {
        next++;
    }

    void header(String... names) {
        Row row = sheet.createRow(next);
        if (headerRow < 0) {
            headerRow = next;
        }
        next++;
        for (int i = 0; i < names.length; i++) {
            cell(row, i, names[i]).setCellStyle(header);
        }
    }

    /** Freezes the rows down to the first header, so it stays visible while scrolling. */
    void freezeBelowHeader() {
        if (headerRow >= 0) {
            sheet.createFreezePane(0, headerRow + 1);
        }
    }

    void pair(String label, Object value) {
        Row row = sheet.createRow(next++);
        cell(row, 0, label).setCellStyle(header);
        cell(row, 1, value);
    }

    void row(Object... values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.length; i++) {
            cell(row, i, values[i]);
        }
    }

    private Cell cell(Row row, int column, Object value) {
        Cell cell = row.createCell(column);
        if (value == null) {
            return cell;
        }
        if (value instanceof Integer || value instanceof Long) {
            cell.setCellValue(((Number) value).doubleValue());
            cell.setCellStyle(integer);
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                cell.setCellValue(d);
                cell.setCellStyle(d == Math.rint(d) && Math.abs(d) < 1e15 ? integer : decimal);
            }
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            cell.setCellValue(value.toString()); // always a string cell: never parsed as a formula
        }
        return cell;
    }

    /** Places a PNG to the right of what was just written, at two thirds of its size. */
    void image(Path png, int column) throws IOException {
        if (drawing == null) {
            drawing = sheet.createDrawingPatriarch();
        }
        int index = book.addPicture(Files.readAllBytes(png), Workbook.PICTURE_TYPE_PNG);
        ClientAnchor anchor = book.getCreationHelper().createClientAnchor();
        anchor.setCol1(column);
        anchor.setRow1(Math.max(0, next - 14));
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
        XSSFPicture picture = drawing.createPicture(anchor, index);
        picture.resize(0.6);
        next = Math.max(next, anchor.getRow1() + 22); // keep the next table below the chart
    }

    void autosize(int columns) {
        for (int i = 0; i < columns; i++) {
            sheet.autoSizeColumn(i);
            int width = sheet.getColumnWidth(i);
            sheet.setColumnWidth(i, Math.min(Math.max(width + 512, 10 * 256), 80 * 256));
        }
    }
}
