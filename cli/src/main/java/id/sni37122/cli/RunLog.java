package id.sni37122.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** One line per run appended to the log file, for operators who read logs rather than mail. */
final class RunLog {

    private RunLog() {
    }

    static Path fileFor(CityConfig config) {
        return config.logFile() != null ? config.logFile() : config.output().resolve("sni37122-run.log");
    }

    static void append(CityConfig config, String command, int exitCode, Duration took, String summary) {
        Path file = fileFor(config);
        String line = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " city=" + config.city().code() + " command=" + command
                + " exit=" + exitCode + " seconds=" + took.toMillis() / 1000.0 + " " + summary.replace('\n', ' ') + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is a convenience: a full disk shows in the run's own exit code and message
        }
    }
}
