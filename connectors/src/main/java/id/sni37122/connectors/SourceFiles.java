package id.sni37122.connectors;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns a config path (file, folder or glob) into the files it names. */
public final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * The regular files {@code pattern} names, sorted by path. A folder means every file in it
     * (not hidden, recursively). A glob that matches nothing, or a missing path, is an error:
     * a nightly run must not report zero visits because a mount went away. A file the user may not
     * read is named all the same, to fail in words when it is loaded.
     */
    public static List<Path> expand(Path baseDir, String pattern) throws SourceException {
        if (pattern == null || pattern.isBlank()) {
            throw new SourceException(baseDir, Messages.get("connectors.path_empty"));
        }
        Path direct = baseDir.resolve(pattern).normalize();
        if (!hasGlob(pattern)) {
            if (Files.isDirectory(direct)) {
                return walk(direct, null);
            }
            if (!Files.exists(direct)) {
                throw new SourceException(direct, Messages.get("connectors.file_missing"));
            }
            // A file that exists but may not be read is no config mistake: it fails when it loads
            // (permission denied, exit 1) and the other sources still load.
            return List.of(direct);
        }
        // Walk from the longest folder prefix that has no glob characters.
        String normalized = pattern.replace('\\', '/');
        int firstGlob = indexOfGlob(normalized);
        int slash = normalized.lastIndexOf('/', firstGlob);
        Path root = slash < 0 ? baseDir : baseDir.resolve(normalized.substring(0, slash));
        if (!Files.isDirectory(root)) {
            throw new SourceException(root, Messages.get("connectors.folder_missing", pattern));
        }
        String absoluteGlob = root.toAbsolutePath().normalize() + "/" + normalized.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absoluteGlob);
        List<Path> files = walk(root, matcher);
        if (files.isEmpty()) {
            throw new SourceException(root, Messages.get("connectors.glob_empty", pattern));
        }
        return files;
    }

    private static List<Path> walk(Path root, PathMatcher matcher) throws SourceException {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> out = new ArrayList<>();
            s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> matcher == null || matcher.matches(p.toAbsolutePath().normalize()))
                    .sorted()
                    .forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new SourceException(root, Messages.get("connectors.file_unreadable") + " (" + e.getMessage() + ")");
        }
    }

    private static boolean hasGlob(String s) {
        return indexOfGlob(s) >= 0;
    }

    private static int indexOfGlob(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}
