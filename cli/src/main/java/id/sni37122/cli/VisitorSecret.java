package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

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
            throw new IOException(Messages.get("cli.secret_bad", file, LENGTH));
        }
        return key;
    }
}
