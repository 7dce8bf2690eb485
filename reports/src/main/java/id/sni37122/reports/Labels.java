package id.sni37122.reports;

import id.sni37122.connectors.Messages;
import id.sni37122.indicators.IndicatorLabels;
import java.time.Month;
import java.time.format.TextStyle;

/** Report texts: the reports bundle, month names, and cell values an indicator labels. */
final class Labels {

    private Labels() {
    }

    static String text(String key, Object... args) {
        return Messages.get(key, args);
    }

    static String monthShort(int month) {
        return Month.of(month).getDisplayName(TextStyle.SHORT, Messages.locale());
    }

    /** A category cell: the indicator's {@code value.<x>} label when it has one, else the value as text. */
    static String cell(IndicatorLabels labels, Object value) {
        String s = String.valueOf(value);
        return labels.has("value." + s) ? labels.get("value." + s) : s;
    }
}
