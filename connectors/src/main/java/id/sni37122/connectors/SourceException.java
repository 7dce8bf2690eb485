package id.sni37122.connectors;

import java.nio.file.Path;

/**
 * Bad input that stops a whole file (or the config): a missing file, a wrong header, an
 * unreadable format. The message is already in the user's language and says what to fix.
 * Row-level problems are not exceptions: they go to {@link Rejects} and the load goes on.
 */
public class SourceException extends Exception {

    private final Path file;
    private final long line;
    private final String column;

    public SourceException(Path file, long line, String column, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public SourceException(Path file, long line, String column, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public SourceException(Path file, String message) {
        this(file, 0, null, message);
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is the file as a whole. */
    public long line() {
        return line;
    }

    /** The column (header name or letter), or null. */
    public String column() {
        return column;
    }

    /** "file:line: column: message", the form editors and grep understand. */
    public String located() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        if (column != null) {
            sb.append(Messages.get("connectors.column", column)).append(": ");
        }
        return sb.append(getMessage()).toString();
    }

    /** A library's message without the Java class names an analyst cannot act on; its first line only. */
    public static String plainMessage(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.replaceAll("(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error):\\s*", "").lines().findFirst().orElse("");
    }
}
