package id.sni37122.cli;

import java.nio.file.Path;

/** A config that cannot be used: the message names the file, line and column and says what to fix. */
public final class ConfigException extends Exception {

    private final Path file;
    private final int line;
    private final int column;

    public ConfigException(Path file, int line, int column, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
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
