package id.sni37122.connectors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data in {@code ../shared} beside the repository, read in place and never copied.
 * A test that needs it is skipped (a JUnit assumption) where it is absent, as in a user's clone.
 */
public final class SharedData {

    private SharedData() {
    }

    /**
     * {@code ../shared/<relative>} from the repository root, or the test is skipped. A git worktree
     * elsewhere can point at the data with the environment variable {@code SNI37122_SHARED}.
     */
    public static Path require(String relative) {
        String env = System.getenv("SNI37122_SHARED");
        if (env != null && Files.isRegularFile(Path.of(env).resolve(relative))) {
            return Path.of(env).resolve(relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve(relative);
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "../shared/" + relative + " is not here; skipped");
        return null;
    }
}
