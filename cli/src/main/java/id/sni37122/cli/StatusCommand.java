package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SqlResource;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import picocli.CommandLine.Command;

/** {@code status}: what the warehouse holds, from which files and when, and the last runs. */
@Command(name = "status", mixinStandardHelpOptions = true, resourceBundle = "id.sni37122.cli.help", sortOptions = false)
final class StatusCommand extends CityCommand {

    @Override
    int call(CityConfig config) throws IOException, SQLException, RunLock.BusyException {
        if (!Files.exists(config.warehouse())) {
            console.info(Messages.get("cli.status_empty", config.warehouse()));
            return ExitCode.OK;
        }
        try (Pipeline p = Pipeline.open(config, options.waitSeconds); Statement s = p.connection().createStatement()) {
            console.info(Messages.get("cli.status_header", config.city().name(), config.warehouse()));
            console.info(Messages.get("cli.status_files"));
            try (ResultSet r = s.executeQuery(SqlResource.load(StatusCommand.class, "status_files.sql"))) {
                while (r.next()) {
                    console.info(String.format("  %-10s %-8s %,9d %,9d %,7d  %s  %s", r.getString("kind"), r.getString("format"),
                            r.getLong("rows_read"), r.getLong("rows_loaded"), r.getLong("rows_rejected"),
                            r.getString("loaded_at"), r.getString("path")));
                }
            }
            console.info(Messages.get("cli.status_runs"));
            try (ResultSet r = s.executeQuery(SqlResource.load(StatusCommand.class, "status_runs.sql"))) {
                while (r.next()) {
                    console.info(String.format("  #%-4d %-8s %s  %6.1f s  exit=%-4s %s", r.getLong("run_id"), r.getString("command"),
                            r.getString("started_at"), r.getDouble("seconds"), r.getString("exit_code"), r.getString("summary")));
                }
            }
        }
        return ExitCode.OK;
    }
}
