package id.sni37122.cli;

import java.io.IOException;
import java.sql.SQLException;
import picocli.CommandLine.Command;

/** {@code ingest}: load new source files into the warehouse, nothing else. */
@Command(name = "ingest", mixinStandardHelpOptions = true, resourceBundle = "id.sni37122.cli.help", sortOptions = false)
final class IngestCommand extends CityCommand {

    @Override
    int call(CityConfig config) throws IOException, SQLException, RunLock.BusyException {
        RunCommand run = new RunCommand();
        run.options = options;
        run.console = console;
        return run.ingestComputeReport(config, "ingest", false, false);
    }
}
