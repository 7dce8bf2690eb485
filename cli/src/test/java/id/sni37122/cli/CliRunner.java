package id.sni37122.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * Runs the real command line in a JVM of its own, with {@code jvmOptions} (a heap limit, a
     * system property) and the test's class path.
     */
    static Result fork(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return fork(List.of(), jvmOptions, args);
    }

    /** {@link #fork(List, String...)} started through {@code wrapper} (e.g. {@code setpriv} with fewer privileges). */
    static Result fork(List<String> wrapper, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("sni37122-fork", ".out");
        Path err = Files.createTempFile("sni37122-fork", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int code = p.waitFor();
            return new Result(code, Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
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
