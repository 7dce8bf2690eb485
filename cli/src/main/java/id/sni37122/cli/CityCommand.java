package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SystemFailures;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the commands on one city share: load the config, take the warehouse, turn failures into
 * a message and an exit code. Subclasses say what happens in between.
 */
abstract class CityCommand implements Callable<Integer> {

    @Mixin
    CityOptions options;

    @Spec
    CommandSpec spec;

    Console console;

    /** The work, with the config loaded; returns the exit code. */
    abstract int call(CityConfig config) throws IOException, SQLException, RunLock.BusyException;

    @Override
    public Integer call() {
        console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), options.quiet);
        CityConfig config;
        try {
            config = options.load(console, Main.languageOf(spec));
        } catch (ConfigException e) {
            return e.exitCode();
        }
        try {
            return call(config);
        } catch (RunLock.BusyException | IOException | SQLException e) {
            return failed(console, e, config.warehouse());
        }
    }

    /** Says what went wrong, without a stack trace, and gives the exit code for it. */
    static int failed(Console console, Exception e, Object warehouse) {
        if (e instanceof RunLock.BusyException) {
            console.problem(e.getMessage());
            return ExitCode.BUSY;
        }
        String os = SystemFailures.describe(e);
        console.problem(os != null ? os
                : e instanceof SQLException ? Messages.get("cli.warehouse_failed", warehouse, SourceException.plainMessage(e))
                : Messages.get("cli.io_failed", String.valueOf(e.getMessage())));
        return ExitCode.FAILED;
    }
}
