package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The progress line as a person sees it: the CLI run in a real terminal (tmux) of 80 and 200
 * columns, the screen read back many times while 30 files load, so every state of the line is
 * seen as it is drawn, not just the final redraw. Each fits the width and is one clean line (the
 * old one ran "MB/s" into "berkas 4/30" and left pieces of longer lines behind).
 * Skipped where tmux is not installed (.ci/run installs it).
 */
class ProgressInTmuxTest {

    @TempDir
    Path dir;

    private static boolean tmux() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private static String run(String socket, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    /** Enough small files that loading takes seconds (each file is checksummed and recorded), so the line is seen mid-way. */
    static final int LOG_FILES = 25;

    @ParameterizedTest
    @ValueSource(ints = {80, 200})
    void theProgressLineReadsCleanlyAtAnyWidth(int width) throws Exception {
        assumeTrue(tmux(), "tmux is not installed");
        Path config = CliRunner.copyFixture("fixture-city", dir, List.of("kota-uji.yaml", "access.log", "layanan.csv", "pengaduan.csv",
                "insiden.csv", "heartbeat.csv")).resolve("kota-uji.yaml");
        Path logs = Files.createDirectories(config.resolveSibling("portal"));
        for (int f = 0; f < LOG_FILES; f++) {
            StringBuilder log = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                log.append("10.1.").append(f).append('.').append(i).append(" - - [02/Mar/2023:").append(String.format("%02d:%02d", i % 24, f))
                        .append(":00 +0800] \"GET /dataset/d").append(i).append(" HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 (X11; Linux x86_64;"
                        + " rv:121.0) Gecko/20100101 Firefox/121.0\"\n");
            }
            Files.writeString(logs.resolve("access-" + f + ".log"), log);
        }
        Files.writeString(config, Files.readString(config).replace("portal:     [{path: access.log, format: combined}]",
                "portal:     [{path: access.log, format: combined}, {path: \"portal/*.log\", format: combined}]"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", "'" + System.getProperty("java.class.path") + "'",
                Main.class.getName(), "ingest", "-c", "'" + config + "'", ";", "echo", "SELESAI", ";", "sleep", "60");
        String socket = "sni37122-test-" + ProcessHandle.current().pid() + "-" + width;
        int files = LOG_FILES + 5;
        try {
            run(socket, "new-session", "-d", "-x", String.valueOf(width), "-y", "40", "-s", "p", "env LANG=C.UTF-8 SNI37122_LANG=id " + command);
            // The screen read over and over while the files load: every state of the line that was drawn, not only the last.
            Set<String> seen = new LinkedHashSet<>();
            String screen = "";
            for (int i = 0; i < 1200 && !screen.contains("SELESAI"); i++) {
                Thread.sleep(50);
                screen = run(socket, "capture-pane", "-p", "-J", "-S", "-", "-t", "p"); // with what scrolled off
                for (String line : screen.split("\n")) {
                    if (line.contains("Memuat")) {
                        seen.add(line);
                    }
                }
            }
            assertThat(screen).contains("SELESAI", "Pemuatan data");
            for (String line : seen) {
                // capture-pane -J joins wrapped lines: a progress line that wrapped would be longer than the width.
                assertThat(line.length()).as(line).isLessThanOrEqualTo(width);
                assertThat(line).as("one clean line, nothing run together").startsWith("Memuat")
                        .matches("Memuat +\\d{1,3}%( \\[[= >]*\\])?( \\| [^|]+)+ *");
                assertThat(line.indexOf("Memuat", 1)).as(line).isEqualTo(-1);
            }
            List<String> midway = seen.stream().filter(l -> !l.matches("Memuat 100%.*")).toList();
            assertThat(midway).as("the line seen while it is drawn").isNotEmpty();
            assertThat(midway).anySatisfy(l -> assertThat(l).containsPattern("berkas \\d+/" + files + " "));
            // One line, redrawn in place: at the end only the last state stands, once and whole (under load the closing
            // draw once printed it a second time below; IngestProgress now draws nothing after closing).
            List<String> progress = new ArrayList<>();
            for (String line : screen.split("\n")) {
                if (line.startsWith("Memuat")) {
                    progress.add(line.strip());
                }
            }
            assertThat(progress).as(screen).hasSize(1);
            assertThat(progress.get(progress.size() - 1)).matches("Memuat 100%( \\[=+\\])?( \\| [^|]+)+").contains("berkas " + files + "/" + files, " MB");
            if (width >= 200) {
                assertThat(progress.get(progress.size() - 1)).contains("baris/detik");
            }
        } finally {
            run(socket, "kill-server");
        }
    }
}
