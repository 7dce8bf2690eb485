package id.sni37122.reports;

import id.sni37122.connectors.Messages;
import javax.xml.namespace.QName;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTMarker;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTValAx;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;

/**
 * An Excel chart (DrawingML, {@code xl/charts/chartN.xml}) over a table's cells, made with POI's
 * XDDF API: editable and restylable in Excel and LibreOffice, unlike a picture.
 */
final class NativeChart {

    static final byte[] CITY = {0x1f, 0x5f, (byte) 0x99};
    static final byte[] POOLED = {(byte) 0xe0, (byte) 0x8a, 0x00};

    private static final String CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    /** A trend's point marker, in points. */
    static final short MARKER_SIZE = 8;

    /** Category labels longer than this turn the bars sideways, so no label is ever cut. */
    static final int SIDEWAYS_LABEL = 12;

    private NativeChart() {
    }

    /**
     * Draws {@code spec} over rows {@code first..last} of the sheet, table columns mapped to sheet
     * columns {@code categoryCol} and {@code valueCol}.
     */
    static void draw(XSSFSheet sheet, XSSFClientAnchor anchor, ChartSpec spec, int first, int last, int categoryCol, int valueCol) {
        boolean sideways = !spec.line() && longestLabel(sheet, first, last, categoryCol) > SIDEWAYS_LABEL;
        XSSFChart chart = sheet.createDrawingPatriarch().createChart(anchor);
        chart.setTitleText(spec.title());
        chart.setTitleOverlay(false);
        XDDFCategoryAxis categories = chart.createCategoryAxis(sideways ? AxisPosition.LEFT : AxisPosition.BOTTOM);
        if (!sideways) {
            categories.setTitle(spec.categoryTitle()); // beside long labels a title would overlap them
        }
        XDDFValueAxis values = chart.createValueAxis(sideways ? AxisPosition.BOTTOM : AxisPosition.LEFT);
        values.setTitle(spec.valueTitle());
        values.setCrossBetween(AxisCrossBetween.BETWEEN);
        if (sideways) {
            // The first row on top, as in the table beside it; the value axis then belongs at the foot.
            categories.setOrientation(AxisOrientation.MAX_MIN);
            values.setCrosses(AxisCrosses.MAX);
        } else {
            values.setCrosses(AxisCrosses.AUTO_ZERO);
        }
        if (allNonNegative(sheet, first, last, valueCol)) {
            values.setMinimum(0);
        }
        // The axis in whole steps of the reader's own numbers (0,5 1 1,5 …), not the cells' fixed
        // two decimals; a share's axis ends at 100 %, which no share passes.
        boolean percent = percent(sheet, first, valueCol);
        String locale = Messages.english() ? "" : Styles.INDONESIAN; // 0,5 and not 0.5, as in the cells
        values.setNumberFormat(locale + (percent ? "0%" : "General"));
        if (percent && allAtMost(sheet, first, last, valueCol, 1)) {
            values.setMaximum(1);
            values.setMajorUnit(0.2); // 0 % 20 % … 100 %: eleven labels crowd a half-page chart
        }
        XDDFDataSource<?> x = numeric(sheet, first, categoryCol)
                ? XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, categoryCol, categoryCol))
                : XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(first, last, categoryCol, categoryCol));
        XDDFNumericalDataSource<Double> y = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, last, valueCol, valueCol));
        XDDFChartData data;
        XDDFChartData.Series series;
        if (spec.line()) {
            XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, categories, values);
            XDDFLineChartData.Series s = (XDDFLineChartData.Series) lines.addSeries(x, y);
            // Markers, so a two-year trend shows its two points and not just a stroke; 8 pt reads at
            // print scale beside a 2.25 pt line (the default, 5, is lost in it).
            s.setMarkerStyle(MarkerStyle.CIRCLE);
            markerSize(s.getCTLineSer().getMarker(), MARKER_SIZE);
            s.setSmooth(false);
            XDDFLineProperties stroke = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(CITY)));
            stroke.setWidth(2.25);
            s.setLineProperties(stroke);
            data = lines;
            series = s;
        } else {
            XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
            bars.setBarDirection(sideways ? BarDirection.BAR : BarDirection.COL);
            bars.setVaryColors(false);
            bars.setGapWidth(60);
            series = bars.addSeries(x, y);
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(CITY)));
            if (spec.lastIsPooled()) {
                series.getDataPoint(last - first).setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(POOLED)));
            }
            data = bars;
        }
        series.setTitle(spec.valueTitle(), null);
        chart.plot(data);
        for (CTValAx axis : chart.getCTChart().getPlotArea().getValAxArray()) {
            axis.getNumFmt().setSourceLinked(false); // else the cells' format wins over the one just set
        }
        // Every value written at its bar or point: a 0 % bar has no height, its label still shows it.
        CTDLbls labels = spec.line()
                ? ((XDDFLineChartData.Series) series).getCTLineSer().addNewDLbls()
                : ((XDDFBarChartData.Series) series).getCTBarSer().addNewDLbls();
        labels.addNewNumFmt().setFormatCode("General");
        labels.getNumFmt().setSourceLinked(true);
        labels.addNewDLblPos().setVal(spec.line() ? STDLblPos.T : STDLblPos.OUT_END);
        labels.addNewShowLegendKey().setVal(false);
        labels.addNewShowVal().setVal(true);
        labels.addNewShowCatName().setVal(false);
        labels.addNewShowSerName().setVal(false);
        labels.addNewShowPercent().setVal(false);
        labels.addNewShowBubbleSize().setVal(false);
    }

    /**
     * {@code <c:size val="…"/>} after the marker's symbol, as the schema orders them, written
     * with a cursor: poi-ooxml-lite lacks the schema type behind {@code Series.setMarkerSize}.
     */
    private static void markerSize(CTMarker marker, int size) {
        try (XmlCursor cursor = marker.newCursor()) {
            if (cursor.toChild(new QName(CHART_NS, "symbol"))) {
                cursor.toEndToken();
                cursor.toNextToken();
            } else {
                cursor.toEndToken();
            }
            cursor.beginElement(new QName(CHART_NS, "size", "c"));
            cursor.insertAttributeWithValue("val", String.valueOf(size));
        }
    }

    private static boolean percent(XSSFSheet sheet, int row, int col) {
        Cell c = cell(sheet, row, col);
        return c != null && c.getCellStyle().getDataFormatString() != null && c.getCellStyle().getDataFormatString().contains("%");
    }

    private static boolean allAtMost(XSSFSheet sheet, int first, int last, int col, double max) {
        for (int r = first; r <= last; r++) {
            Cell c = cell(sheet, r, col);
            if (c != null && c.getCellType() == CellType.NUMERIC && c.getNumericCellValue() > max) {
                return false;
            }
        }
        return true;
    }

    private static boolean numeric(XSSFSheet sheet, int row, int col) {
        Cell c = cell(sheet, row, col);
        return c != null && c.getCellType() == CellType.NUMERIC;
    }

    private static int longestLabel(XSSFSheet sheet, int first, int last, int col) {
        int longest = 0;
        for (int r = first; r <= last; r++) {
            Cell c = cell(sheet, r, col);
            if (c != null && c.getCellType() == CellType.STRING) {
                longest = Math.max(longest, c.getStringCellValue().length());
            }
        }
        return longest;
    }

    private static boolean allNonNegative(XSSFSheet sheet, int first, int last, int col) {
        for (int r = first; r <= last; r++) {
            Cell c = cell(sheet, r, col);
            if (c != null && c.getCellType() == CellType.NUMERIC && c.getNumericCellValue() < 0) {
                return false;
            }
        }
        return true;
    }

    private static Cell cell(XSSFSheet sheet, int row, int col) {
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(col);
    }
}
