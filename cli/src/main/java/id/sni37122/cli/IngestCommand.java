package id.sni37122.cli;

import id.sni37122.connectors.Connectors;
import id.sni37122.connectors.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ingest}: load new source files into the warehouse, nothing else. */
@Command(name = "ingest", mixinStandardHelpOptions = true, resourceBundle = "id.sni37122.cli.help", sortOptions = false)
final class IngestCommand extends CityCommand {

    /** All files, a source kind, or a file or folder. */
    @Option(names = "--reload", arity = "0..1", fallbackValue = ALL, paramLabel = "PATH|KIND", descriptionKey = "reload")
    String reload;

    private static final String ALL = "*";

    @Override
    int call(CityConfig config) throws IOException, SQLException, RunLock.BusyException {
        RunCommand run = new RunCommand();
        run.options = options;
        run.console = console;
        if (reload != null) {
            BiPredicate<String, Path> which = selection(reload);
            if (which == null) {
                console.problem(Messages.get("cli.reload_unknown", reload, String.join(", ", Connectors.KINDS)));
                return ExitCode.USAGE;
            }
            List<Path> files = SourceCheck.of(config).files.entrySet().stream()
                    .flatMap(e -> e.getValue().stream().filter(f -> which.test(e.getKey().kind(), f))).toList();
            // A database source (url:) has no file: named by all or by its kind.
            boolean databases = config.sources().stream().anyMatch(s -> s.url() != null && which.test(s.kind(), null));
            if (files.isEmpty() && !databases) {
                console.problem(Messages.get("cli.reload_none", reload));
                return ExitCode.USAGE;
            }
            run.reload = which;
        }
        return run.ingestComputeReport(config, "ingest", false, false);
    }

    /**
     * What --reload names: every file, one kind's, or a file or the files under a folder; null when it
     * names nothing. A database source is tested with no file: all or its kind names it.
     */
    private static BiPredicate<String, Path> selection(String target) {
        if (target.equals(ALL)) {
            return (kind, file) -> true;
        }
        if (Connectors.KINDS.contains(target)) {
            return (kind, file) -> kind.equals(target);
        }
        Path path = Path.of(target).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            return null;
        }
        return (kind, file) -> file != null && file.toAbsolutePath().normalize().startsWith(path);
    }
}
