package id.sni37122.cli;

import id.sni37122.connectors.CityContext;
import id.sni37122.connectors.Messages;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.reports.ProvinceReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code compare}: one comparison workbook over several cities, from their warehouses, with the
 * pooled (province) figure. The cities are given as several {@code -c} configs, or as one
 * province config: {@code province: {code, name}}, {@code cities: [samarinda.yaml, ...]}, {@code output:}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, resourceBundle = "id.sni37122.cli.help", sortOptions = false)
final class CompareCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, arity = "1..*", paramLabel = "FILE", descriptionKey = "compare.config")
    List<Path> configs;

    @Option(names = {"-y", "--year"}, paramLabel = "YEAR", descriptionKey = "year")
    Integer year;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", descriptionKey = "compare.output")
    Path output;

    @Option(names = {"-q", "--quiet"}, descriptionKey = "quiet")
    boolean quiet;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0", descriptionKey = "wait")
    int waitSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), quiet);
        String code = "gabungan";
        String name = null;
        List<Path> cityFiles = new ArrayList<>(configs);
        if (configs.size() == 1) {
            try {
                JsonNode root = YAMLMapper.builder().build().readTree(configs.get(0).toFile());
                if (root.has("cities")) {
                    Path base = configs.get(0).toAbsolutePath().getParent();
                    cityFiles.clear();
                    root.path("cities").forEach(c -> cityFiles.add(base.resolve(c.asString())));
                    code = root.path("province").path("code").asString(code);
                    name = root.path("province").path("name").asString(null);
                    if (output == null && root.has("output")) {
                        output = base.resolve(root.path("output").asString());
                    }
                }
            } catch (RuntimeException e) {
                console.problem(Messages.get("cli.config_error") + " " + configs.get(0) + ": " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        Map<CityContext, List<IndicatorResult>> byCity = new LinkedHashMap<>();
        List<CityConfig> loaded = new ArrayList<>();
        for (Path file : cityFiles) {
            try {
                loaded.add(ConfigLoader.load(file));
            } catch (ConfigException e) {
                console.problem(Messages.get("cli.config_error") + " " + e.located());
                return ExitCode.USAGE;
            }
        }
        try {
            for (CityConfig config : loaded) {
                try (Pipeline p = Pipeline.open(config, waitSeconds)) {
                    byCity.put(config.city(), p.compute(year));
                }
            }
            if (name == null) {
                name = Messages.get("cli.compare_group", String.join(", ", byCity.keySet().stream().map(CityContext::name).toList()));
            }
            Path out = output != null ? output : loaded.get(0).output();
            Files.createDirectories(out);
            TreeSet<Integer> years = new TreeSet<>();
            byCity.values().forEach(rs -> rs.forEach(r -> years.add(r.year())));
            ProvinceReport report = new ProvinceReport(code, name);
            for (int y : years) {
                for (Path f : report.write(y, byCity, out)) {
                    console.info(Messages.get("cli.wrote", f));
                }
            }
            return ExitCode.OK;
        } catch (RunLock.BusyException | IOException | SQLException e) {
            return CityCommand.failed(console, e, "");
        }
    }
}
