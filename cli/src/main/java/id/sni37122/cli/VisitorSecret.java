package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/**
 * The per-installation key that visitor identities are hashed with (HMAC). It lives outside the
 * warehouse, so a copied warehouse cannot be used to test guesses of an address; it is created
 * on the first run. Losing it only means visitors seen before and after are not linked.
 */
public final class VisitorSecret {

    static final int LENGTH = 32;

    private VisitorSecret() {
    }

    /** {@code $XDG_CONFIG_HOME/sni37122/visitor.key}, else {@code ~/.config/sni37122/visitor.key}. */
    public static Path defaultLocation() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("sni37122").resolve("visitor.key");
    }

    public static byte[] loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[LENGTH];
            new SecureRandom().nextBytes(key);
            try {
                Files.write(file, key, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: rely on the folder's permissions
                }
                return key;
            } catch (FileAlreadyExistsException raced) {
                // another run created it first: use theirs
            }
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != LENGTH) {
            throw new IOException(notAKey(file, key.length));
        }
        return key;
    }

    /** Why an existing file cannot be the key, or null when it can (it may still be missing). */
    static String check(Path file) {
        try {
            long size = Files.isRegularFile(file) ? Files.size(file) : LENGTH;
            return size == LENGTH ? null : notAKey(file, size);
        } catch (IOException e) {
            return null; // unreadable: said when the run reads it
        }
    }

    private static String notAKey(Path file, long size) {
        return Messages.get("cli.secret_bad", file, LENGTH, size);
    }

    /** A warning with the fix when users other than the owner can read the key, else empty. */
    static Optional<String> exposure(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                return Optional.of(Messages.get("cli.secret_exposed", file, PosixFilePermissions.toString(p)));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // missing, or not a POSIX file system: nothing to say
        }
        return Optional.empty();
    }
}
