package id.sni37122.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes that identify a source file whatever its name or location. */
public final class Hashes {

    private Hashes() {
    }

    public static String sha256(Path file) throws IOException {
        return sha256(file, Long.MAX_VALUE);
    }

    /** The hash of a file's first {@code length} bytes: a log still being written is hashed as far as it is loaded. */
    public static String sha256(Path file, long length) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        long left = length;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; left -= n) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hash of a file's first {@code length} bytes and how many lines they end. */
    public record Prefix(String sha256, long lines) {
    }

    /** Hashes the first {@code length} bytes, to tell whether a file only grew since it was last loaded. */
    public static Prefix prefix(Path file, long length) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        long lines = 0;
        long left = length;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; left -= n) {
                digest.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new Prefix(HexFormat.of().formatHex(digest.digest()), lines);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
