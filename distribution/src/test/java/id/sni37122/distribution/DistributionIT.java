package id.sni37122.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as an admin gets it: the tarball built in {@code package} is unpacked into a
 * temporary folder and its launcher runs the Samarinda sample city, as the nightly job would.
 * Runs in {@code verify} (failsafe), after the tarballs exist.
 */
class DistributionIT {

    private static final Path ROOT = Path.of(System.getProperty("sni37122.repoRoot", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("sni37122.version", "0.1.0");

    @TempDir
    static Path dir;

    static Path home;

    /** The platform this test runs on, by the release's name for it. */
    private static String arch() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
    }

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = ROOT.resolve("dist/sni37122-" + VERSION + "-linux-" + arch() + ".tar.gz");
        assumeTrue(System.getProperty("os.name").equals("Linux") && Set.of("x86_64", "aarch64").contains(arch()),
                "the release is built for Linux x86_64 and aarch64");
        assertThat(tarball).as("built by the package phase (make dist)").exists();
        Result tar = run(List.of("tar", "-xzf", tarball.toString(), "-C", dir.toString()), Map.of());
        assertThat(tar.exit()).as(tar.output()).isZero();
        home = dir.resolve("sni37122-" + VERSION);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), output);
    }

    @Test
    void runsTheSampleCityWithNothingUnpackedAndNoWarning() throws Exception {
        Path city = dir.resolve("samarinda");
        copy(ROOT.resolve("samples/samarinda"), city);
        // The launcher as cron or systemd runs it; while it runs, the native libraries it has mapped
        // are read from /proc: each must be the plain file in lib/, never a copy unpacked into /tmp.
        // (Stricter than looking for new libduckdb* files in /tmp afterwards: a copy is deleted when
        // the JVM exits normally, and other processes on the machine may be making theirs.)
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/sni37122").toString(), "run", "--quiet", "-c",
                city.resolve("samarinda.yaml").toString()).redirectErrorStream(true).redirectOutput(dir.resolve("run.out").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Process p = pb.start();
        // The JVM is the launcher's own process, or its child on the run that writes the class-data archive.
        Set<String> mapped = new TreeSet<>();
        while (p.isAlive()) {
            for (ProcessHandle h : Stream.concat(Stream.of(p.toHandle()), p.descendants()).toList()) {
                try {
                    for (String line : Files.readAllLines(Path.of("/proc/" + h.pid() + "/maps"))) {
                        if (line.matches(".*/[^/]*(duckdb|sqlitejdbc|arrow_cdata|jlinenative)[^/]*$")) {
                            mapped.add(line.substring(line.indexOf('/')));
                        }
                    }
                } catch (IOException exited) {
                    // gone between listing and reading
                }
            }
            Thread.sleep(20);
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(dir.resolve("run.out"));
        assertThat(p.exitValue()).as(output).isZero();
        // The sample's results carry warnings (days without logs, unanswered complaints, monitor gaps):
        // under --quiet they go to stderr for cron to mail (issue 13). Nothing else: no JVM warning.
        assertThat(output.lines().filter(l -> !l.isBlank()).toList()).as("--quiet: only the results' own warnings, no JVM warning")
                .isNotEmpty().allMatch(l -> l.startsWith("Peringatan Kota Samarinda tahun "));
        assertThat(city.resolve("out/sni37122-samarinda-2023.xlsx")).exists();
        String lib = home.resolve("lib").toRealPath() + "/";
        assertThat(mapped).as("DuckDB, Arrow (portal logs) and SQLite (kuma.db) libraries mapped by the run").contains(
                lib + "libduckdb_java.so_linux_" + (arch().equals("x86_64") ? "amd64" : "arm64"),
                lib + "libarrow_cdata_jni.so", lib + "libsqlitejdbc.so");
        assertThat(mapped).allMatch(path -> path.startsWith(lib), "under " + lib);

        // The first run left its class-data archive for the next starts (they use it and stay quiet)
        // and the robot verdicts of the agents' forms (digits as one 0) for the next first loads.
        try (Stream<Path> cached = Files.list(dir.resolve("cache/sni37122"))) {
            assertThat(cached.map(a -> a.getFileName().toString()).sorted().toList()).hasSize(2)
                    .satisfiesExactly(archive -> assertThat(archive).matches("classes-\\d+\\.jsa"),
                            verdicts -> assertThat(verdicts).matches("robot-verdicts-Yauaa-[0-9.]+\\.tsv"));
        }
        try (Stream<Path> verdicts = Files.list(dir.resolve("cache/sni37122")).filter(f -> f.toString().endsWith(".tsv"))) {
            assertThat(Files.readString(verdicts.findFirst().orElseThrow()))
                    .contains("\ntrue\tRobot\tMozilla/0.0 (compatible; Googlebot/0.0; +http://www.google.com/bot.html)\n")
                    .contains("\nfalse\tDesktop\tMozilla/0.0 (X0; Linux x0_0; rv:0.0) Gecko/0 Firefox/0.0\n");
        }
        Result compute = run(List.of(home.resolve("bin/sni37122").toString(), "compute", "--json", "--year", "2023", "-c",
                city.resolve("samarinda.yaml").toString()),
                Map.of("JAVA_HOME", System.getProperty("java.home"), "XDG_CACHE_HOME", dir.resolve("cache").toString()));
        assertThat(compute.exit()).as(compute.output()).isZero();
        // The demo's figure (README): 6 965 visits / 8,42691 hundred-thousands of population = 826,52.
        assertThat(compute.output()).contains("\"numerator\" : 6965.0", "\"value\" : 826.518854")
                .doesNotContain("WARNING:", "[warning]", "[error");
    }

    @Test
    void versionIsQuietOnEveryInstalledJava() throws Exception {
        List<Path> javas = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.filter(j -> Files.isExecutable(j.resolve("bin/java")) && !Files.isSymbolicLink(j)).forEach(javas::add);
            }
        }
        for (Path java : javas) {
            Result version = run(List.of(home.resolve("bin/sni37122").toString(), "--version"),
                    Map.of("JAVA_HOME", java.toString(), "XDG_CACHE_HOME", dir.resolve("cache").toString()));
            String feature = Files.exists(java.resolve("release")) ? Files.readString(java.resolve("release")) : "";
            if (feature.matches("(?s).*JAVA_VERSION=\"(1\\.|9|1[0-6])[^\"]*\".*")) {
                assertThat(version.exit()).as("%s is older than 17: %s", java, version.output()).isEqualTo(2);
                continue;
            }
            assertThat(version.exit()).as("%s: %s", java, version.output()).isZero();
            assertThat(version.output()).as(java.toString()).startsWith("sni37122 " + VERSION).doesNotContainIgnoringCase("warning");
        }
    }

    @Test
    void holdsWhatAnAdminNeeds() throws Exception {
        assertThat(home.resolve("bin/sni37122")).isExecutable();
        assertThat(home.resolve("etc/example.yaml")).content().startsWith("# yaml-language-server: $schema=");
        assertThat(home.resolve("share/sni37122-config.schema.json")).exists();
        assertThat(home.resolve("share/systemd/sni37122@.service")).content()
                .contains("ExecStart=/opt/sni37122/bin/sni37122 run --quiet --wait 600 -c /etc/sni37122/%i.yaml");
        assertThat(home.resolve("share/systemd/sni37122@.timer")).content().contains("OnCalendar=");
        assertThat(home.resolve("share/man/man1/sni37122-run.1")).content().contains(".TH \"SNI37122\\-RUN\"");
        assertThat(home.resolve("share/man/id/man1/sni37122-run.1")).content().contains("laporan");
        Path completion = home.resolve("share/bash-completion/completions/sni37122");
        assertThat(completion).content().contains("complete -F");
        Result syntax = run(List.of("bash", "-n", completion.toString()), Map.of());
        assertThat(syntax.exit()).as(syntax.output()).isZero();

        // Natives as plain files, and no jar still carrying any platform's copy.
        assertThat(home.resolve("lib/libduckdb_java.so_linux_" + (arch().equals("x86_64") ? "amd64" : "arm64"))).exists();
        assertThat(home.resolve("lib/libsqlitejdbc.so")).exists();
        assertThat(home.resolve("lib/libarrow_cdata_jni.so")).exists();
        try (Stream<Path> s = Files.list(home.resolve("lib"))) {
            for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).toList()) {
                String name = jar.getFileName().toString();
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                    assertThat(zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".so")).toList())
                            .as(name).isEmpty();
                }
                if (!name.startsWith("sni37122-")) {
                    Path licences = home.resolve("share/doc/sni37122/licenses/" + name.replaceFirst("\\.jar$", ""));
                    try (Stream<Path> l = Files.list(licences)) {
                        assertThat(l.count()).as("licence files of " + name).isPositive();
                    }
                }
            }
        }
        assertThat(home.resolve("share/doc/sni37122/THIRD-PARTY.txt")).content().contains("duckdb_jdbc");
    }

    @Test
    void debInstallsUnderOptWithTheUnits() throws Exception {
        Path deb = ROOT.resolve("dist/sni37122_" + VERSION + "_" + (arch().equals("x86_64") ? "amd64" : "arm64") + ".deb");
        assumeTrue(Files.exists(deb), "dpkg-deb was not there to build it");
        Result contents = run(List.of("dpkg-deb", "-c", deb.toString()), Map.of());
        assertThat(contents.exit()).as(contents.output()).isZero();
        assertThat(contents.output()).contains("./opt/sni37122/bin/sni37122", "./lib/systemd/system/sni37122@.service",
                "./lib/systemd/system/sni37122@.timer", "./usr/bin/sni37122 -> /opt/sni37122/bin/sni37122",
                "./opt/sni37122/lib/libduckdb_java.so_linux_", "./usr/share/man/man1/sni37122.1.gz");
        Result info = run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Version", "Depends"), Map.of());
        assertThat(info.output()).contains("Package: sni37122", "Version: " + VERSION, "Depends: java17-runtime-headless");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("out")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to.resolve(rel.toString()));
                } else {
                    Files.copy(p, to.resolve(rel.toString()));
                }
            }
        }
    }
}
