package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.indicators.IndicatorResult;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: workbooks and charts from what the warehouse holds. */
@Command(name = "report", mixinStandardHelpOptions = true, resourceBundle = "id.sni37122.cli.help", sortOptions = false)
final class ReportCommand extends CityCommand {

    @Option(names = {"-y", "--year"}, paramLabel = "YEAR", descriptionKey = "year")
    Integer year;

    @Override
    int call(CityConfig config) throws IOException, SQLException, RunLock.BusyException {
        try (Pipeline p = Pipeline.open(config, options.waitSeconds)) {
            long runId = p.startRun("report");
            List<IndicatorResult> results = p.compute(year);
            p.save(runId, results);
            int exit = ExitCode.OK;
            try {
                Written.tell(console, p.report(results));
            } catch (IOException e) {
                console.problem(Messages.get("cli.report_failed", config.output(), String.valueOf(e.getMessage())));
                exit = ExitCode.FAILED;
            }
            p.finishRun(runId, exit, null, 0, null);
            return exit;
        }
    }
}
