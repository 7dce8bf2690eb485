package id.sni37122.connectors.portal;

import static id.sni37122.connectors.portal.PortalFixture.CHROME;
import static org.assertj.core.api.Assertions.assertThat;

import id.sni37122.connectors.FileOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation never loses history. The file moves are logrotate's own (logrotate.8: {@code rotate},
 * {@code compress}, {@code delaycompress}, {@code copytruncate}, {@code dateext}), done by the test
 * between nightly runs: each night the cron run loads the folder while the day's log is half
 * written, and the rest of the day arrives before the rotation.
 */
class RotationTest {

    @TempDir
    Path dir;

    /** Day {@code day} of March 2023, hits {@code from} to {@code to - 1}, one a minute from 08:00 WITA. */
    private static String hits(int day, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append("36.72.1.").append(i).append(" - - [").append(String.format("%02d", day)).append("/Mar/2023:08:")
                    .append(String.format("%02d", i)).append(":00 +0800] \"GET /dataset/").append(i).append(" HTTP/1.1\" 200 5 \"-\" \"")
                    .append(CHROME).append("\"\n");
        }
        return out.toString();
    }

    private void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            out.write(Files.readAllBytes(from));
        }
        Files.delete(from);
    }

    /** Hits per day of March, as "day:count". */
    private List<String> days(PortalFixture f) throws Exception {
        return f.strings("SELECT d || ':' || n FROM (SELECT day(to_timestamp(ts) AT TIME ZONE 'Asia/Makassar') AS d, count(*) AS n "
                + "FROM portal_hit GROUP BY d) ORDER BY d");
    }

    /** Eight nights of {@code rotate 4}, {@code compress}, {@code delaycompress}: every day stays, each hit once. */
    @Test
    void eightNightsOfRotateFourKeepAllEightDays() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        PortalFixture f = new PortalFixture(dir);
        Path log = logs.resolve("access.log");
        for (int day = 1; day <= 8; day++) {
            append(log, hits(day, 0, 3)); // the morning, before the 02:00-style run sees it
            List<FileOutcome> night = f.loadAll("logs", "combined", Map.of());
            assertThat(night).allSatisfy(o -> assertThat(o.error()).isNull());
            append(log, hits(day, 3, 5)); // the rest of the day
            // logrotate: the oldest goes, .N.gz -> .N+1.gz, .1 -> .2.gz (delaycompress), access.log -> .1, a new access.log
            Files.deleteIfExists(logs.resolve("access.log.4.gz"));
            for (int n = 3; n >= 2; n--) {
                if (Files.exists(logs.resolve("access.log." + n + ".gz"))) {
                    Files.move(logs.resolve("access.log." + n + ".gz"), logs.resolve("access.log." + (n + 1) + ".gz"));
                }
            }
            if (Files.exists(logs.resolve("access.log.1"))) {
                gzip(logs.resolve("access.log.1"), logs.resolve("access.log.2.gz"));
            }
            Files.move(log, logs.resolve("access.log.1"));
        }
        List<FileOutcome> last = f.loadAll("logs", "combined", Map.of()); // the ninth night reads the rest of day 8
        assertThat(Files.list(logs).count()).isEqualTo(4); // .1, .2.gz, .3.gz, .4.gz: days 1 to 4 are gone from disk
        assertThat(last).extracting(o -> o.status().name()).containsExactly("APPENDED", "SKIPPED", "SKIPPED", "SKIPPED");
        assertThat(days(f)).containsExactly("1:5", "2:5", "3:5", "4:5", "5:5", "6:5", "7:5", "8:5");
        assertThat(f.longs("SELECT count(*) - count(DISTINCT (ts, visitor)) FROM portal_hit")).containsExactly(0L);
    }

    /** {@code copytruncate} with {@code dateext} and {@code compress}: the copy is the log already loaded plus its tail. */
    @Test
    void copytruncateWithDateext() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        PortalFixture f = new PortalFixture(dir);
        Path log = logs.resolve("access.log");
        append(log, hits(1, 0, 3));
        f.loadAll("logs", "combined", Map.of());
        append(log, hits(1, 3, 5));
        Files.copy(log, logs.resolve("access.log-20230301"));
        Files.writeString(log, ""); // truncated in place: the server keeps writing to the same file
        append(log, hits(2, 0, 2));
        assertThat(f.loadAll("logs", "combined", Map.of())).extracting(o -> o.status().name()).containsExactly("LOADED", "APPENDED");
        gzip(logs.resolve("access.log-20230301"), logs.resolve("access.log-20230301.gz"));
        append(log, hits(2, 2, 5));
        Files.copy(log, logs.resolve("access.log-20230302"));
        Files.writeString(log, "");
        assertThat(f.loadAll("logs", "combined", Map.of())).extracting(o -> o.status().name())
                .containsExactly("SKIPPED", "SKIPPED", "APPENDED");
        assertThat(days(f)).containsExactly("1:5", "2:5");
    }

    /** A log whose loaded content changed (not only grew) is replaced; the other days of the same name keep their rows. */
    @Test
    void onlyChangedContentIsReplaced() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        PortalFixture f = new PortalFixture(dir);
        Path log = logs.resolve("access.log");
        append(log, hits(1, 0, 3));
        f.loadAll("logs", "combined", Map.of());
        Files.writeString(log, hits(2, 0, 4)); // rotated away (not kept): new content under the same name
        assertThat(f.loadAll("logs", "combined", Map.of())).extracting(o -> o.status().name()).containsExactly("LOADED");
        Files.writeString(log, hits(2, 0, 1) + hits(2, 5, 6)); // the same first line, the rest rewritten
        FileOutcome replaced = f.loadAll("logs", "combined", Map.of()).get(0);
        assertThat(replaced.status().name()).isEqualTo("REPLACED");
        assertThat(days(f)).containsExactly("1:3", "2:2");
    }

    /** A growing log read while its last line is half written: the half waits, and the next night reads the line whole. */
    @Test
    void aHalfWrittenLineIsCompletedByTheNextNight() throws Exception {
        PortalFixture f = new PortalFixture(dir);
        String whole = hits(1, 0, 3);
        int cut = whole.length() - 40;
        FileOutcome first = f.load("access.log", "combined", Map.of(), whole.substring(0, cut));
        assertThat(List.of(first.rowsRead(), first.rowsLoaded(), first.rowsRejected())).containsExactly(2L, 2L, 0L);
        assertThat(first.note()).contains("access.log");
        append(dir.resolve("access.log"), whole.substring(cut) + hits(1, 3, 4));
        FileOutcome second = f.load("access.log", "combined", Map.of());
        assertThat(second.status().name()).isEqualTo("APPENDED");
        assertThat(List.of(second.rowsRead(), second.rowsLoaded(), second.rowsRejected())).containsExactly(2L, 2L, 0L);
        assertThat(f.longs("SELECT count(*) FROM rejected_row")).containsExactly(0L);
        assertThat(days(f)).containsExactly("1:4");
    }
}
