package id.sni37122.reports.publication;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers in the results CSV, with a decimal comma (Indonesian) or point (English) and no
 * grouping or exponent, so LibreOffice in either locale reads them as numbers.
 */
final class Decimals {

    private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_UP);

    private Decimals() {
    }

    /** Every digit needed to read the same double back: numerators and denominators pool exactly. */
    static String exact(Double d, char decimal) {
        return d == null || !Double.isFinite(d) ? "" : plain(BigDecimal.valueOf(d), decimal);
    }

    /** Six significant digits: the value, for reading. */
    static String sixDigits(Double d, char decimal) {
        return d == null || !Double.isFinite(d) ? "" : plain(BigDecimal.valueOf(d).round(SIX), decimal);
    }

    private static String plain(BigDecimal b, char decimal) {
        String s = b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
        return decimal == '.' ? s : s.replace('.', decimal);
    }

    /** The number in a cell, either decimal mark; null for an empty cell. */
    static Double parse(String cell) {
        String s = cell.strip();
        return s.isEmpty() ? null : Double.valueOf(s.replace(',', '.'));
    }
}
