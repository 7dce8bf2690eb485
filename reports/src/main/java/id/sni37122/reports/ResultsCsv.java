package id.sni37122.reports;

import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.Indicators;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine-readable results beside the workbooks: one row per city, year and indicator, with
 * numerator, denominator, unit and the rules (JSON). Numbers use a dot, so other programs read them.
 */
public final class ResultsCsv {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResultsCsv() {
    }

    /** Writes every result (one city) as {@code sni37122-<city>-hasil.csv} into outputDir; returns the file. */
    public static Path write(List<IndicatorResult> all, Path outputDir) throws IOException {
        String city = all.isEmpty() ? "kota" : all.get(0).city();
        Path file = outputDir.resolve("sni37122-" + city + "-hasil.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader("city", "year", "indicator", "name", "value", "numerator", "denominator", "unit", "rules").get())) {
            for (IndicatorResult r : all) {
                csv.printRecord(r.city(), r.year(), r.indicator(), Indicators.byCode(r.indicator()).labels().name(),
                        r.value(), r.numerator(), r.denominator(), r.unit(), JSON.writeValueAsString(r.rules()));
            }
        }
        return file;
    }
}
