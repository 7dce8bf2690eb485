package id.sni37122.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the real command line in-process and keeps what it printed. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Copies a test-resource folder (flat) into {@code target}. */
    static Path copyFixture(String name, Path target, List<String> files) throws IOException {
        Files.createDirectories(target);
        for (String f : files) {
            try (InputStream in = CliRunner.class.getResourceAsStream("/" + name + "/" + f)) {
                if (in == null) {
                    throw new IOException("missing test resource " + name + "/" + f);
                }
                Files.copy(in, target.resolve(f));
            }
        }
        return target;
    }
}
