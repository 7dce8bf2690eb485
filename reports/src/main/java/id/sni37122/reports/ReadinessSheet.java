package id.sni37122.reports;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.table.YesNo;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.IndicatorLabels;
import id.sni37122.indicators.Indicators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The readiness checklist of one year beside the figures: nine questions per indicator, answers and evidence. */
final class ReadinessSheet {

    private final XSSFWorkbook book;
    private final Styles styles;
    private final CityContext city;
    private final Path configFolder;

    ReadinessSheet(XSSFWorkbook book, Styles styles, CityContext city, Path configFolder) {
        this.book = book;
        this.styles = styles;
        this.city = city;
        this.configFolder = configFolder;
    }

    /** @param file this year's answers, or null: the checklist then shows every answer as not filled in */
    void write(int year, Path file) {
        SheetWriter s = new SheetWriter(book, styles, Labels.text("reports.readiness") + " " + year);
        s.title(Labels.text("reports.readiness_title", String.valueOf(year), city.name()));
        JsonNode answers = null;
        if (file == null) {
            s.note(Labels.text("reports.readiness_none", String.valueOf(year)));
        } else {
            try {
                answers = YAMLMapper.builder().build().readTree(file.toFile()).path("indicators");
                s.note(Labels.text("reports.readiness_file", Labels.path(file.toString(), configFolder)));
            } catch (RuntimeException e) {
                s.note(Labels.text("reports.readiness_bad", Labels.path(file.toString(), configFolder), e.getMessage()));
            }
        }
        for (Indicator indicator : Indicators.all()) {
            IndicatorLabels labels = indicator.labels();
            s.subtitle(indicator.code() + " " + labels.name());
            List<List<Object>> rows = new ArrayList<>();
            int yes = 0;
            int missing = 0;
            JsonNode forIndicator = answers == null ? null : answers.path(indicator.code());
            for (int q = 1; q <= 9; q++) {
                JsonNode a = forIndicator == null ? null : forIndicator.path(String.valueOf(q));
                Boolean answer = a == null ? null : answer(a.path("answer"));
                String evidence = a == null || a.path("evidence").isMissingNode() ? null : a.path("evidence").asString();
                if (answer == null) {
                    missing++;
                } else if (answer) {
                    yes++;
                }
                rows.add(Arrays.asList(q, labels.get("readiness." + q), answer == null ? Labels.text("reports.missing_answer")
                        : Labels.text(answer ? "reports.answer_yes" : "reports.answer_no"), evidence));
            }
            rows.add(Arrays.asList(null, Labels.text("reports.score"), Labels.text("reports.score_value", yes, missing), null));
            s.table(List.of(Labels.text("reports.item"), Labels.text("reports.question"), Labels.text("reports.answer"),
                    Labels.text("reports.evidence")), rows);
        }
        s.finish();
    }

    /** ya/yes/true, tidak/no/false; anything else (or nothing) is missing, never "no". */
    private static Boolean answer(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (!node.isString() && !node.isNumber()) {
            return null;
        }
        try {
            return YesNo.parse(node.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
