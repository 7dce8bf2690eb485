package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Command-line mistakes in the user's language: picocli's own messages ("Unmatched argument at
 * index 0", "Missing required option") are English, so each kind is said again from the bundle,
 * with picocli's suggestions and where to read the help. Exit code 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(message(ex, List.of(args)));
        if (ex instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            err.println(Messages.get("cli.usage_suggest", String.join(", ", u.getSuggestions())));
        }
        err.println(Messages.get("cli.usage_help", cmd.getCommandSpec().qualifiedName()));
        return ExitCode.USAGE;
    }

    static String message(ParameterException ex, List<String> args) {
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            return Messages.get("cli.usage_unmatched", String.join(" ", unmatched));
        }
        if (ex instanceof MissingParameterException m) {
            // "-y" at the end without its year is a value left out, not a required option forgotten.
            List<ArgSpec> valueless = m.getMissing().stream().filter(a -> a instanceof OptionSpec o && given(o, args)).toList();
            if (!valueless.isEmpty()) {
                OptionSpec o = (OptionSpec) valueless.get(0);
                return Messages.get("cli.usage_no_value", o.longestName(), o.paramLabel());
            }
            String missing = Messages.get("cli.usage_missing", String.join(", ", m.getMissing().stream().map(UsageErrors::name).toList()));
            // picocli checks required options before unknown ones, but "run --konfig x.yaml" is a typo to name first.
            List<String> unknown = unknownOptions(ex.getCommandLine(), args);
            return unknown.isEmpty() ? missing : Messages.get("cli.usage_unmatched", String.join(" ", unknown)) + System.lineSeparator() + missing;
        }
        if (ex.getArgSpec() == null && ex.getValue() != null && args.indexOf("help") >= 0
                && args.indexOf(ex.getValue()) > args.indexOf("help")) {
            return Messages.get("cli.usage_unknown_command", ex.getValue()); // "help nope": picocli's HelpCommand says it in English
        }
        if (ex instanceof OverwrittenOptionException o) {
            return Messages.get("cli.usage_twice", name(o.getOverwritten()));
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return Messages.get("cli.usage_bad_value", ex.getValue(), name(ex.getArgSpec()));
        }
        // Our own messages (e.g. a missing command) are already in the user's language.
        return ex.getMessage();
    }

    /** The arguments that look like options ("-x", "--tahun", "--tahun=2023") and that the command does not have. */
    private static List<String> unknownOptions(CommandLine cmd, List<String> args) {
        return args.stream().filter(a -> a.startsWith("-") && a.length() > 1 && !a.matches("-\\d.*"))
                .filter(a -> cmd.getCommandSpec().findOption(a.contains("=") ? a.substring(0, a.indexOf('=')) : a) == null)
                .toList();
    }

    /** True when the option itself stands on the command line ({@code -y}, {@code --year}, {@code --year=}). */
    private static boolean given(OptionSpec o, List<String> args) {
        for (String a : args) {
            for (String n : o.names()) {
                if (a.equals(n) || a.startsWith(n + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() + (o.typeInfo().isBoolean() ? "" : " " + o.paramLabel()) : arg.paramLabel();
    }
}
