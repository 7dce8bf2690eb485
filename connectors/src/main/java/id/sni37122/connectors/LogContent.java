package id.sni37122.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * A log's content, decompressed, as what identifies it across logrotate's renames and
 * compression: {@code access.log} loaded tonight is {@code access.log.1} tomorrow (perhaps with
 * the lines written after tonight's run) and {@code access.log.2.gz} the night after. Each load of
 * an appendable log records the hash of its content's first line (the head, to find candidates)
 * and of all the content it has loaded (SHA-256, or CRC32C for a compressed load); a file whose content starts with a loaded content is
 * that log, already loaded or grown, whatever its name and compression.
 */
public final class LogContent {

    /** A first line longer than this is hashed only this far. */
    private static final int HEAD_LIMIT = 4096;

    private LogContent() {
    }

    /** A load whose content the file starts with: its {@code bytes} and {@code lines}, and whether the file holds more. */
    record Match(long fileId, String path, long bytes, long lines, boolean longer) {
    }

    /** SHA-256 of the content's first line with its LF (at most {@value #HEAD_LIMIT} bytes); null for an empty content. */
    static String head(Path file) throws IOException {
        MessageDigest digest = Hashes.sha256();
        int n = 0;
        try (InputStream in = Compression.content(file)) {
            for (int b; n < HEAD_LIMIT && (b = in.read()) >= 0; ) {
                digest.update((byte) b);
                n++;
                if (b == '\n') {
                    break;
                }
            }
        }
        return n == 0 ? null : HexFormat.of().formatHex(digest.digest());
    }

    private record Candidate(long fileId, String path, String hash, long bytes) {
    }

    /**
     * The current load of this city and kind with the most content that the file's content starts
     * with, or null. One pass over the content serves every candidate: the hash at each candidate's
     * length is taken from a copy of the running digest.
     */
    static Match match(PreparedStatements statements, String city, String kind, Path file, String head) throws IOException, SQLException {
        List<Candidate> candidates = new ArrayList<>();
        PreparedStatement p = statements.of(SqlResource.load(LogContent.class, "log_content_candidates.sql"));
        p.setString(1, city);
        p.setString(2, kind);
        p.setString(3, head);
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                candidates.add(new Candidate(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4)));
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        MessageDigest digest = Hashes.sha256();
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        long lines = 0;
        Match best = null;
        int next = 0;
        try (InputStream in = Compression.content(file)) {
            while (next < candidates.size()) {
                Candidate want = candidates.get(next);
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, want.bytes() - read));
                if (n < 0) {
                    break; // shorter than every candidate left
                }
                digest.update(buffer, 0, n);
                crc.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                read += n;
                while (next < candidates.size() && candidates.get(next).bytes() == read) {
                    Candidate at = candidates.get(next++);
                    String hash = at.hash().startsWith(CRC32C_PREFIX) ? crc32c(crc) : HexFormat.of().formatHex(clone(digest).digest());
                    if (hash.equals(at.hash())) {
                        best = new Match(at.fileId(), at.path(), at.bytes(), lines, false);
                    }
                }
            }
            if (best != null) {
                long more = best.bytes() == read ? in.read() : 1;
                best = new Match(best.fileId(), best.path(), best.bytes(), best.lines(), more >= 0);
            }
        }
        return best;
    }

    /** How a compressed load's content hash begins (see 010-log-content.sql). */
    static final String CRC32C_PREFIX = "crc32c:";

    /** A CRC32C as the content hash of a compressed load. */
    public static String crc32c(Checksum crc) {
        return CRC32C_PREFIX + String.format("%08x", crc.getValue());
    }

    private static MessageDigest clone(MessageDigest d) {
        try {
            return (MessageDigest) d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests can be cloned", e);
        }
    }

    /** The head recorded for a load, or null when it has none (loaded before log_content existed). */
    static String headOf(PreparedStatements statements, long fileId) throws SQLException {
        PreparedStatement p = statements.of("SELECT head_sha256 FROM log_content WHERE file_id = ?");
        p.setLong(1, fileId);
        try (ResultSet r = p.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    static void record(PreparedStatements statements, long fileId, String head, String contentHash, long contentBytes) throws SQLException {
        PreparedStatement p = statements.of("INSERT OR REPLACE INTO log_content VALUES (?, ?, ?, ?)");
        p.setLong(1, fileId);
        p.setString(2, head);
        p.setString(3, contentHash);
        p.setLong(4, contentBytes);
        p.executeUpdate();
    }
}
