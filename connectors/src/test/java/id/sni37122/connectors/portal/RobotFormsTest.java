package id.sni37122.connectors.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new agent whose form (digits aside) is known takes that form's verdict instead of Yauaa's own:
 * here every agent of the bench log (bench/GenerateLog.java) and of the real Apache logs in
 * ../shared gets, through its form, exactly the robot decision Yauaa gives it directly, both when
 * the form comes from agents already in the warehouse, from earlier in the load, and from the
 * installation's cache an earlier load wrote.
 */
class RobotFormsTest {

    private static final Path ROOT = Path.of(System.getProperty("sni37122.repoRoot", "..")).toAbsolutePath().normalize();

    @Test
    void aFormIsTheAgentWithEachRunOfDigitsAsOne() {
        assertThat(RobotClassifier.Forms.form("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0.6099.109 Safari/537.36"))
                .isEqualTo("Mozilla/0.0 (X0; Linux x0_0) Chrome/0.0.0.0 Safari/0.0");
        assertThat(RobotClassifier.Forms.form("Googlebot/2.1")).isEqualTo(RobotClassifier.Forms.form("Googlebot/3.14"));
        assertThat(RobotClassifier.Forms.form("")).isEmpty();
    }

    @Test
    void benchAgentsGetYauaasOwnVerdicts() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ROOT.resolve("bench/GenerateLog.java").toString(), "--agents").redirectErrorStream(true).start();
        List<String> agents = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1).lines().toList();
        assertThat(p.waitFor()).as(String.join("\n", agents)).isZero();
        assertThat(agents).hasSizeGreaterThan(3000);
        sameVerdicts(agents);
    }

    @Test
    void realLogAgentsGetYauaasOwnVerdicts() throws Exception {
        Set<String> agents = new LinkedHashSet<>();
        agents.addAll(agentsOf(SharedData.require("data/real/elastic_apache_logs.log")));
        agents.addAll(agentsOf(SharedData.require("data/real/elastic_apache_logs_human_agents.log")));
        assertThat(agents).hasSizeGreaterThan(500);
        sameVerdicts(new ArrayList<>(agents));
    }

    /** The last quoted field of a combined log line, as the real logs write it (no escaped quotes in them). */
    private static List<String> agentsOf(Path log) throws IOException {
        List<String> agents = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            int end = line.lastIndexOf('"');
            int start = end > 0 ? line.lastIndexOf('"', end - 1) : -1;
            if (start >= 0) {
                agents.add(line.substring(start + 1, end));
            }
        }
        return agents;
    }

    @TempDir
    Path cacheDir;

    private void sameVerdicts(List<String> agents) {
        RobotClassifier yauaa = new RobotClassifier();
        List<RobotClassifier.Verdict> direct = agents.stream().map(yauaa::classify).toList();
        long robots = direct.stream().filter(RobotClassifier.Verdict::robot).count();
        assertThat(robots).as("both kinds are there to compare").isPositive().isLessThan(agents.size());

        // Forms from earlier in the same load.
        RobotClassifier.Forms fresh = new RobotClassifier.Forms(yauaa, null);
        List<CompletableFuture<RobotClassifier.Verdict>> inLoad = agents.stream().map(fresh::classifyLater).toList();
        // Forms from the warehouse: every other agent known already, the rest new.
        RobotClassifier.Forms warehouse = new RobotClassifier.Forms(yauaa, null);
        for (int i = 0; i < agents.size(); i += 2) {
            warehouse.add(agents.get(i), direct.get(i));
        }
        for (int i = 0; i < agents.size(); i++) {
            String agent = agents.get(i);
            assertThat(inLoad.get(i).join().robot()).as(agent).isEqualTo(direct.get(i).robot());
            if (i % 2 == 1) {
                assertThat(warehouse.classifyLater(agent).join().robot()).as(agent).isEqualTo(direct.get(i).robot());
            }
        }
        long forms = agents.stream().map(RobotClassifier.Forms::form).distinct().count();
        assertThat(forms).as("forms stand in for most agents").isLessThan(agents.size() * 2L / 3);

        // Forms from the installation's cache: every other agent classified by an earlier load and
        // kept (its form written to the file), the rest in a later load that reads the file.
        RobotClassifier.Forms earlier = new RobotClassifier.Forms(yauaa, new VerdictCache(cacheDir));
        for (int i = 0; i < agents.size(); i += 2) {
            earlier.classifyLater(agents.get(i)).join();
        }
        earlier.keep();
        RobotClassifier.Forms later = new RobotClassifier.Forms(yauaa, new VerdictCache(cacheDir));
        for (int i = 1; i < agents.size(); i += 2) {
            String agent = agents.get(i);
            assertThat(later.classifyLater(agent).join().robot()).as(agent).isEqualTo(direct.get(i).robot());
        }
        // Kept: for each form's first agent in the earlier load, the form of that agent as the
        // warehouse stores it (personal data taken out). Taken from the file: each later agent of a
        // form whose first agent in the later load finds its stored form kept.
        Set<String> seen = new HashSet<>();
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < agents.size(); i += 2) {
            String key = VerdictCache.keyOf(agents.get(i));
            if (seen.add(RobotClassifier.Forms.form(agents.get(i))) && key != null) {
                kept.add(key);
            }
        }
        Set<String> asked = new HashSet<>();
        Set<String> taken = new HashSet<>();
        long fromFile = 0;
        for (int i = 1; i < agents.size(); i += 2) {
            String form = RobotClassifier.Forms.form(agents.get(i));
            String key = VerdictCache.keyOf(agents.get(i));
            if (asked.add(form) && key != null && kept.contains(key)) {
                taken.add(form);
            }
            fromFile += taken.contains(form) ? 1 : 0;
        }
        assertThat(fromFile).as("the two halves have forms in common").isPositive();
        assertThat(later.fromCache).as("agents that took a kept verdict").isEqualTo(fromFile);
    }
}
