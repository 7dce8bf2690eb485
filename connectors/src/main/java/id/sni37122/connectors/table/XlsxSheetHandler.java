package id.sni37122.connectors.table;

import id.sni37122.connectors.SourceException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns one sheet's XML ({@code <row><c r t s><f/><v/></c></row>}, ECMA-376 part 1, 18.3.1) into
 * rows of typed cells. POI's own {@code XSSFSheetXMLHandler} hands out display text only, formatted
 * for the screen, and cannot tell a formula without a stored result from an empty one; here a
 * number stays a number, a date-formatted number becomes a date, and an uncomputed formula is marked.
 */
final class XlsxSheetHandler extends DefaultHandler {

    /** Columns beyond this are ignored: no register is this wide, and a hostile merge could span 16 384. */
    static final int MAX_COLUMNS = 1024;

    /** The sink wants no more rows. */
    static final class Stop extends SAXException {
        Stop() {
            super("stop");
        }
    }

    /** The sink failed; the cause is its SQLException or SourceException. */
    static final class Failure extends SAXException {
        Failure(Exception cause) {
            super(cause);
        }
    }

    /** The Stop or Failure inside what the parser threw, if it is one of ours. */
    static Throwable signal(SAXException e) {
        for (Throwable t = e; t != null; t = t instanceof SAXException s && s.getException() != null ? s.getException() : t.getCause()) {
            if (t instanceof Stop || t instanceof Failure) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private final XlsxStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final boolean recalculateOnLoad;
    private final RowSource.Sink sink;
    private final List<Merge> merges = new ArrayList<>();
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    private final ArrayList<Object> cells = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private long rowNumber;
    private int nextColumn;
    private int column;
    private String ref;
    private String type;
    private int style;
    private boolean formula;
    private boolean hasValue;
    private boolean inValue;
    private boolean inInline;
    private boolean inPhonetic;
    private boolean inText;
    private final List<Merge> openMerges = new ArrayList<>();
    private int nextMerge;

    /** A merged range and the value of its top-left cell, once that row is read. */
    private static final class Merge {
        final CellRangeAddress range;
        Object value;

        Merge(CellRangeAddress range) {
            this.range = range;
        }
    }

    XlsxSheetHandler(XlsxStrings strings, StylesTable styles, boolean date1904, boolean recalculateOnLoad,
                     List<CellRangeAddress> merged, RowSource.Sink sink) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.recalculateOnLoad = recalculateOnLoad;
        this.sink = sink;
        merged.stream().filter(r -> r.getFirstColumn() < MAX_COLUMNS)
                .sorted((a, b) -> Integer.compare(a.getFirstRow(), b.getFirstRow())).forEach(r -> merges.add(new Merge(r)));
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                rowNumber = r != null ? Long.parseLong(r) : rowNumber + 1;
                cells.clear();
                nextColumn = 0;
            }
            case "c" -> {
                ref = attributes.getValue("r");
                column = ref != null ? columnOf(ref) : nextColumn;
                nextColumn = column + 1;
                type = attributes.getValue("t");
                String s = attributes.getValue("s");
                style = s == null ? 0 : Integer.parseInt(s);
                formula = false;
                hasValue = false;
                text.setLength(0);
            }
            case "f" -> formula = true;
            case "v" -> {
                inValue = true;
                text.setLength(0);
            }
            case "is" -> {
                inInline = true;
                text.setLength(0);
            }
            case "rPh" -> inPhonetic = true;
            case "t" -> inText = inInline && !inPhonetic;
            default -> {
                // other elements (sheet properties, columns, formats) do not hold values
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue || inText) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName) {
            case "v" -> {
                inValue = false;
                hasValue = true;
            }
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            case "is" -> {
                inInline = false;
                hasValue = true;
            }
            case "c" -> {
                if (column < MAX_COLUMNS) {
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, value());
                }
            }
            case "row" -> endRow();
            default -> {
                // nothing to close
            }
        }
    }

    private Object value() {
        String v = text.toString();
        boolean stored = hasValue && (!v.isEmpty() || "str".equals(type) || "inlineStr".equals(type));
        if (formula && (!stored || recalculateOnLoad)) {
            return new RowSource.UncachedFormula(ref != null ? ref : "?");
        }
        if (!hasValue || v.isEmpty()) {
            return null;
        }
        String t = type == null ? "n" : type;
        return switch (t) {
            case "s" -> strings.cell(Integer.parseInt(v.strip()));
            case "b" -> "1".equals(v.strip()) || "true".equalsIgnoreCase(v.strip());
            case "n" -> number(v);
            default -> v; // str, inlineStr, e (an error such as #N/A), d (ISO 8601 text)
        };
    }

    private Object number(String v) {
        double d;
        try {
            d = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return v;
        }
        return isDateStyle(style) && DateUtil.isValidExcelDate(d) ? DateUtil.getLocalDateTime(d, date1904) : (Object) d;
    }

    private boolean isDateStyle(int index) {
        return dateStyles.computeIfAbsent(index, i -> {
            if (styles == null || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle st = styles.getStyleAt(i);
            return st != null && DateUtil.isADateFormat(st.getDataFormat(), st.getDataFormatString());
        });
    }

    private void endRow() throws SAXException {
        fillMerged();
        try {
            if (!sink.row(rowNumber, Collections.unmodifiableList(cells))) {
                throw new Stop();
            }
        } catch (SQLException | SourceException e) {
            throw new Failure(e);
        }
    }

    /** A merged range shows its top-left value in every cell it covers (a vertically merged agency, a title). */
    private void fillMerged() {
        int row = (int) rowNumber - 1;
        while (nextMerge < merges.size() && merges.get(nextMerge).range.getFirstRow() <= row) {
            openMerges.add(merges.get(nextMerge++));
        }
        openMerges.removeIf(m -> m.range.getLastRow() < row);
        for (Merge m : openMerges) {
            int first = m.range.getFirstColumn();
            if (row == m.range.getFirstRow()) {
                m.value = first < cells.size() ? cells.get(first) : null;
            }
            if (m.value == null) {
                continue;
            }
            int last = Math.min(m.range.getLastColumn(), MAX_COLUMNS - 1);
            while (cells.size() <= last) {
                cells.add(null);
            }
            for (int c = first; c <= last; c++) {
                if (cells.get(c) == null) {
                    cells.set(c, m.value);
                }
            }
        }
    }

    /** "AB12" is column 27 (0-based). */
    static int columnOf(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char ch = ref.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                col = col * 26 + (ch - 'A' + 1);
            } else if (ch >= 'a' && ch <= 'z') {
                col = col * 26 + (ch - 'a' + 1);
            } else {
                break;
            }
        }
        return Math.max(col - 1, 0);
    }
}
