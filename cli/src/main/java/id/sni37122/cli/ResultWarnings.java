package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.indicators.IndicatorLabels;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.Indicators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warnings of results, in the report's language: an operator reads them in the terminal, not
 * only on the workbook's sheet. A missing population is left out here: it is an error of its own
 * ({@link Pipeline#missingPopulation}).
 */
final class ResultWarnings {

    private ResultWarnings() {
    }

    /** One line per warning, naming the city, year and indicator. */
    static List<String> lines(String cityName, List<IndicatorResult> results) {
        List<String> out = new ArrayList<>();
        for (IndicatorResult r : results) {
            IndicatorLabels labels = labels(r);
            for (String key : r.warnings()) {
                if (!key.equals("warning.population_missing")) {
                    out.add(Messages.get("cli.result_warning", cityName, String.valueOf(r.year()), r.indicator(), labels.get(key)));
                }
            }
        }
        return out;
    }

    /** For {@code --json}: each warning's key and its text. */
    static List<Map<String, String>> json(IndicatorResult r) {
        IndicatorLabels labels = labels(r);
        List<Map<String, String>> out = new ArrayList<>();
        for (String key : r.warnings()) {
            Map<String, String> w = new LinkedHashMap<>();
            w.put("key", key);
            w.put("text", labels.get(key));
            out.add(w);
        }
        return out;
    }

    private static IndicatorLabels labels(IndicatorResult r) {
        try {
            return Indicators.byCode(r.indicator()).labels();
        } catch (IllegalArgumentException e) {
            return IndicatorLabels.of(Object.class); // an indicator no longer installed: its keys show as they are
        }
    }
}
