package id.sni37122.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One sheet, written as blocks (titles, notes, label/value lists, tables with a chart) and laid
 * out when {@link #finish} is called, once every column's content is known: columns sized to
 * their content, charts beside their table (below it when both would not fit a page's width) and
 * never over a filled cell, a page break before a section that would not fit what is left of a
 * page, and a print scale that keeps text at 8 pt or more on A4 landscape.
 *
 * <p>Values become cells as {@link CellValues} writes them. A column's numbers share one format:
 * counts without decimals, measures with two, shares ({@link Percent}) as percentages; widths are
 * {@link ColumnWidths}', page breaks {@link Paginator}'s, wrapped lines {@link TextWidth}'s.
 */
final class SheetWriter {

    /** Text wider than this many characters wraps. */
    static final int MAX_TEXT = 50;
    /** Titles and notes span this many columns at most. */
    private static final int TEXT_SPAN = 8;
    /** A4 landscape, 0.4 in side margins, 0.5 in top and bottom, in points. */
    private static final double PAGE_WIDTH_PT = 841.9 - 2 * 0.4 * 72;
    private static final double PAGE_HEIGHT_PT = 595.3 - 2 * 0.5 * 72;
    /** Arial 10 at 80 % is 8 pt: the smallest print scale allowed. */
    static final int MIN_SCALE = 80;
    /** Arial 10's row height in Excel and LibreOffice. */
    private static final double DEFAULT_ROW_PT = 12.75;
    /** What a text column's one-step indent takes of its width, in digits. */
    static final int INDENT_CHARS = 2;
    /** A chart's gap from its table. */
    private static final int CHART_GAP_PX = 16;

    private sealed interface Block permits Text, Table {
    }

    private record Text(String text, Styles.Look look) implements Block {
    }

    /** A table, or label/value pairs when {@code headers} is null. */
    static final class Table implements Block {
        final List<String> headers;
        final List<List<Object>> rows;
        final boolean subtitled;
        ChartSpec chart;
        int[] kept;
        int firstRow;

        Table(List<String> headers, List<List<Object>> rows, boolean subtitled) {
            this.headers = headers;
            this.rows = rows;
            this.subtitled = subtitled;
        }

        int width() {
            return kept.length;
        }
    }

    private final XSSFWorkbook book;
    private final XSSFSheet sheet;
    private final Styles styles;
    private final List<Block> blocks = new ArrayList<>();
    private boolean freeze;
    private final CellValues cells;
    private ColumnWidths columnWidths = new ColumnWidths(0);
    private int[] widthChars = new int[0];

    SheetWriter(XSSFWorkbook book, Styles styles, String name) {
        this.book = book;
        this.styles = styles;
        this.cells = new CellValues(styles);
        this.sheet = book.createSheet(name);
        sheet.setDefaultRowHeightInPoints((float) DEFAULT_ROW_PT);
    }

    /** A legal, unique-enough sheet name: at most 31 characters, none of []:*?/\ . */
    static String safeName(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return WorkbookUtil.createSafeSheetName(cleaned.length() > 31 ? cleaned.substring(0, 31).strip() : cleaned);
    }

    XSSFSheet sheet() {
        return sheet;
    }

    void title(String text) {
        blocks.add(new Text(text, Styles.Look.TITLE));
    }

    /** A section's heading: it is kept on one page with the start of what follows. */
    void subtitle(String text) {
        blocks.add(new Text(text, Styles.Look.SUBTITLE));
    }

    void note(String text) {
        blocks.add(new Text(text, Styles.Look.WRAP));
    }

    /** Label/value rows: each {@code {label, value}}. */
    void pairs(List<Object[]> pairs) {
        List<List<Object>> rows = pairs.stream().map(p -> List.of(p[0], p[1] == null ? "" : p[1])).toList();
        blocks.add(new Table(null, rows, lastIsSubtitle()));
    }

    /** A table; an empty one says so ("tidak ada data") under its header. */
    void table(List<String> headers, List<List<Object>> rows) {
        blocks.add(new Table(List.copyOf(headers), new ArrayList<>(rows), lastIsSubtitle()));
    }

    /** Draws the last table's column as a chart beside (or below) it. */
    void chart(ChartSpec spec) {
        ((Table) blocks.get(blocks.size() - 1)).chart = spec;
    }

    /** Freezes the rows down to the first table's header, so it stays visible while scrolling. */
    void freezeBelowFirstHeader() {
        freeze = true;
    }

    private boolean lastIsSubtitle() {
        return !blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof Text t && t.look() == Styles.Look.SUBTITLE;
    }

    // ---- layout ----

    /** Lays the blocks out and writes them; call once, after the last block. */
    void finish() {
        List<Table> tables = blocks.stream().filter(b -> b instanceof Table).map(b -> (Table) b).toList();
        int columns = 1;
        for (Table t : tables) {
            t.kept = ColumnWidths.keptColumns(t);
            columns = Math.max(columns, t.width());
        }
        columnWidths = new ColumnWidths(columns);
        for (Table t : tables) {
            columnWidths.measure(t);
        }
        // Text wraps onto more lines rather than the page running onto a second sheet.
        columnWidths.fitWidth((int) Math.floor(PAGE_WIDTH_PT * 96 / 72 * 0.93 * 100 / MIN_SCALE / 7));
        widthChars = columnWidths.widthChars;
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, (int) Math.round((widthChars[c] + 1.5) * 256));
        }
        double contentPx = 0;
        for (Table t : tables) {
            contentPx = Math.max(contentPx, tablePx(t) + (beside(t) ? CHART_GAP_PX + ChartSpec.WIDTH_PX : 0));
        }
        contentPx = Math.max(contentPx, 1);
        // 7 % to spare: LibreOffice's Liberation Sans runs a little wider than Arial.
        int scale = (int) Math.max(MIN_SCALE, Math.min(100, Math.floor(PAGE_WIDTH_PT * 96 / 72 * 100 * 0.93 / contentPx)));
        Paginator pages = new Paginator(PAGE_HEIGHT_PT * 100 / scale * 0.94);
        int row = 0;
        int freezeRow = -1;
        List<Runnable> charts = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b instanceof Text text && text.look() == Styles.Look.SUBTITLE && i + 1 < blocks.size()
                    && blocks.get(i + 1) instanceof Table t && t.subtitled) {
                pages.gap(row == 0 ? 0 : DEFAULT_ROW_PT);
                row = gap(row);
                int start = row;
                double height = textRow(row++, text, columns);
                row = writeTable(t, row, charts);
                pages.place(start, height + heightOf(start + 1, row), keepHeight(start, row, t), false);
                i++;
            } else if (b instanceof Text text) {
                double height = textRow(row, text, columns);
                // A title, and the note right under it, go to the next page with what follows them.
                boolean heading = text.look() == Styles.Look.TITLE || text.look() == Styles.Look.WRAP && pages.afterHeading();
                pages.place(row, height, height, heading);
                row++;
            } else {
                Table t = (Table) b;
                pages.gap(row == 0 ? 0 : DEFAULT_ROW_PT);
                row = gap(row);
                int start = row;
                row = writeTable(t, row, charts);
                if (freeze && freezeRow < 0 && t.headers != null) {
                    freezeRow = start + 1;
                }
                pages.place(start, heightOf(start, row), keepHeight(start, row, t), false);
            }
        }
        charts.forEach(Runnable::run);
        if (freezeRow > 0) {
            sheet.createFreezePane(0, freezeRow);
        }
        pages.breaks().forEach(r -> sheet.setRowBreak(r - 1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setScale((short) scale);
        sheet.setFitToPage(false);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.5);
        sheet.setMargin(Sheet.BottomMargin, 0.5);
        sheet.setMargin(Sheet.FooterMargin, 0.25);
        sheet.getFooter().setCenter("&A — &P / &N");
    }

    private int gap(int row) {
        return row == 0 ? 0 : row + 1;
    }


    private double columnPx(int c) {
        return c < widthChars.length ? sheet.getColumnWidthInPixels(c) : sheet.getDefaultColumnWidth() * 7 + 5;
    }

    private double tablePx(Table t) {
        double px = 0;
        for (int k = 0; k < t.width(); k++) {
            px += columnPx(k);
        }
        return px;
    }

    private boolean beside(Table t) {
        return t.chart != null && !t.rows.isEmpty()
                && tablePx(t) + CHART_GAP_PX + ChartSpec.WIDTH_PX <= PAGE_WIDTH_PT * 96 / 72 * 100 * 0.93 / MIN_SCALE;
    }

    /** What must stay together at a page foot: the heading, the header and the first rows (or the whole chart). */
    private double keepHeight(int start, int end, Table t) {
        if (t.chart != null && !t.rows.isEmpty()) {
            return heightOf(start, end);
        }
        return heightOf(start, Math.min(end, start + (t.subtitled ? 1 : 0) + (t.headers != null ? 1 : 0) + 3));
    }

    private double heightOf(int from, int to) {
        double h = 0;
        for (int r = from; r < to; r++) {
            h += rowPt(r);
        }
        return h;
    }

    private double rowPt(int r) {
        Row row = sheet.getRow(r);
        return row == null ? DEFAULT_ROW_PT : row.getHeightInPoints();
    }

    // ---- writing ----

    private double textRow(int r, Text t, int columns) {
        Row row = sheet.createRow(r);
        Cell cell = row.createCell(0);
        cell.setCellValue(t.text());
        cell.setCellStyle(styles.get(t.look()));
        int span = Math.max(1, Math.min(TEXT_SPAN, columns));
        double chars = 0;
        for (int c = 0; c < span; c++) {
            chars += columnPx(c) / 7;
        }
        if (span > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, span - 1));
        }
        double points = t.look() == Styles.Look.TITLE ? 18 : t.look() == Styles.Look.SUBTITLE ? 15 : DEFAULT_ROW_PT;
        double scale = t.look() == Styles.Look.TITLE ? 1.4 : t.look() == Styles.Look.SUBTITLE ? 1.15 : 1;
        int lines = TextWidth.lines(t.text(), (int) Math.max(10, chars / scale));
        row.setHeightInPoints((float) (points * lines));
        return points * lines;
    }

    /** Writes a table from {@code row}; returns the row after it (and after its chart). */
    private int writeTable(Table t, int row, List<Runnable> charts) {
        t.firstRow = row;
        int start = row;
        boolean[] indent = ColumnWidths.indented(t);
        if (t.headers != null) {
            Row header = sheet.createRow(row++);
            int lines = 1;
            for (int k = 0; k < t.width(); k++) {
                int c = t.kept[k];
                Cell cell = header.createCell(k);
                cell.setCellValue(t.headers.get(c));
                cell.setCellStyle(styles.get(ColumnWidths.rightAligned(t, k) ? Styles.Look.HEADER_RIGHT : Styles.Look.HEADER, null, indent[k]));
                lines = Math.max(lines, TextWidth.lines(t.headers.get(c), widthChars[k] - (indent[k] ? INDENT_CHARS : 0), true));
            }
            header.setHeightInPoints((float) (DEFAULT_ROW_PT * lines));
        }
        if (t.rows.isEmpty()) {
            Cell cell = sheet.createRow(row++).createCell(0);
            cell.setCellValue(Labels.text("reports.no_data"));
            cell.setCellStyle(styles.get(Styles.Look.TEXT));
            return row;
        }
        // One format per column: counts stored as decimals (16.0 services) show no decimals when the whole column is whole.
        boolean[] whole = new boolean[t.width()];
        for (int k = 0; k < t.width(); k++) {
            int c = t.kept[k];
            whole[k] = t.headers != null && t.rows.stream().map(r -> c < r.size() ? CellValues.decimal(r.get(c)) : null).filter(n -> n != null)
                    .allMatch(n -> n == Math.rint(n) && Math.abs(n) < 1e15);
        }
        // A column of quantities in several units (Ringkasan's numerators): counts show no decimals even beside hours.
        List<Set<String>> wholeUnits = new ArrayList<>();
        for (int k = 0; k < t.width(); k++) {
            int c = t.kept[k];
            Map<String, Boolean> byUnit = new HashMap<>();
            for (List<Object> r : t.rows) {
                if (c < r.size() && r.get(c) instanceof Quantity q && CellValues.decimal(q) != null) {
                    byUnit.merge(q.unit(), CellValues.isWhole(q), Boolean::logicalAnd);
                }
            }
            wholeUnits.add(byUnit.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                    .collect(Collectors.toSet()));
        }
        int dataStart = row;
        for (List<Object> values : t.rows) {
            Row r = sheet.createRow(row++);
            int lines = 1;
            for (int k = 0; k < t.width(); k++) {
                int c = t.kept[k];
                Object v = c < values.size() ? values.get(c) : null;
                Cell cell = r.createCell(k);
                if (t.headers == null && k == 0) {
                    cell.setCellValue(CellValues.text(v));
                    cell.setCellStyle(styles.get(Styles.Look.LABEL));
                    lines = Math.max(lines, TextWidth.lines(CellValues.text(v), widthChars[k], true));
                } else {
                    boolean wholeValue = v instanceof Quantity q ? whole[k] || wholeUnits.get(k).contains(q.unit()) : whole[k];
                    lines = Math.max(lines, cells.write(cell, v, widthChars[k], wholeValue || t.headers == null && CellValues.isWhole(v), indent[k]));
                }
            }
            if (lines > 1) {
                r.setHeightInPoints((float) (DEFAULT_ROW_PT * lines));
            }
        }
        int dataEnd = row - 1;
        if (t.chart != null) {
            ChartSpec spec = t.chart;
            int categoryCol = indexOf(t.kept, spec.categoryColumn());
            int valueCol = indexOf(t.kept, spec.valueColumn());
            if (categoryCol >= 0 && valueCol >= 0) {
                boolean beside = beside(t);
                int chartRow = beside ? start : row + 1;
                int chartCol = beside ? t.width() : 0;
                int dx = beside ? CHART_GAP_PX : 0;
                int heightPx = chartHeight(t, spec);
                int end = reserve(chartRow, heightPx);
                row = Math.max(row, end + 1);
                charts.add(() -> NativeChart.draw(sheet, anchor(chartCol, dx, chartRow, heightPx), spec, dataStart, dataEnd, categoryCol,
                        valueCol));
            }
        }
        return row;
    }

    /** Sideways bars get room for every label (26 pixels a bar: LibreOffice drops labels that crowd). */
    private static int chartHeight(Table t, ChartSpec spec) {
        boolean sideways = !spec.line() && t.rows.stream().anyMatch(r -> spec.categoryColumn() < r.size()
                && String.valueOf(r.get(spec.categoryColumn())).length() > NativeChart.SIDEWAYS_LABEL);
        return sideways ? Math.max(ChartSpec.HEIGHT_PX, 100 + 26 * t.rows.size()) : ChartSpec.HEIGHT_PX;
    }

    private static int indexOf(int[] kept, int column) {
        for (int k = 0; k < kept.length; k++) {
            if (kept[k] == column) {
                return k;
            }
        }
        return -1;
    }

    /** The row where a picture {@code px} high that starts at {@code row} ends, creating rows as needed. */
    private int reserve(int row, double px) {
        int r = row;
        for (double left = px; ; r++) {
            double h = rowPt(r) * 96 / 72;
            if (left <= h) {
                return r;
            }
            left -= h;
        }
    }

    /** A chart's cells, worked out from the column widths and row heights, so it has its size in any program. */
    private XSSFClientAnchor anchor(int col, int dx, int row, int heightPx) {
        double width = ChartSpec.WIDTH_PX + dx;
        int c = col;
        for (double w; width > (w = columnPx(c)); c++) {
            width -= w;
        }
        double height = heightPx;
        int r = row;
        for (double h; height > (h = rowPt(r) * 96 / 72); r++) {
            height -= h;
        }
        XSSFClientAnchor anchor = sheet.createDrawingPatriarch().createAnchor(dx * Units.EMU_PER_PIXEL, 0,
                (int) Math.round(width * Units.EMU_PER_PIXEL), (int) Math.round(height * Units.EMU_PER_PIXEL), col, row, c, r);
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
        return anchor;
    }


}
