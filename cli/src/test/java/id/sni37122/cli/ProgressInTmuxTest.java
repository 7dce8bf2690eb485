package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The progress line as a person sees it: the CLI run in a real terminal (tmux) of 80 and 200
 * columns, the screen read back. The progress line fits the width and is one clean line (the old one ran "MB/s" into "berkas 4/30" and left pieces of longer lines behind).
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

    @ParameterizedTest
    @ValueSource(ints = {80, 200})
    void theProgressLineReadsCleanlyAtAnyWidth(int width) throws Exception {
        assumeTrue(tmux(), "tmux is not installed");
        Path config = CliRunner.copyFixture("fixture-city", dir, List.of("kota-uji.yaml", "access.log", "layanan.csv", "pengaduan.csv",
                "insiden.csv", "heartbeat.csv")).resolve("kota-uji.yaml");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", "'" + System.getProperty("java.class.path") + "'",
                Main.class.getName(), "ingest", "-c", "'" + config + "'", ";", "echo", "SELESAI", ";", "sleep", "60");
        String socket = "sni37122-test-" + ProcessHandle.current().pid() + "-" + width;
        try {
            run(socket, "new-session", "-d", "-x", String.valueOf(width), "-y", "40", "-s", "p", "env LANG=C.UTF-8 SNI37122_LANG=id " + command);
            String screen = "";
            for (int i = 0; i < 240 && !screen.contains("SELESAI"); i++) {
                Thread.sleep(250);
                screen = run(socket, "capture-pane", "-p", "-J", "-t", "p");
            }
            assertThat(screen).contains("SELESAI", "Pemuatan data");
            List<String> progress = new ArrayList<>();
            for (String line : screen.split("\n")) {
                if (line.startsWith("Memuat")) {
                    // capture-pane -J joins wrapped lines: a progress line that wrapped would be longer than the width.
                    assertThat(line.length()).as(line).isLessThanOrEqualTo(width);
                    progress.add(line.strip());
                }
            }
            // One line, redrawn in place: the last state, whole, and nothing run together.
            assertThat(progress).hasSize(1);
            assertThat(progress.get(0)).matches("Memuat 100%( \\[=+\\])?( \\| [^|]+)+").contains("berkas 5/5", " MB");
            if (width >= 200) {
                assertThat(progress.get(0)).contains("baris/detik");
            }
        } finally {
            run(socket, "kill-server");
        }
    }
}
