package id.sni37122.cli;

import java.nio.file.Path;

/** A config that cannot be used: the message names the file, line and column and says what to fix. */
public final class ConfigException extends Exception {

    private final Path file;
    private final int line;
    private final int column;
    private final int exitCode;

    public ConfigException(Path file, int line, int column, String message) {
        this(file, line, column, message, ExitCode.USAGE);
    }

    private ConfigException(Path file, int line, int column, String message, int exitCode) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.exitCode = exitCode;
    }

    /**
     * The config file could not be read as text at all (the system refused it, or it is binary or
     * far too large): a failure, exit 1, like the operating-system failures of a run, rather than a
     * mistake in what the config says (exit 2).
     */
    static ConfigException unreadable(Path file, int line, String message) {
        return new ConfigException(file, line, 0, message, ExitCode.FAILED);
    }

    /** {@link ExitCode#USAGE} for a mistake in the config, {@link ExitCode#FAILED} for a file that cannot be read as one. */
    public int exitCode() {
        return exitCode;
    }

    /** "file:line:column: message". */
    public String located() {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(getMessage()).toString();
    }
}
