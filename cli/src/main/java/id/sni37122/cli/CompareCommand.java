package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.IndicatorResult;
import id.sni37122.indicators.Indicators;
import id.sni37122.reports.CityFigure;
import id.sni37122.reports.ProvinceReport;
import id.sni37122.reports.RuleDifference;
import id.sni37122.reports.publication.Publication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: one comparison workbook over several cities, with the pooled (province)
 * figure. Each city takes part through its config (figures computed from its warehouse) or
 * through its publication (the results JSON or CSV that its {@code report} wrote), so a
 * province needs no city's raw data; see {@link CompareInputs} for what {@code -c} takes.
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
        CompareInputs inputs;
        try {
            inputs = CompareInputs.resolve(configs, Main.languageOf(spec));
        } catch (ConfigException e) {
            console.problem(Messages.get("cli.config_error") + " " + e.located());
            return e.exitCode();
        } catch (CompareInputs.InputException e) {
            console.problem(e.getMessage());
            return ExitCode.USAGE;
        } catch (IOException e) {
            return CityCommand.failed(console, e, "");
        }
        if (Main.languageOf(spec) != null) {
            Messages.setLanguage(Main.languageOf(spec)); // over the cities' configs
        }
        String twice = cityGivenTwice(inputs.configs);
        if (twice != null) {
            console.problem(twice);
            return ExitCode.USAGE;
        }
        inputs.notes.forEach(console::info);
        try {
            List<CityFigure> candidates = new ArrayList<>();
            for (CityConfig config : inputs.configs) {
                try (Pipeline p = Pipeline.open(config, waitSeconds)) {
                    Instant now = Instant.now();
                    for (IndicatorResult r : p.compute(year)) {
                        candidates.add(CityFigure.of(config.city(), r, inputs.shownAs.get(config.file()), now, Main.version()));
                    }
                }
            }
            for (Publication publication : inputs.publications) {
                publication.figures().stream().filter(f -> year == null || f.year() == year).forEach(candidates::add);
            }
            Chosen chosen = choose(candidates);
            chosen.notes().forEach(console::info);
            List<CityFigure> figures = chosen.figures();
            String name = inputs.name; // null: the report names the group after the cities with data
            Path out = output != null ? output : inputs.output != null ? inputs.output
                    : !inputs.configs.isEmpty() ? inputs.configs.get(0).output()
                    : inputs.publications.get(0).file().toAbsolutePath().getParent();
            Files.createDirectories(out);
            TreeSet<Integer> years = new TreeSet<>();
            figures.forEach(f -> years.add(f.year()));
            ProvinceReport report = new ProvinceReport(inputs.code, name).notes(chosen.notes());
            if (inputs.minCoverage != null) {
                report.minCoverage(inputs.minCoverage);
            }
            int exit = ExitCode.OK;
            for (int y : years) {
                for (Indicator indicator : Indicators.all()) {
                    List<RuleDifference> differences = RuleDifference.among(figures.stream()
                            .filter(f -> f.year() == y && f.indicator().equals(indicator.code())).toList());
                    for (RuleDifference d : differences) {
                        console.problem(Messages.get("cli.compare_rules_differ", indicator.code(), String.valueOf(y), d.describe()));
                        exit = ExitCode.DATA_QUALITY;
                    }
                }
                Written.tell(console, report.write(y, figures, out));
            }
            return exit;
        } catch (RunLock.BusyException | IOException | SQLException e) {
            return CityCommand.failed(console, e, "");
        }
    }

    /** A city named by two configs is a mistake (which one's figures?), not something to merge. */
    private static String cityGivenTwice(List<CityConfig> configs) {
        Map<String, CityConfig> byCode = new HashMap<>();
        for (CityConfig c : configs) {
            CityConfig earlier = byCode.putIfAbsent(c.city().code(), c);
            if (earlier != null) {
                return Messages.get("cli.compare_twice", c.city().name(), earlier.file(), c.file());
            }
        }
        return null;
    }

    /** The figures compared, and what was chosen among candidates, in words. */
    record Chosen(List<CityFigure> figures, List<String> notes) {
    }

    /** One city's figures from one source (a config's warehouse, or a publication file). */
    private record Run(String city, Instant computedAt, String source) {
        static Run of(CityFigure f) {
            return new Run(f.city().code(), f.computedAt(), f.source());
        }
    }

    /**
     * One run per city and year. A run is a city and the moment it computed: a results CSV and its
     * JSON twin are one run, read from the JSON (every digit). Two runs for the same city and year:
     * the newer is used, and both are named.
     */
    static Chosen choose(List<CityFigure> candidates) {
        List<String> notes = new ArrayList<>();
        // The same run from several files: one is read, the others are named.
        Map<List<Object>, Run> runs = new LinkedHashMap<>();
        for (CityFigure f : candidates) {
            Run run = Run.of(f);
            Run kept = runs.putIfAbsent(List.of(run.city(), run.computedAt()), run);
            if (kept != null && !kept.source().equals(run.source())) {
                boolean json = run.source().toLowerCase(Locale.ROOT).endsWith(".json");
                Run better = json && !kept.source().toLowerCase(Locale.ROOT).endsWith(".json") ? run : kept;
                runs.put(List.of(run.city(), run.computedAt()), better);
                String note = Messages.get("cli.compare_same_run", better.source(), (better == run ? kept : run).source());
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
        }
        // Per city and year, the newest run that has it.
        Map<List<Object>, Run> newest = new LinkedHashMap<>();
        Map<List<Object>, String> cityNames = new HashMap<>();
        for (CityFigure f : candidates) {
            Run run = Run.of(f);
            if (!runs.containsValue(run)) {
                continue;
            }
            List<Object> cityYear = List.of(f.city().code(), f.year());
            cityNames.put(cityYear, f.city().name());
            newest.merge(cityYear, run, (a, b) -> b.computedAt().isAfter(a.computedAt()) ? b : a);
        }
        List<CityFigure> figures = new ArrayList<>();
        Set<String> said = new LinkedHashSet<>();
        for (CityFigure f : candidates) {
            Run run = Run.of(f);
            List<Object> cityYear = List.of(f.city().code(), f.year());
            Run used = newest.get(cityYear);
            if (run.equals(used)) {
                figures.add(f);
            } else if (runs.containsValue(run)) {
                said.add(Messages.get("cli.compare_newer", cityNames.get(cityYear), String.valueOf(f.year()), used.source(),
                        seconds(used.computedAt()), run.source(), seconds(run.computedAt())));
            }
        }
        notes.addAll(said);
        return new Chosen(figures, notes);
    }

    private static String seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
