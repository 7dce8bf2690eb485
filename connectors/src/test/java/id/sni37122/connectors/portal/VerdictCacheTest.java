package id.sni37122.connectors.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.FileOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installation's cache of robot verdicts by agent form: a first load into a fresh warehouse
 * takes the verdicts an earlier load on the same installation got from Yauaa, without building
 * Yauaa, and gets exactly the warehouse rows that load got; a damaged cache is not used at all;
 * an unwritable one only means Yauaa is asked. The agents are those of the Samarinda sample's
 * logs (browsers, crawlers, an uptime monitor, curl, python-requests) and a few with personal
 * data, as apps write them.
 */
class VerdictCacheTest {

    private static final Path ROOT = Path.of(System.getProperty("sni37122.repoRoot", "..")).toAbsolutePath().normalize();
    private static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final String WITH_EMAIL = "LaporApp/3.2 (Android 13; budi.santoso@example.co.id)";
    private static final String WITH_ADDRESS = "Mozilla/5.0 (compatible; ProxyFetch/1.0; via 10.20.30.40)";

    @TempDir
    Path dir;

    @AfterEach
    void noCacheForOtherTests() {
        System.clearProperty(VerdictCache.PROPERTY);
    }

    @Test
    void aFreshWarehouseTakesTheVerdictsAnEarlierLoadKeptWithoutBuildingYauaa() throws Exception {
        List<String> agents = sampleAgents();
        // A newer Chrome than the sample's, of the same form: it too takes the kept verdict.
        agents.add(PortalFixture.CHROME.replace("Chrome/120.", "Chrome/131."));
        agents.add("-");
        Path cache = dir.resolve("cache");
        System.setProperty(VerdictCache.PROPERTY, cache.toString());
        Path file = cache.resolve(VerdictCache.fileName());

        int before = RobotClassifier.needed();
        FileOutcome first = load(dir.resolve("a"), agents);
        assertThat(RobotClassifier.needed()).as("nothing kept yet: Yauaa needed").isEqualTo(before + 1);
        assertThat(first.details()).containsEntry("new_agents", (long) agents.size()).containsEntry("agents_cached", 0L);
        String keptText = Files.readString(file);
        Map<String, RobotClassifier.Verdict> kept = VerdictCache.parse(keptText);
        TreeSet<String> forms = new TreeSet<>(agents.stream().filter(a -> !a.equals("-")).map(RobotClassifier.Forms::form).toList());
        assertThat(forms).hasSize(agents.size() - 2); // the newer Chrome shares its form; "-" needs no classifier
        assertThat(kept).isNotNull();
        assertThat(new TreeSet<>(kept.keySet())).isEqualTo(forms);
        assertThat(kept.get(RobotClassifier.Forms.form(GOOGLEBOT))).isEqualTo(new RobotClassifier.Verdict("Robot", true));

        RobotClassifier yauaa = new RobotClassifier();
        List<Boolean> direct = agents.stream().map(a -> yauaa.classify(a).robot()).toList();
        assertThat(direct).as("robots and people both, to compare").contains(true, false);

        int needed = RobotClassifier.needed();
        FileOutcome second = load(dir.resolve("b"), agents);
        assertThat(RobotClassifier.needed()).as("every form kept: Yauaa neither built nor asked").isEqualTo(needed);
        assertThat(second.details()).containsEntry("new_agents", (long) agents.size())
                .containsEntry("agents_cached", (long) agents.size() - 1);
        List<String> rows = rows(dir.resolve("b"));
        assertThat(rows).isEqualTo(rows(dir.resolve("a")));
        for (int i = 0; i < agents.size(); i++) {
            String agent = agents.get(i);
            String[] stored = rowOf(rows, agent).substring(agent.length() + 1).split("\\|");
            assertThat(stored[1]).as(agent).isEqualTo(String.valueOf(direct.get(i)));
            assertThat(stored[2]).as(agent).isEqualTo(RobotClassifier.NAME);
        }
        assertThat(Files.readString(file)).as("nothing new: the same file").isEqualTo(keptText);
    }

    @Test
    void aDamagedCacheIsNotUsedAndIsWrittenAnewWithoutPersonalData() throws Exception {
        Path cache = dir.resolve("cache");
        VerdictCache written = new VerdictCache(cache);
        written.add(RobotClassifier.Forms.form(GOOGLEBOT), new RobotClassifier.Verdict("Robot", true));
        written.save();
        Path file = cache.resolve(VerdictCache.fileName());
        String good = Files.readString(file);
        assertThat(VerdictCache.parse(good)).containsOnlyKeys(RobotClassifier.Forms.form(GOOGLEBOT));
        // One verdict turned round, every line still well formed: only the checksum tells.
        Files.writeString(file, good.replace("true\tRobot\t", "false\tRobot\t"));
        System.setProperty(VerdictCache.PROPERTY, cache.toString());

        int before = RobotClassifier.needed();
        FileOutcome outcome = load(dir.resolve("a"), List.of(GOOGLEBOT, WITH_EMAIL, WITH_ADDRESS, PortalFixture.CHROME));
        assertThat(RobotClassifier.needed()).as("the damaged file is not trusted: Yauaa asked").isEqualTo(before + 1);
        assertThat(outcome.details()).containsEntry("agents_cached", 0L);
        assertThat(rowOf(rows(dir.resolve("a")), GOOGLEBOT)).isEqualTo(GOOGLEBOT + "|Robot|true|" + RobotClassifier.NAME);

        String rewritten = Files.readString(file);
        // The agents with personal data are kept as the warehouse stores them, the e-mail and address taken out.
        assertThat(VerdictCache.keyOf(WITH_EMAIL)).isEqualTo("LaporApp/0.0 (Android 0; <email>)");
        assertThat(VerdictCache.keyOf(WITH_ADDRESS)).isEqualTo("Mozilla/0.0 (compatible; ProxyFetch/0.0; via <ip>)");
        assertThat(VerdictCache.parse(rewritten)).containsOnlyKeys(RobotClassifier.Forms.form(GOOGLEBOT),
                RobotClassifier.Forms.form(PortalFixture.CHROME), VerdictCache.keyOf(WITH_EMAIL), VerdictCache.keyOf(WITH_ADDRESS))
                .containsEntry(RobotClassifier.Forms.form(GOOGLEBOT), new RobotClassifier.Verdict("Robot", true));
        assertThat(rewritten).doesNotContain("budi", "santoso", "example.co.id", "10.20.30.40");
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).as("no temporary file left").containsExactly(VerdictCache.fileName());
        }
    }

    @Test
    void everyDamageMakesTheWholeFileUnused() throws Exception {
        Path cache = dir.resolve("cache");
        VerdictCache written = new VerdictCache(cache);
        written.add(RobotClassifier.Forms.form(GOOGLEBOT), new RobotClassifier.Verdict("Robot", true));
        written.add(RobotClassifier.Forms.form(PortalFixture.CHROME), new RobotClassifier.Verdict("Desktop", false));
        written.save();
        String good = Files.readString(cache.resolve(VerdictCache.fileName()));
        assertThat(VerdictCache.parse(good)).hasSize(2);
        assertThat(new VerdictCache(cache).get(RobotClassifier.Forms.form("curl/7.81.0"))).isNull();
        assertThat(new VerdictCache(cache).get(RobotClassifier.Forms.form(GOOGLEBOT))).isEqualTo(new RobotClassifier.Verdict("Robot", true));

        String[] lines = good.split("\n");
        assertThat(lines).hasSize(4);
        List<String> damaged = List.of(
                good.replace(RobotClassifier.NAME, "Yauaa 1.0"), // another classifier's
                good.substring(0, good.length() - 5), // cut short
                lines[0] + "\n" + lines[1] + "\n" + lines[3] + "\n", // a line lost
                good.replace("Desktop\t", "Desktop\textra\t"), // a field too many
                good.replace("false\tDesktop", "no\tDesktop"), // no verdict
                good.replace("Chrome/0.0.0.0", "Chrome/120.0.0.0"), // not a form
                good + "true\tRobot\tcurl/0.0.0\n"); // after the end
        for (String text : damaged) {
            assertThat(VerdictCache.parse(text)).as(text).isNull();
            Files.writeString(cache.resolve(VerdictCache.fileName()), text);
            assertThat(new VerdictCache(cache).get(RobotClassifier.Forms.form(GOOGLEBOT))).as(text).isNull();
        }
        Files.write(cache.resolve(VerdictCache.fileName()), new byte[] {'#', (byte) 0xff, '\n'});
        assertThat(new VerdictCache(cache).get(RobotClassifier.Forms.form(GOOGLEBOT))).as("not UTF-8").isNull();
    }

    @Test
    void twoRunsWritingAtOnceNeverLeaveAMixedFile() throws Exception {
        Path cache = dir.resolve("cache");
        Path file = cache.resolve(VerdictCache.fileName());
        List<Thread> runs = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String robot : List.of("crawler", "spider")) {
            runs.add(new Thread(() -> {
                for (int i = 0; i < 40; i++) {
                    VerdictCache run = new VerdictCache(cache);
                    run.get("any");
                    run.add(robot + "-" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + "/0.0", new RobotClassifier.Verdict("Robot", true));
                    run.save();
                }
            }));
        }
        runs.forEach(Thread::start);
        while (runs.stream().anyMatch(Thread::isAlive)) {
            if (Files.exists(file)) {
                String text = Files.readString(file);
                if (VerdictCache.parse(text) == null) {
                    seen.add(text);
                }
            }
        }
        assertThat(seen).as("every file read while both wrote was whole").isEmpty();
        Map<String, RobotClassifier.Verdict> last = VerdictCache.parse(Files.readString(file));
        // The last writer's file stays: what the other wrote meanwhile may be missing (asked of Yauaa again), never mixed in.
        assertThat(last).isNotNull().isNotEmpty().allSatisfy((form, v) -> assertThat(v).isEqualTo(new RobotClassifier.Verdict("Robot", true)));
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).as("no temporary file left").containsExactly(VerdictCache.fileName());
        }
    }

    @Test
    void anUnwritableCacheStillLoads() throws Exception {
        Path blocked = dir.resolve("not-a-folder");
        Files.writeString(blocked, "a file where the cache folder would be");
        System.setProperty(VerdictCache.PROPERTY, blocked.resolve("sni37122").toString());

        FileOutcome outcome = load(dir.resolve("a"), List.of(GOOGLEBOT, PortalFixture.CHROME));
        assertThat(outcome.status()).isEqualTo(FileOutcome.Status.LOADED);
        assertThat(outcome.rowsLoaded()).isEqualTo(2);
        assertThat(outcome.details()).containsEntry("new_agents", 2L).containsEntry("agents_cached", 0L);
        assertThat(rows(dir.resolve("a"))).containsExactlyInAnyOrder(GOOGLEBOT + "|Robot|true|" + RobotClassifier.NAME,
                PortalFixture.CHROME + "|Desktop|false|" + RobotClassifier.NAME);
        assertThat(Files.readString(blocked)).isEqualTo("a file where the cache folder would be");
    }

    @Test
    void withoutTheLaunchersFolderNothingIsKept() throws Exception {
        System.clearProperty(VerdictCache.PROPERTY);
        assertThat(VerdictCache.configured()).isNull();
        FileOutcome outcome = load(dir.resolve("a"), List.of(GOOGLEBOT));
        assertThat(outcome.details()).containsEntry("new_agents", 1L).doesNotContainKey("agents_cached");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("robot-verdicts")).toList()).isEmpty();
        }
    }

    @Test
    void nothingHoldsYauaaOnceTheIngestIsDone() throws Exception {
        // Held here while the load runs, so the load takes up this very analyzer.
        RobotClassifier held = new RobotClassifier();
        assertThat(held.classify(GOOGLEBOT).robot()).isTrue();
        int before = RobotClassifier.needed();
        load(dir.resolve("a"), List.of(GOOGLEBOT));
        assertThat(RobotClassifier.needed()).as("the load needed Yauaa").isEqualTo(before + 1);
        assertThat(RobotClassifier.analyzerInMemory()).isTrue();
        held = null;
        for (int i = 0; i < 20 && RobotClassifier.analyzerInMemory(); i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(RobotClassifier.analyzerInMemory()).as("collected: the finished ingest left only a weak reference").isFalse();
    }

    /** Distinct agents of the Samarinda sample's logs, in order of first appearance. */
    private static List<String> sampleAgents() throws IOException {
        TreeSet<String> seen = new TreeSet<>();
        List<String> agents = new ArrayList<>();
        try (Stream<Path> logs = Files.list(ROOT.resolve("samples/samarinda/portal"))) {
            for (Path log : logs.sorted().toList()) {
                try (InputStream in = Files.newInputStream(log);
                     InputStream text = log.toString().endsWith(".gz") ? new GZIPInputStream(in) : in) {
                    for (String line : new String(text.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        int end = line.lastIndexOf('"');
                        int start = end > 0 ? line.lastIndexOf('"', end - 1) : -1;
                        String agent = start >= 0 ? line.substring(start + 1, end) : "";
                        if (!agent.isBlank() && seen.add(agent)) {
                            agents.add(agent);
                        }
                    }
                }
            }
        }
        assertThat(agents).hasSizeGreaterThanOrEqualTo(14);
        return agents;
    }

    /** One combined line per agent, loaded into a fresh warehouse in {@code folder}. */
    private static FileOutcome load(Path folder, List<String> agents) throws Exception {
        Files.createDirectories(folder);
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < agents.size(); i++) {
            log.append("203.0.113.").append(i + 1).append(" - - [01/Mar/2023:10:00:").append(String.format("%02d", i % 60))
                    .append(" +0800] \"GET /dataset/a HTTP/1.1\" 200 5 \"-\" \"").append(agents.get(i)).append("\"\n");
        }
        Files.writeString(folder.resolve("access.log"), log, StandardCharsets.UTF_8);
        return new PortalFixture(folder).load("access.log", "combined", Map.of());
    }

    /** "agent|agent_class|robot|classifier" of every stored agent, by agent. */
    private static List<String> rows(Path folder) throws Exception {
        return new PortalFixture(folder).strings(
                "SELECT agent || '|' || agent_class || '|' || robot || '|' || classifier FROM user_agent ORDER BY agent");
    }

    private static String rowOf(List<String> rows, String agent) {
        return rows.stream().filter(r -> r.startsWith(agent + "|")).findFirst().orElseThrow();
    }
}
