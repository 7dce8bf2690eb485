package id.sni37122.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.indicators.KumaYear;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nightly run on an Uptime Kuma 1.23 database read for the first time in January: Kuma keeps 180
 * days, so 2025's heartbeats start on 5 July. 10.4 is computed from what is there, never
 * extrapolated, and its coverage, 4 264 of 8 760 monitor-hours (48.7 %: {@code KumaHistoryTest}
 * works it out by hand), is below the config's {@code min_coverage_share}: the run finishes, says
 * so, and exits 3, which cron and systemd tell from a failure.
 */
class KumaCoverageExitTest {

    @TempDir
    Path dir;

    private Path config(String minCoverage) throws Exception {
        return Files.writeString(dir.resolve("kota-uji.yaml"), """
                city: {code: uji, name: Kota Uji, timezone: Asia/Makassar}
                sources:
                  heartbeats: [{path: kuma.db}]
                output: out/
                secret_file: kunci/visitor.key
                thresholds: {min_coverage_share: %s}
                """.formatted(minCoverage));
    }

    @Test
    void aKuma123DatabaseOf180DaysExits3OnTheCoverageThreshold() throws Exception {
        KumaYear.kotaUji(KumaYear.Release.V1_23).write(dir.resolve("kuma.db"), "2024-12-31T16:00:00Z", "2026-01-01T00:00:00Z");
        Path config = config("0.6");

        CliRunner.Result run = CliRunner.run("run", "-c", config.toString(), "--year", "2025");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.DATA_QUALITY);
        assertThat(run.err()).contains("Ambang kualitas data terlampaui", "tahun 2025", "10.4 48,7%", "minimal 60%");
        // The figure is still given, with why it covers half the year.
        assertThat(run.out() + run.err()).contains("Uptime Kuma sudah menghapus sebagian data tahun ini");
        assertThat(dir.resolve("out")).isNotEmptyDirectory();

        // The same data under a threshold it meets: the 3 came from the coverage and nothing else.
        config("0.4");
        CliRunner.Result compute = CliRunner.run("compute", "-c", config.toString(), "--year", "2025");
        assertThat(compute.exitCode()).as(compute.out() + compute.err()).isEqualTo(ExitCode.OK);
        assertThat(compute.err()).doesNotContain("Ambang kualitas data terlampaui");
    }
}
