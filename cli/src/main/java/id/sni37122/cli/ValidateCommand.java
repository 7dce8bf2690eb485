package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code validate}: the config and every source, checked without loading anything. */
@Command(name = "validate", mixinStandardHelpOptions = true, resourceBundle = "id.sni37122.cli.help", sortOptions = false)
final class ValidateCommand extends CityCommand {

    @Override
    int call(CityConfig config) {
        SourceCheck check = SourceCheck.of(config);
        console.info(Messages.get("cli.validate_city", config.city().name(), config.city().code(), config.city().zone()));
        for (Map.Entry<SourceSpec, List<Path>> e : check.files.entrySet()) {
            long bytes = e.getValue().stream().mapToLong(f -> f.toFile().length()).sum();
            console.info("  " + Messages.get("cli.validate_source", e.getKey().kind(), e.getKey().path(), e.getValue().size(), bytes));
        }
        check.errors.forEach(err -> console.problem(Messages.get("cli.source_error") + " " + err));
        if (config.sources().isEmpty()) {
            console.problem(Messages.get("cli.validate_no_sources"));
        }
        if (!Files.isDirectory(config.output()) && Files.exists(config.output())) {
            console.problem(Messages.get("cli.validate_output", config.output()));
            return ExitCode.USAGE;
        }
        if (check.ok()) {
            console.info(Messages.get("cli.validate_ok"));
            return ExitCode.OK;
        }
        return ExitCode.USAGE;
    }
}
