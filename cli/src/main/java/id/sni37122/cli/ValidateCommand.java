package id.sni37122.cli;

import id.sni37122.connectors.Connectors;
import id.sni37122.connectors.DatabaseUrl;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.table.HeaderPlan;
import id.sni37122.connectors.table.TableOptions;
import id.sni37122.connectors.table.TableReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * {@code validate}: the config and every source, checked without loading anything, and what will
 * be read: each file's format and, for a table, which header becomes which field and which are left.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, resourceBundle = "id.sni37122.cli.help", sortOptions = false)
final class ValidateCommand extends CityCommand {

    /** Tables shown header by header per source; more files are counted (a folder of monthly exports). */
    static final int MAX_TABLES = 12;

    @Override
    int call(CityConfig config) {
        SourceCheck check = SourceCheck.of(config);
        List<String> problems = new ArrayList<>(check.errors);
        List<String> unreadable = new ArrayList<>();
        console.info(Messages.get("cli.validate_city", config.city().name(), config.city().code(), config.city().zone()));
        for (Map.Entry<SourceSpec, List<Path>> e : check.files.entrySet()) {
            SourceSpec spec = e.getKey();
            long bytes = e.getValue().stream().mapToLong(f -> f.toFile().length()).sum();
            if (spec.url() != null) {
                console.info("  " + Messages.get("cli.validate_database", spec.kind(), DatabaseUrl.shown(spec.url())));
                continue;
            }
            console.info("  " + Messages.get("cli.validate_source", spec.kind(), spec.path(), e.getValue().size(), bytes));
            describe(spec, e.getValue(), problems, unreadable);
        }
        problems.forEach(err -> console.problem(Messages.get("cli.source_error") + " " + err));
        unreadable.forEach(err -> console.problem(Messages.get("cli.source_error") + " " + err));
        if (config.sources().isEmpty()) {
            console.problem(Messages.get("cli.validate_no_sources"));
        }
        if (!Files.isDirectory(config.output()) && Files.exists(config.output())) {
            console.problem(Messages.get("cli.validate_output", config.output()));
            return ExitCode.USAGE;
        }
        if (problems.isEmpty() && unreadable.isEmpty()) {
            console.info(Messages.get("cli.validate_ok"));
            return ExitCode.OK;
        }
        // A file the user may not read is the system's refusal, not the config's mistake: as when it loads, 1.
        return problems.isEmpty() ? ExitCode.FAILED : ExitCode.USAGE;
    }

    /** Files of a format without a header are counted by format; a table's header is opened and shown. */
    private void describe(SourceSpec spec, List<Path> files, List<String> problems, List<String> unreadable) {
        String origin = Messages.get(spec.format() != null ? "cli.validate_format_config" : "cli.validate_format_name");
        Map<String, Long> plain = new TreeMap<>();
        int tables = 0;
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                unreadable.add(Messages.get("connectors.permission_denied", file));
                continue;
            }
            String format = SourceCheck.format(spec, file);
            TableOptions options = Connectors.forKind(spec.kind()).tableOptions(spec, format);
            if (options == null) {
                plain.merge(format, 1L, Long::sum);
                continue;
            }
            try {
                HeaderPlan plan = HeaderPlan.of(TableReader.header(file, options));
                if (tables++ < MAX_TABLES) {
                    show(file, format, origin, plan);
                }
                plan.looksLikeTime().forEach(h -> console.info("      " + Messages.get("cli.validate_time_unmapped", h, file.getFileName())));
            } catch (SourceException ex) {
                problems.add(ex.located());
            } catch (IOException ex) {
                problems.add(new SourceException(file, Messages.get("connectors.file_unreadable") + " (" + ex.getMessage() + ")").located());
            }
        }
        plain.forEach((format, n) -> console.info("    " + Messages.get("cli.validate_format", format, n, origin)));
        if (tables > MAX_TABLES) {
            console.info("    " + Messages.get("cli.more_files", tables - MAX_TABLES));
        }
    }

    private void show(Path file, String format, String origin, HeaderPlan plan) {
        console.info("    " + Messages.get("cli.validate_table", file.getFileName(), format, origin, plan.line()));
        console.info("      " + Messages.get("cli.validate_read", plan.fields().entrySet().stream()
                .map(f -> "'" + f.getValue() + "' -> " + f.getKey()).collect(Collectors.joining(", "))));
        if (!plan.personal().isEmpty()) {
            console.info("      " + Messages.get("cli.validate_personal", quoted(plan.personal())));
        }
        if (!plan.unused().isEmpty()) {
            console.info("      " + Messages.get("cli.validate_unused", quoted(plan.unused())));
        }
    }

    private static String quoted(List<String> headers) {
        return headers.stream().map(h -> "'" + h + "'").collect(Collectors.joining(", "));
    }
}
