package id.sni37122.connectors.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sni37122.connectors.Rejects;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table read on its own thread: rows and refusals arrive in file order, and a failure on either side ends both. */
class TablePipelineTest {

    private static final TableOptions OPTIONS = TableOptions.of(Map.of("id", List.of("id"), "n", List.of("n")), Set.of("id"));

    @TempDir
    Path dir;

    /** {@code rows} data rows "R<i>,<i>" under a header; line i + 1 holds row i. */
    private Path table(int rows, String extraLine, int extraAt) throws Exception {
        StringBuilder csv = new StringBuilder("id,n\n");
        for (int i = 1; i <= rows; i++) {
            if (i == extraAt) {
                csv.append(extraLine).append('\n');
            }
            csv.append('R').append(i).append(',').append(i).append('\n');
        }
        Path file = dir.resolve("t.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("sni37122-table") && t.isAlive());
    }

    @Test
    void rowsAndRefusalsKeepFileOrderAcrossBatches() throws Exception {
        // A shifted row (three cells under two headers) is refused by the reader, every 1 000th row by the converter.
        Path file = table(3 * TablePipeline.BATCH, "X,1,2", 5000);
        List<Long> loaded = new ArrayList<>();
        try (Warehouse w = Warehouse.inMemory(); Rejects rejects = new Rejects(w.connection(), 1)) {
            TableReader.Read read = TablePipeline.read(file, OPTIONS, rejects, row -> {
                long n = Long.parseLong(row.text("n"));
                if (n % 1000 == 0) {
                    throw new RowRejected(row.header("n"), "test.thousand", row.text("n"));
                }
                return n;
            }, loaded::add);
            assertThat(read.rowsRead()).isEqualTo(3 * TablePipeline.BATCH + 1);
            assertThat(read.rowsRejected()).isEqualTo(1);
            assertThat(loaded).hasSize(3 * TablePipeline.BATCH - 12).isSorted().doesNotContain(1000L, 12000L);
            assertThat(rejects.examples()).extracting(e -> e.line() + " " + e.reason())
                    .containsExactly("1001 test.thousand", "2001 test.thousand", "3001 test.thousand");
            assertThat(rejects.byReason()).containsEntry("connectors.row_width", 1L).containsEntry("test.thousand", 12L);
        }
        assertThat(readerAlive()).isFalse();
    }

    @Test
    void aLoadThatFailsStopsTheReader() throws Exception {
        Path file = table(20 * TablePipeline.BATCH, null, -1);
        try (Warehouse w = Warehouse.inMemory(); Rejects rejects = new Rejects(w.connection(), 1)) {
            assertThatThrownBy(() -> TablePipeline.read(file, OPTIONS, rejects, row -> row.line(), line -> {
                if (line == 7000) {
                    throw new SQLException("disk full");
                }
            })).isInstanceOf(SQLException.class).hasMessage("disk full");
        }
        assertThat(readerAlive()).isFalse();
    }

    @Test
    void aFileThatBreaksMidwayFailsWithItsLine() throws Exception {
        // An unclosed quote after two batches: Commons CSV gives up, and so does the whole file.
        Path file = table(2 * TablePipeline.BATCH + 10, "\"R-broken,1", 2 * TablePipeline.BATCH + 5);
        List<Long> loaded = new ArrayList<>();
        try (Warehouse w = Warehouse.inMemory(); Rejects rejects = new Rejects(w.connection(), 1)) {
            assertThatThrownBy(() -> TablePipeline.read(file, OPTIONS, rejects, row -> row.line(), loaded::add))
                    .isInstanceOf(SourceException.class)
                    .satisfies(e -> assertThat(((SourceException) e).located()).contains(":" + (2 * TablePipeline.BATCH + 6)));
        }
        assertThat(readerAlive()).isFalse();
    }
}
