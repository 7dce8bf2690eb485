package id.sni37122.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OS failures as they reach us. DuckDB's shapes are those of its local file system
 * (src/common/local_file_system.cpp: "Could not write file \"%s\": %s" with strerror) and of a
 * rollback tried after it ("TransactionContext Error: cannot rollback"); Java's are NIO's.
 * A real full disk is BadInputCorpusTest.aFullDiskIsSaidInWordsAndDamagesNothing.
 */
class SystemFailuresTest {

    @BeforeEach
    void indonesian() {
        Messages.setLanguage("id");
    }

    @Test
    void aFullDiskUnderARollbackFailureIsSaidAsAFullDisk() {
        SQLException write = new SQLException("IO Error: Could not write file \"/srv/sni/kota.duckdb.wal\": No space left on device");
        SQLException rollback = new SQLException("TransactionContext Error: cannot rollback - no transaction is active");
        rollback.addSuppressed(write);
        assertThat(SystemFailures.describe(new SQLException(rollback.getMessage(), rollback)))
                .isEqualTo(Messages.get("connectors.disk_full_at", "/srv/sni/kota.duckdb.wal")).contains("ruang disk habis");
        assertThat(SystemFailures.describe(new IOException("No space left on device"))).startsWith("ruang disk habis;");
    }

    @Test
    void aPermissionRefusedNamesThePath() {
        assertThat(SystemFailures.describe(new UncheckedIOException(new AccessDeniedException("/srv/sni/out"))))
                .isEqualTo(Messages.get("connectors.permission_denied", "/srv/sni/out")).contains("izin ditolak", "chmod");
        assertThat(SystemFailures.describe(new SQLException("IO Error: Cannot open file \"/srv/sni/kota.duckdb\": Permission denied")))
                .contains("/srv/sni/kota.duckdb");
        assertThat(SystemFailures.describe(new SQLException("IO Error: Could not set lock on file \"/x\": Conflicting lock"))).isNull();
    }
}
