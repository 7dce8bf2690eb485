package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.indicators.IndicatorResult;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code compute}: the indicators from what the warehouse holds; nothing is loaded or written but the history. */
@Command(name = "compute", mixinStandardHelpOptions = true, resourceBundle = "id.sni37122.cli.help", sortOptions = false)
final class ComputeCommand extends CityCommand {

    /**
     * Built on first use, not when the class loads: picocli makes an instance of every command to
     * read its defaults, and building a mapper took 0,2 s of every start, {@code --version} too.
     */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    @Option(names = {"-y", "--year"}, paramLabel = "YEAR", descriptionKey = "year")
    Integer year;

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    @Override
    int call(CityConfig config) throws IOException, SQLException, RunLock.BusyException {
        try (Pipeline p = Pipeline.open(config, options.waitSeconds)) {
            long runId = p.startRun("compute");
            List<IndicatorResult> results = p.compute(year);
            p.save(runId, results);
            List<String> warnings = ResultWarnings.lines(config.city().name(), results);
            if (json) {
                console.data(Json.MAPPER.writeValueAsString(toJson(results)));
                warnings.forEach(console::problem); // stdout is the JSON; the warnings are in it and on stderr
            } else {
                console.info(ResultTable.render(config.city().name(), results));
                warnings.forEach(console::warning);
            }
            List<String> missing = p.missingPopulation(results);
            missing.forEach(console::problem);
            int exit = missing.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
            if (results.isEmpty()) {
                console.problem(year == null ? Messages.get("cli.nothing_to_compute", config.city().name())
                        : Messages.get("cli.no_data_year", config.city().name(), String.valueOf(year)));
                exit = ExitCode.FAILED;
            }
            List<String> crossed = exit == ExitCode.OK ? QualityThresholds.crossed(config, null, results) : List.of();
            crossed.forEach(c -> console.problem(Messages.get("cli.threshold", c)));
            if (!crossed.isEmpty()) {
                exit = ExitCode.DATA_QUALITY;
            }
            p.finishRun(runId, exit, null, warnings.size(), String.join("; ", missing));
            return exit;
        }
    }

    /** The machine contract: one object per city, year and indicator that has data. */
    static List<Map<String, Object>> toJson(List<IndicatorResult> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (IndicatorResult r : results) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("city", r.city());
            o.put("year", r.year());
            o.put("indicator", r.indicator());
            o.put("value", r.value());
            o.put("numerator", r.numerator());
            o.put("denominator", r.denominator());
            o.put("unit", r.unit());
            o.put("rules", r.rules());
            o.put("details", r.details());
            o.put("warnings", ResultWarnings.json(r));
            out.add(o);
        }
        return out;
    }
}
