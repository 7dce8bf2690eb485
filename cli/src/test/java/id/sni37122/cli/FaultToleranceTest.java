package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job under faults: killed with SIGKILL at random moments during ingest, and started
 * twice at once. The real command line runs in child JVMs, so a kill is a real kill.
 */
class FaultToleranceTest {

    private static final List<String> FIXTURE = List.of("kota-uji.yaml", "access.log", "layanan.csv", "pengaduan.csv",
            "insiden.csv", "heartbeat.csv");
    /** Enough portal log that a kill lands inside the ingest, small enough for a quick suite. */
    private static final int LOG_FILES = 6;
    private static final int LINES_PER_FILE = 60_000;

    @TempDir
    Path dir;

    /** A copy of the fixture city with a few extra gzipped portal logs and a shared visitor key. */
    private Path city(String name, byte[] key) throws IOException {
        Path d = CliRunner.copyFixture("fixture-city", dir.resolve(name), FIXTURE);
        Path logs = Files.createDirectories(d.resolve("portal"));
        Random random = new Random(37122);
        for (int f = 0; f < LOG_FILES; f++) {
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(logs.resolve("access-" + f + ".log.gz"))), StandardCharsets.UTF_8))) {
                long t = 1_680_307_200L + f * 86_400L; // April 2023, a day per file
                for (int i = 0; i < LINES_PER_FILE; i++) {
                    t += random.nextInt(3);
                    int client = random.nextInt(5000);
                    w.write("10." + (client >> 8) + "." + (client & 255) + ".7 - - [" + clf(t) + "] \"GET /dataset/d" + random.nextInt(300)
                            + " HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0\"\n");
                }
            }
        }
        String yaml = Files.readString(d.resolve("kota-uji.yaml")).replace("portal:     [{path: access.log, format: combined}]",
                "portal:     [{path: access.log, format: combined}, {path: \"portal/*.log.gz\", format: combined}]");
        Files.writeString(d.resolve("kota-uji.yaml"), yaml);
        Files.write(d.resolve("visitor.key"), key);
        return d.resolve("kota-uji.yaml");
    }

    private static String clf(long epoch) {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH)
                .format(java.time.Instant.ofEpochSecond(epoch).atOffset(java.time.ZoneOffset.ofHours(8)));
    }

    private Process start(Path config, String... command) throws IOException {
        // A killed child leaves the native libraries it unpacked behind: in this test's folder, not in /tmp.
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "--add-opens=java.base/java.nio=ALL-UNNAMED", // as the jar's manifest does
                "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        args.addAll(List.of(command));
        args.addAll(List.of("-c", config.toString()));
        return new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String values(Path config) {
        CliRunner.Result r = CliRunner.run("compute", "-c", config.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // Keep what the indicators say, not when they were computed.
        return r.out().replaceAll("\"computed_at\"\\s*:\\s*\"[^\"]*\"", "");
    }

    @Test
    void killedIngestsNeverLeaveHalfALoadAndTheNextRunCatchesUp() throws Exception {
        byte[] key = new byte[VisitorSecret.LENGTH];
        new Random(1).nextBytes(key);
        Path clean = city("clean", key);
        assertThat(CliRunner.run("ingest", "-c", clean.toString()).exitCode()).isZero();
        String expected = values(clean);
        assertThat(expected).contains("\"10.1\"");

        Random random = new Random(2026);
        for (int round = 0; round < 5; round++) {
            Path config = city("killed-" + round, key);
            // Kill several times on the same warehouse, each at a random moment, then let one run finish.
            for (int kill = 0; kill < 3; kill++) {
                Process p = start(config, "ingest");
                Thread.sleep(300 + random.nextInt(3000));
                p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
                p.waitFor(30, TimeUnit.SECONDS);
            }
            CliRunner.Result finish = CliRunner.run("ingest", "-c", config.toString());
            assertThat(finish.exitCode()).as("round %d: %s", round, finish.err()).isZero();
            assertThat(values(config)).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void twoRunsStartedTogetherExactlyOneProceeds() throws Exception {
        byte[] key = new byte[VisitorSecret.LENGTH];
        Path config = city("twice", key);
        Process a = start(config, "ingest");
        Process b = start(config, "ingest");
        assertThat(a.waitFor(300, TimeUnit.SECONDS) && b.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(List.of(a.exitValue(), b.exitValue())).containsExactlyInAnyOrder(ExitCode.OK, ExitCode.BUSY);
    }

    @Test
    void unwritableOutputIsExitCode1AndTheWarehouseIsUnharmed() throws Exception {
        byte[] key = new byte[VisitorSecret.LENGTH];
        Path config = city("readonly", key);
        assertThat(CliRunner.run("ingest", "-c", config.toString()).exitCode()).isZero();
        String before = values(config);
        // /proc is a read-only file system even for root, unlike a chmod-ed folder.
        String yaml = Files.readString(config) + "warehouse: out/kotauji.duckdb\n";
        Files.writeString(config, yaml.replace("output: out/", "output: /proc/sni37122-tidak-bisa-ditulis/"));
        CliRunner.Result r = CliRunner.run("run", "-c", config.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("/proc/sni37122-tidak-bisa-ditulis").doesNotContain("\tat ");
        assertThat(values(config)).isEqualTo(before);
        assertThat(new File("/proc/sni37122-tidak-bisa-ditulis")).doesNotExist();
    }
}
