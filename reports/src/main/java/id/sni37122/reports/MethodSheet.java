package id.sni37122.reports;

import id.sni37122.connectors.CityContext;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.IndicatorLabels;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.Indicators;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Metodologi: each rule as a sentence beside its config setting and raw value, and the service-area keywords. */
final class MethodSheet {

    private final XSSFWorkbook book;
    private final Styles styles;
    private final CityContext city;

    MethodSheet(XSSFWorkbook book, Styles styles, CityContext city) {
        this.book = book;
        this.styles = styles;
        this.city = city;
    }

    void write(List<IndicatorResult> results) {
        SheetWriter s = new SheetWriter(book, styles, Labels.text("reports.method"));
        if (!results.isEmpty()) { // printed, a page says whose methods they are
            s.title(Labels.text("reports.sheet_title", Labels.text("reports.method"), city.name(), String.valueOf(results.get(0).year())));
        }
        s.pairs(List.<Object[]>of(new Object[] {Labels.text("reports.time_zone"), city.zone().getId() + " (" + Labels.zoneName(city.zone()) + ")"}));
        for (IndicatorResult r : results) {
            Indicator indicator = Indicators.byCode(r.indicator());
            IndicatorLabels labels = indicator.labels();
            s.subtitle(r.indicator() + " " + labels.name());
            List<List<Object>> rows = new ArrayList<>();
            Map<?, ?> areas = null;
            for (Map.Entry<String, Object> rule : r.rules().entrySet()) {
                Object value = rule.getValue();
                boolean fixed = Labels.fixedRule(labels, rule.getKey(), value);
                String raw = fixed ? Labels.text("reports.fixed")
                        : value instanceof Map<?, ?> m ? (rule.getKey().equals("area_keywords") ? Labels.text("reports.see_method_below")
                                : String.join("; ", m.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()))
                        : value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
                if (value instanceof Map<?, ?> m && rule.getKey().equals("area_keywords")) {
                    areas = m;
                }
                rows.add(Arrays.asList(Labels.ruleSentence(labels, rule.getKey(), value),
                        fixed ? null : "rules." + indicator.rulesKey() + "." + rule.getKey(), raw));
            }
            s.table(List.of(Labels.text("reports.rule"), Labels.text("reports.config_key"), Labels.text("reports.raw_value")), rows);
            if (areas != null) {
                s.subtitle(Labels.text("reports.area_keywords"));
                List<List<Object>> areaRows = new ArrayList<>();
                areas.forEach((area, words) -> areaRows.add(Arrays.asList(Labels.cell(labels, area),
                        words instanceof List<?> w ? String.join(", ", w.stream().map(String::valueOf).toList()) : String.valueOf(words))));
                s.table(List.of(labels.get("column.area"), Labels.text("reports.keywords")), areaRows);
            }
        }
        s.finish();
    }
}
