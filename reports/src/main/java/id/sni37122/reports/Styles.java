package id.sni37122.reports;

import id.sni37122.connectors.Messages;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.FontScheme;

/**
 * The cell styles of one workbook, each made once (a workbook holds at most 64 000). Number
 * formats carry the Indonesian locale tag (LCID 0421) in an Indonesian report: LibreOffice then
 * shows 1.234,56 whatever its own language (Excel takes separators from the system, Indonesian on
 * an analyst's Windows). English reports keep the reader's own separators.
 */
final class Styles {

    /** What a cell looks like; the formats are Excel patterns without the locale tag. */
    enum Look {
        TITLE, SUBTITLE, HEADER, HEADER_RIGHT, LABEL, TEXT, WRAP, INTEGER("#,##0"), PLAIN_NUMBER("0"), DECIMAL("#,##0.00"),
        PERCENT("0.0%"), DATE("dd/mm/yyyy"), DATE_TIME("dd/mm/yyyy hh:mm");

        final String format;

        Look() {
            this(null);
        }

        Look(String format) {
            this.format = format;
        }
    }

    /** The Indonesian locale tag of a number format. */
    static final String INDONESIAN = "[$-421]";

    private final XSSFWorkbook book;
    private final String locale;
    private final Map<Key, CellStyle> made = new HashMap<>();

    private record Key(Look look, String unit, boolean indent) {
    }

    /** Arial: on Linux LibreOffice has its metric twin (Liberation Sans), so columns sized here fit there too; Calibri falls back to a wider font. */
    static final String FONT = "Arial";
    static final int POINTS = 10;

    Styles(XSSFWorkbook book) {
        this.book = book;
        this.locale = Messages.english() ? "" : INDONESIAN;
        XSSFFont normal = book.getFontAt(0);
        normal.setScheme(FontScheme.NONE); // else Excel takes the theme's font (Calibri) instead
        normal.setFontName(FONT);
        normal.setFontHeightInPoints((short) POINTS);
    }

    CellStyle get(Look look) {
        return get(look, null);
    }

    /** A number format followed by a unit: {@code 37.552,67 jam}. */
    CellStyle get(Look look, String unit) {
        return get(look, unit, false);
    }

    /** With {@code indent}, a left-aligned text starts one step in (clear of a number right-aligned beside it). */
    CellStyle get(Look look, String unit, boolean indent) {
        return made.computeIfAbsent(new Key(look, unit, indent), k -> make(k.look(), k.unit(), k.indent()));
    }

    private CellStyle make(Look look, String unit, boolean indent) {
        CellStyle s = book.createCellStyle();
        if (indent && (look == Look.HEADER || look == Look.TEXT || look == Look.WRAP)) {
            s.setIndention((short) 1);
        }
        // Top, like the values: a label at the foot of a tall row reads as the next row's.
        s.setVerticalAlignment(VerticalAlignment.TOP);
        switch (look) {
            case TITLE -> {
                s.setFont(font(13, true));
                s.setWrapText(true);
            }
            case SUBTITLE -> {
                s.setFont(font(11, true));
                s.setWrapText(true);
            }
            case HEADER, HEADER_RIGHT, LABEL -> {
                s.setFont(font(POINTS, true));
                s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                s.setBorderBottom(BorderStyle.THIN);
                s.setWrapText(true);
                // A number's header stands over it, right-aligned like the number.
                s.setAlignment(look == Look.HEADER_RIGHT ? HorizontalAlignment.RIGHT : HorizontalAlignment.LEFT);
            }
            case WRAP -> {
                s.setWrapText(true);
                s.setAlignment(HorizontalAlignment.LEFT);
            }
            case TEXT -> s.setAlignment(HorizontalAlignment.LEFT);
            default -> {
                String format = look == Look.DATE || look == Look.DATE_TIME || look == Look.PLAIN_NUMBER ? look.format : locale + look.format;
                if (unit != null) {
                    format += "\" " + unit.replace("\"", "") + "\"";
                }
                s.setDataFormat(book.createDataFormat().getFormat(format));
            }
        }
        return s;
    }

    private Font font(int points, boolean bold) {
        Font f = book.createFont();
        f.setFontName(FONT);
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        return f;
    }
}
