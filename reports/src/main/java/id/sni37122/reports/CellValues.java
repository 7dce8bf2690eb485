package id.sni37122.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.Cell;

/**
 * A value as a cell: numbers become numeric cells with a number format (Excel and LibreOffice
 * show them with the reader's separators); text stays text, so a source value starting with "=",
 * "+", "-" or "@" can never become a formula.
 */
final class CellValues {

    private final Styles styles;

    CellValues(Styles styles) {
        this.styles = styles;
    }

    /** A decimal number's value (a Double, or a Quantity's), or null for anything else. */
    static Double decimal(Object v) {
        Object n = v instanceof Quantity q ? q.value() : v;
        return n instanceof Double || n instanceof Float || n instanceof BigDecimal ? Double.valueOf(((Number) n).doubleValue()) : null;
    }

    static boolean isWhole(Object v) {
        Double d = decimal(v);
        return d != null && d == Math.rint(d) && Math.abs(d) < 1e15;
    }


    /** Fills a cell; returns the lines its text needs at the column's width. */
    int write(Cell cell, Object v, int widthChars, boolean whole, boolean indent) {
        if (v == null) {
            return 1;
        }
        if (v instanceof Integer n) {
            // Years, months and small counts: no thousands separator, or 2023 would read "2.023".
            cell.setCellValue(n);
            cell.setCellStyle(styles.get(Styles.Look.PLAIN_NUMBER));
        } else if (v instanceof Long n) {
            cell.setCellValue(n);
            cell.setCellStyle(styles.get(Styles.Look.INTEGER));
        } else if (v instanceof Number n) {
            if (Double.isFinite(n.doubleValue())) {
                cell.setCellValue(n.doubleValue());
                cell.setCellStyle(styles.get(whole ? Styles.Look.INTEGER : Styles.Look.DECIMAL));
            }
        } else if (v instanceof Quantity q) {
            if (q.value() != null && Double.isFinite(q.value().doubleValue())) {
                cell.setCellValue(q.value().doubleValue());
                Styles.Look look = q.value() instanceof Long || whole ? Styles.Look.INTEGER
                        : q.value() instanceof Integer ? Styles.Look.PLAIN_NUMBER : Styles.Look.DECIMAL;
                cell.setCellStyle(styles.get(look, q.unit()));
            }
        } else if (v instanceof Percent p) {
            if (Double.isFinite(p.fraction())) {
                cell.setCellValue(p.fraction());
                cell.setCellStyle(styles.get(Styles.Look.PERCENT));
            }
        } else if (v instanceof LocalDateTime t) {
            cell.setCellValue(t);
            cell.setCellStyle(styles.get(Styles.Look.DATE_TIME));
        } else if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(styles.get(Styles.Look.DATE));
        } else {
            String text = text(v);
            cell.setCellValue(text); // always a string cell: never parsed as a formula
            int lines = TextWidth.lines(text, widthChars - (indent ? SheetWriter.INDENT_CHARS : 0));
            cell.setCellStyle(styles.get(lines > 1 ? Styles.Look.WRAP : Styles.Look.TEXT, null, indent));
            return lines;
        }
        return 1;
    }

    /** Numbers, shares, quantities and dates: right-aligned, never wrapped. */
    static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Percent || v instanceof Quantity || v instanceof LocalDate || v instanceof LocalDateTime;
    }

    /** About how many characters a value shows as. */
    static int displayLength(Object v) {
        if (v == null) {
            return 0;
        } else if (v instanceof Integer n) {
            return String.valueOf(n).length();
        } else if (v instanceof Long n) {
            return String.format("%,d", n).length();
        } else if (v instanceof Number n) {
            return String.format("%,.2f", n.doubleValue()).length();
        } else if (v instanceof Percent) {
            return 7;
        } else if (v instanceof Quantity q) {
            return (q.value() == null ? 0 : displayLength(q.value())) + 1 + q.unit().length();
        } else if (v instanceof LocalDate) {
            return 10;
        } else if (v instanceof LocalDateTime) {
            return 16;
        }
        return text(v).length();
    }


    /** A value as text: yes/no in the report's language. */
    static String text(Object v) {
        return v instanceof Boolean b ? Labels.text(b ? "reports.answer_yes" : "reports.answer_no") : v.toString();
    }
}
