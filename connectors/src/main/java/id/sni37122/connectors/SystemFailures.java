package id.sni37122.connectors;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Operating-system failures told in the user's words: a full disk, a permission refused, a
 * read-only file system. They arrive as Java exceptions or as DuckDB's "IO Error: Could not write
 * file "…": No space left on device" (its local file system quotes strerror), often buried under a
 * later "cannot rollback"; the operator needs the cause and the fix, not the class name.
 */
public final class SystemFailures {

    private static final Pattern QUOTED_PATH = Pattern.compile("\"(/[^\"]+)\"");

    private SystemFailures() {
    }

    /** The user-language message for an OS failure among {@code e}'s causes and suppressed exceptions, or null. */
    public static String describe(Throwable e) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        todo.add(e);
        String permission = null;
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            String m = String.valueOf(t.getMessage());
            String lower = m.toLowerCase(Locale.ROOT);
            String path = t instanceof FileSystemException f && f.getFile() != null ? f.getFile() : quotedPath(m);
            if (lower.contains("no space left on device") || lower.contains("disk quota exceeded") || lower.contains("disk is full")
                    || lower.contains("enospc")) {
                return path == null ? Messages.get("connectors.disk_full") : Messages.get("connectors.disk_full_at", path);
            }
            if (t instanceof ReadOnlyFileSystemException || lower.contains("read-only file system")) {
                return Messages.get("connectors.read_only", path == null ? "?" : path);
            }
            if (permission == null && (t instanceof AccessDeniedException || lower.contains("permission denied"))) {
                permission = Messages.get("connectors.permission_denied", path == null ? "?" : path);
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return permission;
    }

    private static String quotedPath(String message) {
        Matcher m = QUOTED_PATH.matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
