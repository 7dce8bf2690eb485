package id.sni37122.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files seen again: skipped, grown (only new lines), changed (old rows replaced), copied. */
class IngestorTest {

    /** Stores each line of a file, honouring a resume offset like a log connector must. */
    static class LineConnector implements Connector {
        private final boolean appendable;

        LineConnector(boolean appendable) {
            this.appendable = appendable;
        }

        @Override
        public String kind() {
            return "portal";
        }

        @Override
        public Set<String> formats() {
            return Set.of("lines");
        }

        @Override
        public String defaultFormat(Path file) {
            return "lines";
        }

        @Override
        public boolean appendable(String format) {
            return appendable;
        }

        @Override
        public FileLoad load(LoadContext ctx) throws IOException, SQLException {
            long n = 0;
            try (InputStream in = Files.newInputStream(ctx.file())) {
                in.skipNBytes(ctx.startOffset());
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                try (PreparedStatement p = ctx.connection().prepareStatement("INSERT INTO test_line VALUES (?, ?, ?, ?)")) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        n++;
                        p.setString(1, ctx.city().code());
                        p.setLong(2, ctx.fileId());
                        p.setLong(3, ctx.startLine() + n);
                        p.setString(4, line);
                        p.executeUpdate();
                    }
                }
            }
            return new FileLoad(n, n, Map.of());
        }
    }

    @TempDir
    Path dir;
    Warehouse warehouse;
    Ingestor ingestor;
    final SourceSpec spec = new SourceSpec("portal", "access.log", null, null, null, null, null);

    @BeforeEach
    void open() throws Exception {
        warehouse = Warehouse.open(dir.resolve("w.duckdb"));
        try (Statement s = warehouse.connection().createStatement()) {
            s.execute("CREATE TABLE test_line (city VARCHAR, file_id BIGINT, line_no BIGINT, text VARCHAR)");
        }
        ingestor = new Ingestor(warehouse, new CityContext("uji", "Kota Uji", ZoneId.of("Asia/Makassar")), Map.of(), new byte[32]);
    }

    @AfterEach
    void close() throws Exception {
        warehouse.close();
    }

    @Test
    void aGrownFileLoadsOnlyItsNewLinesWithTheirOwnLineNumbers() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), "a\nb\nc\n");
        assertThat(load(log, true).status()).isEqualTo(FileOutcome.Status.LOADED);
        Files.writeString(log, "d\ne\n", StandardOpenOption.APPEND);

        FileOutcome grown = load(log, true);

        assertThat(grown.status()).isEqualTo(FileOutcome.Status.APPENDED);
        assertThat(grown.rowsLoaded()).isEqualTo(2);
        assertThat(lines()).containsExactly("1:a", "2:b", "3:c", "4:d", "5:e");
        assertThat(load(log, true).status()).isEqualTo(FileOutcome.Status.SKIPPED);
    }

    @Test
    void aFileChangedInTheMiddleReplacesItsEarlierRowsAndSaysSo() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), "a\nb\nc\n");
        load(log, true);
        Files.writeString(log, "d\ne\n", StandardOpenOption.APPEND);
        load(log, true);
        Files.writeString(log, "a\nX\nc\nd\ne\nf\n");

        FileOutcome changed = load(log, true);

        assertThat(changed.status()).isEqualTo(FileOutcome.Status.REPLACED);
        assertThat(changed.note()).contains("access.log");
        // Neither the first load nor the appended part is left: no line is counted twice.
        assertThat(lines()).containsExactly("1:a", "2:X", "3:c", "4:d", "5:e", "6:f");
        assertThat(count("SELECT count(*) FROM source_file WHERE superseded_by IS NOT NULL")).isEqualTo(2);
    }

    @Test
    void contentGoingBackToAnEarlierVersionIsLoadedAgainNotSkipped() throws Exception {
        Path csv = Files.writeString(dir.resolve("heartbeat.csv"), "a\nb\n");
        load(csv, false);
        Files.writeString(csv, "z\n");
        load(csv, false);
        Files.writeString(csv, "a\nb\n");

        assertThat(load(csv, false).status()).isEqualTo(FileOutcome.Status.REPLACED);
        assertThat(lines()).containsExactly("1:a", "2:b");
    }

    /**
     * A log whose name gets new content was rotated: its earlier content keeps its rows (logrotate
     * moved or deleted the file that holds it), and when that content comes back under the name it
     * is known as loaded already.
     */
    @Test
    void aLogsEarlierContentKeepsItsRowsWhenTheNameGetsNewContent() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), "a\nb\n");
        load(log, true);
        Files.writeString(log, "z\n");
        assertThat(load(log, true).status()).isEqualTo(FileOutcome.Status.LOADED);
        Files.writeString(log, "a\nb\n");

        assertThat(load(log, true).status()).isEqualTo(FileOutcome.Status.SKIPPED);
        assertThat(lines()).containsExactlyInAnyOrder("1:a", "2:b", "1:z");
    }

    @Test
    void aFormatThatCannotResumeIsReloadedWholeWhenItGrows() throws Exception {
        Path csv = Files.writeString(dir.resolve("heartbeat.csv"), "h\n1\n");
        load(csv, false);
        Files.writeString(csv, "2\n", StandardOpenOption.APPEND);

        assertThat(load(csv, false).status()).isEqualTo(FileOutcome.Status.REPLACED);
        assertThat(lines()).containsExactly("1:h", "2:1", "3:2");
    }

    @Test
    void aCopyUnderAnotherNameIsSkipped() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), "a\nb\n");
        load(log, true);
        Path copy = Files.copy(log, dir.resolve("access.log.1"));

        assertThat(load(copy, true).status()).isEqualTo(FileOutcome.Status.SKIPPED);
        assertThat(lines()).hasSize(2);
    }

    @Test
    void aGrownFileReadAnotherWayIsLoadedWholeAgainAndTheChangeIsNamed() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), "a\nb\n");
        load(log, true);
        Files.writeString(log, "c\n", StandardOpenOption.APPEND);
        SourceSpec otherZone = new SourceSpec("portal", "access.log", null, null, ZoneId.of("Asia/Jakarta"), null, null);

        FileOutcome reread = ingestor.loadFile(new LineConnector(true), otherZone, log, null);

        assertThat(reread.status()).isEqualTo(FileOutcome.Status.REPLACED);
        assertThat(reread.note()).contains("timezone: Asia/Makassar → Asia/Jakarta");
        assertThat(lines()).containsExactly("1:a", "2:b", "3:c");
        assertThat(ingestor.loadFile(new LineConnector(true), otherZone, log, null).status()).isEqualTo(FileOutcome.Status.SKIPPED);
    }

    @Test
    void aLoadFromBeforeReadSettingsWereRecordedKeepsItsRowsWhenTheFormatIsTheSame() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), "a\nb\n");
        load(log, true);
        warehouse.connection().createStatement().execute("UPDATE source_file SET read_settings = NULL");

        FileOutcome again = load(log, true);

        assertThat(again.status()).isEqualTo(FileOutcome.Status.SKIPPED);
        assertThat(again.note()).as("said once, with the way to force a reload").contains("--reload");
        assertThat(count("SELECT count(*) FROM source_file WHERE read_settings IS NULL")).isZero();
        assertThat(load(log, true).note()).isNull();
        assertThat(ingestor.reload((kind, file) -> true).loadFile(new LineConnector(true), spec, log, null).status())
                .isEqualTo(FileOutcome.Status.REPLACED);
        assertThat(lines()).containsExactly("1:a", "2:b");
    }

    @Test
    void rowsReadAndNoneLoadedFailTheFileAndKeepWhatWasThere() throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), "a\nb\n");
        load(log, true);
        Files.writeString(log, "x\ny\nz\n");
        Connector refusesAll = new LineConnector(true) {
            @Override
            public FileLoad load(LoadContext ctx) throws SQLException {
                ctx.rejects().reject(1, "text", "portal.malformed_line", null);
                ctx.rejects().reject(2, "text", "portal.malformed_line", null);
                ctx.rejects().reject(3, "text", "portal.malformed_line", null);
                return new FileLoad(3, 0, Map.of());
            }
        };

        FileOutcome failed = ingestor.loadFile(refusesAll, spec, log, null);

        assertThat(failed.status()).isEqualTo(FileOutcome.Status.FAILED);
        assertThat(failed.error()).contains("access.log:1:", "3");
        assertThat(lines()).as("the earlier load is untouched").containsExactly("1:a", "2:b");
        assertThat(count("SELECT count(*) FROM rejected_row")).isZero();
    }

    /**
     * DuckDB runs on one thread while the files load (see OneEngineThread) and on as many as it had
     * once the ingest is over, loaded or not, for the indicators' queries that follow.
     */
    @Test
    void duckDbWorksOnOneThreadDuringTheIngestAndOnItsOwnCountAfter() throws Exception {
        // Apache's combined format, as in its documentation (httpd.apache.org/docs/2.4/logs.html).
        Files.writeString(dir.resolve("access.log"), "127.0.0.1 - frank [10/Oct/2023:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 "
                + "\"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"\n");
        try (Statement s = warehouse.connection().createStatement()) {
            s.execute("SET threads = 3");
        }
        List<Long> during = new ArrayList<>();
        ingestor.listener(new Ingestor.Listener() {
            @Override
            public void fileStarted(String kind, Path file, long bytes) {
                try {
                    during.add(count("SELECT current_setting('threads')"));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        IngestReport report = ingestor.ingest(List.of(new SourceSpec("portal", "access.log", dir, "combined", null, Map.of(), Map.of())), null);

        assertThat(report.files()).extracting(FileOutcome::rowsLoaded).containsExactly(1L);
        assertThat(during).containsExactly(1L);
        assertThat(count("SELECT current_setting('threads')")).isEqualTo(3);
    }

    private FileOutcome load(Path file, boolean appendable) throws SQLException {
        return ingestor.loadFile(new LineConnector(appendable), spec, file, null);
    }

    private List<String> lines() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = warehouse.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT line_no, text FROM test_line ORDER BY line_no")) {
            while (r.next()) {
                out.add(r.getLong(1) + ":" + r.getString(2));
            }
        }
        return out;
    }

    private long count(String sql) throws SQLException {
        try (Statement s = warehouse.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
