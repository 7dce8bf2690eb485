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
    private final CellStyle plain;
    private final CellStyle plainNumber;
    private int next;
    private int headerRow = -1;
    /** The row of the last subtitle: a chart's page starts there when its table is short. */
    private int sectionStart = -1;
    private XSSFDrawing drawing;

    SheetWriter(XSSFWorkbook book, String name) {
        this.book = book;
        this.sheet = book.createSheet(name);
        // Printed (or exported to PDF) on A4 landscape, one page wide: what an assessor files.
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        this.title = font(book, 14, true);
        this.subtitle = font(book, 12, true);
        this.header = font(book, 11, true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        // Top, like the values: a label at the foot of a tall row reads as the next row's.
        header.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        // Tagged Indonesian (LCID 0421) in an Indonesian report: LibreOffice then shows 1.234,56
        // whatever its own language (Excel takes separators from the system, Indonesian on an
        // analyst's Windows). English reports keep the reader's own separators.
        String locale = id.sni37122.connectors.Messages.locale().getLanguage().equals("id") ? "[$-421]" : "";
        this.integer = format(book, locale + "#,##0");
        this.decimal = format(book, locale + "#,##0.00");
        this.date = format(book, "dd/mm/yyyy");
        this.plainNumber = format(book, "0");
        this.plain = book.createCellStyle();
        plain.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        this.wrap = book.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
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
        s.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        s.setDataFormat(book.createDataFormat().getFormat(pattern));
        return s;
    }

    /** Titles and notes span several columns, so they neither widen column A nor get cut. */
    private static final int TEXT_SPAN = 8;

    void title(String text) {
        spanning(text).setCellStyle(title);
    }

    void subtitle(String text) {
        sectionStart = next;
        spanning(text).setCellStyle(subtitle);
    }

    void note(String text) {
        spanning(text);
    }

    private Cell spanning(String text) {
        int r = next++;
        Cell cell = cell(sheet.createRow(r), 0, text);
        sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r, r, 0, TEXT_SPAN - 1));
        return cell;
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
        if (value instanceof Integer n) {
            // Years, months and small counts: no thousands separator, or 2023 would read "2.023".
            cell.setCellValue(n);
            cell.setCellStyle(plainNumber);
        } else if (value instanceof Long n) {
            cell.setCellValue(n);
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
            String text = value.toString();
            cell.setCellValue(text); // always a string cell: never parsed as a formula
            cell.setCellStyle(text.length() > 70 ? wrap : plain);
        }
        return cell;
    }

    /** A chart waiting for the columns to be sized, since it is anchored to cells. */
    private record Placed(byte[] png, int column, int row, int pageStart) {
    }

    /** Charts are shown at 60 % of their pixel size: readable, and two fit beside a table on A4. */
    private static final double PICTURE_SCALE = 0.6;

    /**
     * The picture's cells, worked out from the column widths and row heights. POI's own
     * {@code resize} gave a picture at the top of a sheet no height at all (LibreOffice then
     * showed nothing).
     */
    private ClientAnchor anchor(Placed p) {
        java.awt.Dimension size = org.apache.poi.ss.util.ImageUtils.getImageDimension(new java.io.ByteArrayInputStream(p.png()),
                Workbook.PICTURE_TYPE_PNG);
        double width = size.width * PICTURE_SCALE;
        double height = size.height * PICTURE_SCALE;
        ClientAnchor anchor = book.getCreationHelper().createClientAnchor();
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
        anchor.setCol1(p.column());
        anchor.setRow1(p.row());
        int col = p.column();
        for (float w; width > (w = sheet.getColumnWidthInPixels(col)); col++) {
            width -= w;
        }
        anchor.setCol2(col);
        anchor.setDx2((int) Math.round(width * org.apache.poi.util.Units.EMU_PER_PIXEL));
        int row = p.row();
        for (double h; height > (h = rowPixels(row)); row++) {
            height -= h;
        }
        anchor.setRow2(row);
        anchor.setDy2((int) Math.round(height * org.apache.poi.util.Units.EMU_PER_PIXEL));
        return anchor;
    }

    private double rowPixels(int row) {
        Row r = sheet.getRow(row);
        float points = r != null ? r.getHeightInPoints() : sheet.getDefaultRowHeightInPoints();
        return points * org.apache.poi.util.Units.PIXEL_DPI / org.apache.poi.util.Units.POINT_DPI;
    }

    private final java.util.List<Placed> images = new java.util.ArrayList<>();

    /**
     * Places a PNG to the right of what was just written; the next table starts below it. It is
     * sized when the columns are ({@link #autosize}), since a picture is anchored to cells.
     */
    void image(Path png, int column) throws IOException {
        int row = Math.max(0, next - 14);
        int previousChartEnd = images.isEmpty() ? 0 : images.get(images.size() - 1).row() + CHART_ROWS;
        // The chart's page begins with its table's title when both fit on a page (30 rows is well
        // under an A4 landscape page at the scale one page wide gives), else with the chart.
        int pageStart = sectionStart >= previousChartEnd && sectionStart < row && next - sectionStart <= 30 ? sectionStart : row;
        images.add(new Placed(Files.readAllBytes(png), column, row, pageStart));
        next = Math.max(next, row + CHART_ROWS);
    }

    /** Rows kept for a chart beside its table. */
    private static final int CHART_ROWS = 24;

    /** Sizes the first columns to their content (at most 60 characters), then places the pictures. */
    void autosize(int columns) {
        for (int i = 0; i < columns; i++) {
            sheet.autoSizeColumn(i);
            int width = sheet.getColumnWidth(i);
            sheet.setColumnWidth(i, Math.min(Math.max(width + 512, 10 * 256), 60 * 256));
        }
        // Wrapped text needs taller rows; spreadsheet programs do not always grow them on opening.
        for (Row row : sheet) {
            int lines = 1;
            for (Cell cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getCellStyle().getWrapText()) {
                    int chars = Math.max(1, sheet.getColumnWidth(cell.getColumnIndex()) / 256 - 1);
                    lines = Math.max(lines, (cell.getStringCellValue().length() + chars - 1) / chars);
                }
            }
            if (lines > 1) {
                row.setHeightInPoints(lines * sheet.getDefaultRowHeightInPoints());
            }
        }
        for (Placed p : images) {
            if (drawing == null) {
                drawing = sheet.createDrawingPatriarch();
            }
            drawing.createPicture(anchor(p), book.addPicture(p.png(), Workbook.PICTURE_TYPE_PNG));
            // A page break above each chart, so that printing (A4 landscape, one page wide) never
            // cuts one in two: where a page ends depends on the program's scaling, a chart's top does not.
            if (p.pageStart() > 1) {
                sheet.setRowBreak(p.pageStart() - 1);
            }
        }
        images.clear();
    }
}
