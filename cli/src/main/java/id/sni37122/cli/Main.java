package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SystemFailures;
import id.sni37122.connectors.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code sni37122}: the SNI ISO 37122 governance indicators from a city's own data. */
@Command(name = "sni37122", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        resourceBundle = "id.sni37122.cli.help", sortOptions = false, usageHelpAutoWidth = true)
public final class Main implements Runnable {

    /**
     * The subcommands, in the order the help lists them. A command line that starts with one of them
     * gets a model of that one alone: picocli reads every command's annotations and help texts when
     * it is handed them, tens of milliseconds at each start (its classes are too old for class-data
     * sharing), for commands that are not run.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("run", RunCommand::new);
        commands.put("ingest", IngestCommand::new);
        commands.put("compute", ComputeCommand::new);
        commands.put("report", ReportCommand::new);
        commands.put("validate", ValidateCommand::new);
        commands.put("status", StatusCommand::new);
        commands.put("compare", CompareCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    /** The whole command line, every subcommand in it: what the help, the man pages and the completion script show. */
    public static CommandLine commandLine() {
        return commandLine(new Main(), null);
    }

    /** The command line with only {@code only} under it (not null and not help), else with every subcommand. */
    private static CommandLine commandLine(Main main, String only) {
        CommandLine cl = new CommandLine(main);
        boolean one = only != null && COMMANDS.containsKey(only) && !only.equals("help");
        COMMANDS.forEach((name, command) -> {
            if (!one || name.equals(only)) {
                cl.addSubcommand(name, command.get());
            }
        });
        return cl;
    }

    @Spec
    CommandSpec spec;

    /** The commands that open the warehouse as soon as their config is read (run may find nothing new and open nothing). */
    private static final Set<String> OPENS_WAREHOUSE = Set.of("ingest", "compute", "report", "status");

    /** {@code --lang}: wins over the config's {@code language:}; read before parsing, so picocli's own messages follow it too. */
    @Option(names = "--lang", paramLabel = "id|en", scope = ScopeType.INHERIT, descriptionKey = "lang")
    String language;

    /** The language given with {@code --lang}, or null: what every command passes to the config loader. */
    static String languageOf(CommandSpec spec) {
        return spec.root().userObject() instanceof Main main ? main.language : null;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.get("cli.missing_command"));
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line and returns its exit code; used by main and by tests. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        quietLibraries();
        // --lang wins; else SNI37122_LANG (id by default) for help and early messages, until a config's language: is read.
        String given = languageArgument(args);
        if (given != null && !given.equals("id") && !given.equals("en")) {
            err.println(Messages.get("cli.lang_bad", given));
            err.flush();
            return ExitCode.USAGE;
        }
        Messages.setLanguage(given != null ? given : System.getenv().getOrDefault("SNI37122_LANG", "id"));
        Locale.setDefault(Messages.locale());
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // Answered before picocli builds its model of every command: half of the start-up time.
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            out.flush();
            return ExitCode.OK;
        }
        if (args.length > 0 && OPENS_WAREHOUSE.contains(args[0])) {
            Warehouse.loadEngineAhead();
        }
        Main main = new Main();
        main.language = given;
        CommandLine cl = commandLine(main, args.length > 0 ? args[0] : null);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(new UsageErrors());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A user sees what went wrong and what to do, not a stack trace; SNI37122_DEBUG=1 shows it.
            String os = SystemFailures.describe(ex);
            commandLine.getErr().println(os != null ? os
                    : Messages.get("cli.unexpected", ex.getClass().getSimpleName(), String.valueOf(ex.getMessage())));
            debug(ex, commandLine.getErr());
            return ExitCode.FAILED;
        });
        try {
            return cl.execute(args);
        } catch (ExceptionInInitializerError | NoClassDefFoundError | UnsatisfiedLinkError e) {
            // DuckDB unpacks its native library into java.io.tmpdir on first use: a full, read-only
            // or noexec /tmp makes that fail before any of our code can say why.
            if (!mentionsDuckdb(e)) {
                throw e;
            }
            err.println(Messages.get("cli.tmpdir_unusable", System.getProperty("java.io.tmpdir")));
            debug(e, err);
            return ExitCode.FAILED;
        }
    }

    private static boolean mentionsDuckdb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("duckdb")
                    || Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("org.duckdb."))) {
                return true;
            }
        }
        return false;
    }

    private static void debug(Throwable e, PrintWriter err) {
        if (System.getenv("SNI37122_DEBUG") != null) {
            e.printStackTrace(err);
        }
    }

    /** The value of {@code --lang X} or {@code --lang=X}, or null. */
    static String languageArgument(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
        }
        return null;
    }

    /** POI logs through Log4j's API; without a provider it would print a warning on every run. */
    private static void quietLibraries() {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.internal.SimpleLoggerContextFactory");
        System.setProperty("log4j2.simplelogLevel", "ERROR");
        System.setProperty("java.awt.headless", "true");
    }

    static String version() {
        return versions().getProperty("version", "dev");
    }

    /** The versions Maven wrote at build time: {@code --version} starts no database engine to ask. */
    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // fall through to "dev"
        }
        return p;
    }

    /** {@code --version}: the tool, and the engines whose behaviour the figures depend on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sni37122 " + version(),
                    Messages.get("cli.version_standard"),
                    "DuckDB JDBC " + versions().getProperty("duckdb", "?"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
