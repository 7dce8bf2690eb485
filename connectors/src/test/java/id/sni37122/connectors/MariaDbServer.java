package id.sni37122.connectors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real MariaDB server for one test, from Debian's {@code mariadb-server} package ({@code .ci/run}
 * installs it): {@code mariadb-install-db} makes a fresh data folder under the test's own folder
 * (JUnit's {@code @TempDir}, which surefire puts under {@code target/}), {@code mariadbd} serves it
 * on a private socket and a free TCP port on 127.0.0.1 only, and {@link #close()} stops it. Nothing
 * is left outside that folder. Where the package is not installed, or the server does not start,
 * the test is skipped with a JUnit assumption saying why.
 *
 * <p>Its startup file makes database {@code kuma}, a user {@code kuma} that may write it (the one
 * Uptime Kuma would be) and a user {@code sni} that may only read it (the one sni37122 is given).
 */
public final class MariaDbServer implements AutoCloseable {

    public static final String DATABASE = "kuma";
    public static final String WRITER = "kuma";
    public static final String WRITER_PASSWORD = "kuma-writer-pw";
    public static final String READER = "sni";
    /** A password with a space, a quote and a non-ASCII letter: it must reach the server as written. */
    public static final String READER_PASSWORD = "baca saja 'ok' é";

    private final Process process;
    private final int port;

    private MariaDbServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server with its data in {@code dir}, or skips the test. */
    public static MariaDbServer start(Path dir) throws Exception {
        Path server = find("mariadbd", "/usr/sbin/mariadbd", "/usr/sbin/mysqld");
        Path install = find("mariadb-install-db", "/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");
        assumeTrue(server != null && install != null,
                "MariaDB is not installed (mariadbd, mariadb-install-db): apt-get install mariadb-server, as .ci/run does; skipped");
        Path data = dir.resolve("data");
        Path log = dir.resolve("mariadb.log");
        List<String> asUser = "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
        List<String> setup = new ArrayList<>(List.of(install.toString(), "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=socket", "--skip-test-db", "--skip-name-resolve", "--innodb-log-file-size=4M"));
        setup.addAll(asUser);
        Process init = new ProcessBuilder(setup).redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        boolean installed = init.waitFor(120, TimeUnit.SECONDS) && init.exitValue() == 0;
        if (!installed) {
            init.destroyForcibly();
        }
        assumeTrue(installed, () -> "mariadb-install-db failed: " + tail(dir.resolve("install.log")) + "; skipped");
        Path initFile = dir.resolve("init.sql");
        Files.writeString(initFile, String.join("\n",
                "CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4;",
                "CREATE USER '" + WRITER + "'@'127.0.0.1' IDENTIFIED BY '" + WRITER_PASSWORD + "';",
                "GRANT ALL ON " + DATABASE + ".* TO '" + WRITER + "'@'127.0.0.1';",
                "CREATE USER '" + READER + "'@'127.0.0.1' IDENTIFIED BY '" + READER_PASSWORD.replace("'", "''") + "';",
                "GRANT SELECT ON " + DATABASE + ".* TO '" + READER + "'@'127.0.0.1';", ""), StandardCharsets.UTF_8);
        int port = freePort();
        List<String> run = new ArrayList<>(List.of(server.toString(), "--no-defaults", "--datadir=" + data,
                "--socket=" + dir.resolve("mariadb.sock"), "--pid-file=" + dir.resolve("mariadb.pid"), "--tmpdir=" + dir,
                "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve", "--skip-log-bin", "--log-error=" + log,
                "--init-file=" + initFile, "--character-set-server=utf8mb4", "--innodb-log-file-size=4M",
                "--innodb-buffer-pool-size=64M", "--innodb-flush-log-at-trx-commit=0", "--max-connections=20"));
        run.addAll(asUser);
        Process process = new ProcessBuilder(run).redirectErrorStream(true).redirectOutput(dir.resolve("mariadbd.out").toFile()).start();
        MariaDbServer started = new MariaDbServer(process, port);
        // Ready once its port takes connections; then the first real connection may fail loudly (a test error, not a skip).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                try (Connection c = started.writer()) {
                    return started;
                } catch (SQLException e) {
                    started.close();
                    throw e;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        started.close();
        assumeTrue(false, "mariadbd did not start: " + tail(log) + "; skipped");
        return null;
    }

    /**
     * {@code jdbc:mariadb://127.0.0.1:<port>/kuma?sslMode=disable}, with no user or password in it.
     * This server has no TLS certificate, and Connector/J 4 asks for TLS unless told otherwise.
     */
    public String url() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=disable";
    }

    /** A connection as the user that may write Kuma's database. */
    public Connection writer() throws SQLException {
        return DriverManager.getConnection(url(), WRITER, WRITER_PASSWORD);
    }

    /** Stops the server (SIGTERM: a clean shutdown) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Path find(String name, String... usual) {
        for (String candidate : usual) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
                return Path.of(folder, name);
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
