package id.sni37122.cli;

import java.io.PrintWriter;

/**
 * Where a command talks. Results and progress go to {@code out}; problems to {@code err}.
 * With {@code --quiet}, a run that goes well prints nothing at all (cron mails nothing).
 */
final class Console {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;

    Console(PrintWriter out, PrintWriter err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    boolean quiet() {
        return quiet;
    }

    /** Normal output, silenced by --quiet. */
    void info(String text) {
        if (!quiet) {
            out.println(text);
            out.flush();
        }
    }

    /** Output the user asked for (e.g. JSON); never silenced. */
    void data(String text) {
        out.println(text);
        out.flush();
    }

    /**
     * What an operator must read though the run went on (a result's warnings): with the normal
     * output, and on standard error under --quiet, so cron mails it.
     */
    void warning(String text) {
        if (quiet) {
            problem(text);
        } else {
            info(text);
        }
    }

    /** Problems: always shown, on standard error. */
    void problem(String text) {
        err.println(text);
        err.flush();
    }

    PrintWriter out() {
        return out;
    }
}
