package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.indicators.IndicatorResult;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: workbooks, charts and the publication from what the warehouse holds; with {@code --opendata}, a Frictionless Data Package too. */
@Command(name = "report", mixinStandardHelpOptions = true, resourceBundle = "id.sni37122.cli.help", sortOptions = false)
final class ReportCommand extends CityCommand {

    @Option(names = {"-y", "--year"}, paramLabel = "YEAR", descriptionKey = "year")
    Integer year;

    @Option(names = "--opendata", paramLabel = "DIR", descriptionKey = "report.opendata")
    Path openData;

    @Override
    int call(CityConfig config) throws IOException, SQLException, RunLock.BusyException {
        if (openData != null && config.license() == null) {
            console.problem(Messages.get("cli.opendata_no_license", config.file()));
            return ExitCode.USAGE;
        }
        try (Pipeline p = Pipeline.open(config, options.waitSeconds)) {
            long runId = p.startRun("report");
            List<IndicatorResult> results = p.compute(year);
            if (results.isEmpty()) {
                console.problem(year == null ? Messages.get("cli.nothing_to_report", config.city().name(), config.warehouse())
                        : Messages.get("cli.no_data_year", config.city().name(), String.valueOf(year)));
                p.finishRun(runId, ExitCode.FAILED, null, 0, "nothing to report");
                return ExitCode.FAILED;
            }
            p.save(runId, results);
            int exit = ExitCode.OK;
            try {
                Written.tell(console, p.report(results));
                if (openData != null) {
                    Written.tell(console, p.openData(results, openData));
                }
            } catch (IOException e) {
                console.problem(Messages.get("cli.report_failed", config.output(), String.valueOf(e.getMessage())));
                exit = ExitCode.FAILED;
            }
            p.finishRun(runId, exit, null, 0, null);
            return exit;
        }
    }
}
