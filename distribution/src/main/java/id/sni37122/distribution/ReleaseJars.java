package id.sni37122.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The release's lib/ folder: the runtime jars, with the native libraries that DuckDB, SQLite,
 * Arrow and JLine carry for every platform taken out of them, and one platform's copies written
 * beside them as plain files, where their loaders find them without unpacking anything into /tmp;
 * and every jar's licence files. (JDK only, so building the release needs no zip tools.)
 *
 * <p>{@code ReleaseJars <runtime jars> <lib out> <licences out> <licence texts> <THIRD-PARTY.txt>}
 * writes the platform-neutral part; {@code ReleaseJars --natives <arch> <runtime jars> <lib out>}
 * adds one platform's libraries.
 */
public final class ReleaseJars {

    /** A native library inside a jar: the jar's name prefix, the entry, the file name in lib/. */
    record Native(String jarPrefix, String entry, String file) {
    }

    /**
     * DuckDB loads {@code libduckdb_java.so_<os>_<arch>} from its jar's folder when the jar holds
     * none (DuckDBNative.loadFromCurrentJarDir); the launcher points SQLite (org.sqlite.lib.path),
     * Arrow (arrow.cdata.library.path) and JLine (library.jline.path) at lib/.
     */
    static final Map<String, List<Native>> NATIVES = Map.of(
            "x86_64", List.of(
                    new Native("duckdb_jdbc-", "libduckdb_java.so_linux_amd64", "libduckdb_java.so_linux_amd64"),
                    new Native("sqlite-jdbc-", "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so", "libsqlitejdbc.so"),
                    new Native("arrow-c-data-", "arrow_cdata_jni/x86_64/libarrow_cdata_jni.so", "libarrow_cdata_jni.so"),
                    new Native("jline-native-", "org/jline/nativ/Linux/x86_64/libjlinenative.so", "libjlinenative.so")),
            "aarch64", List.of(
                    new Native("duckdb_jdbc-", "libduckdb_java.so_linux_arm64", "libduckdb_java.so_linux_arm64"),
                    new Native("sqlite-jdbc-", "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so", "libsqlitejdbc.so"),
                    new Native("arrow-c-data-", "arrow_cdata_jni/aarch_64/libarrow_cdata_jni.so", "libarrow_cdata_jni.so"),
                    new Native("jline-native-", "org/jline/nativ/Linux/arm64/libjlinenative.so", "libjlinenative.so")));

    /** What each of those jars loses: all platforms' copies. */
    static final Map<String, Pattern> STRIPPED = Map.of(
            "duckdb_jdbc-", Pattern.compile("libduckdb_java\\.so_.*"),
            "sqlite-jdbc-", Pattern.compile("org/sqlite/native/.+"),
            "arrow-c-data-", Pattern.compile("arrow_cdata_jni/.+"),
            "jline-native-", Pattern.compile("org/jline/nativ/[^/]+/.+"));

    private static final Pattern LICENCE = Pattern.compile("(?i)(META-INF/)?(maven/[^/]+/[^/]+/)?(LICENSE|NOTICE|COPYING)[^/]*");

    private ReleaseJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("--natives")) {
            natives(args[1], Path.of(args[2]), Path.of(args[3]));
        } else {
            jars(Path.of(args[0]), Path.of(args[1]));
            licences(Path.of(args[0]), Path.of(args[2]), Path.of(args[3]), Files.readString(Path.of(args[4])));
        }
    }

    private static List<Path> runtimeJars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    static void jars(Path from, Path lib) throws IOException {
        Files.createDirectories(lib);
        for (Path jar : runtimeJars(from)) {
            String name = jar.getFileName().toString();
            Pattern strip = STRIPPED.entrySet().stream().filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (strip == null) {
                Files.copy(jar, lib.resolve(name));
            } else {
                copyWithout(jar, lib.resolve(name), strip);
            }
        }
    }

    private static void copyWithout(Path jar, Path to, Pattern strip) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (strip.matcher(entry.getName()).matches()) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    static void natives(String arch, Path from, Path lib) throws IOException {
        List<Native> natives = NATIVES.get(arch);
        if (natives == null) {
            throw new IllegalArgumentException("unknown architecture " + arch + "; known: " + NATIVES.keySet());
        }
        List<Path> jars = runtimeJars(from);
        for (Native n : natives) {
            Path jar = jars.stream().filter(j -> j.getFileName().toString().startsWith(n.jarPrefix())).findFirst()
                    .orElseThrow(() -> new IOException("no " + n.jarPrefix() + "*.jar in " + from));
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(n.entry());
                if (entry == null) {
                    throw new IOException(jar.getFileName() + " holds no " + n.entry());
                }
                Path file = lib.resolve(n.file());
                try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(file)) {
                    in.transferTo(out);
                }
                file.toFile().setExecutable(true, false);
            }
        }
    }

    /**
     * Each third-party jar's own licence and notice files into {@code <licences>/<jar>/}; a jar
     * that carries none gets {@code <texts>/<artifactId>.txt}, or the Apache 2.0 text when its POM
     * declares that licence (THIRD-PARTY.txt); a jar with neither stops the build.
     */
    static void licences(Path from, Path out, Path texts, String thirdParty) throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path jar : runtimeJars(from)) {
            String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
            if (base.startsWith("sni37122-")) {
                continue;
            }
            String artifact = base.replaceFirst("-[^-]+$", "");
            Path dir = Files.createDirectories(out.resolve(base));
            boolean found = false;
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (!entry.isDirectory() && LICENCE.matcher(entry.getName()).matches()) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, dir.resolve(entry.getName().replaceFirst("^META-INF/", "").replace('/', '_')));
                        }
                        found = true;
                    }
                }
            }
            if (found) {
                continue;
            }
            Path own = texts.resolve(artifact + ".txt");
            if (!Files.exists(own)) {
                own = texts.resolve(artifact.replaceFirst("-.*", "") + ".txt"); // jline.txt for jline-native, jline-terminal
            }
            if (Files.exists(own)) {
                Files.copy(own, dir.resolve("LICENSE"));
            } else if (Pattern.compile("\\([^)]*Apache[^)]*\\) [^\\n]*:" + Pattern.quote(artifact) + ":").matcher(thirdParty).find()) {
                Files.copy(texts.resolve("Apache-2.0.txt"), dir.resolve("LICENSE"));
            } else {
                missing.add(base);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("no licence text for " + missing + ": add distribution/licenses/<artifactId>.txt");
        }
    }
}
