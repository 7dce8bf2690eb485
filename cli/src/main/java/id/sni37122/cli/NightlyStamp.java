package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.Warehouse;
import id.sni37122.indicators.Indicators;
import id.sni37122.reports.CityReport;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What the last successful {@code run} read and wrote, kept beside its workbooks
 * ({@value #FILE_NAME}), so the 02:00 run with nothing new computes and writes nothing again.
 *
 * <p>The inputs are every file the run depends on, by path, size and modification time (each source
 * file, the config and its readiness files, the warehouse and its write-ahead log), and the code
 * (version and the jars' own size and time), the language and the {@code --year} asked; the
 * outputs are the files it wrote, the same way. While all are as the stamp says, the figures would
 * come out the same: a new or grown log, an edited config or rule, a separate {@code ingest} or
 * {@code compute} (both change the warehouse file), a new release, or a deleted or edited workbook
 * each make the next run a whole one. A config with a database source ({@code url:}) is never
 * unchanged: what the database holds is no file. A year still running is never stamped: its coverage is
 * counted up to the day and hour of the run, so it changes with the clock alone.
 */
final class NightlyStamp {

    static final String FILE_NAME = ".sni37122-run-terakhir";

    private static final String CODE = "code=";
    private static final String INPUTS = "inputs=";
    private static final String OUTPUT = "output=";

    private final String code;
    private final String inputs;
    private final List<String> outputs;

    private NightlyStamp(String code, String inputs, List<String> outputs) {
        this.code = code;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    static Path fileFor(CityConfig config) {
        return config.output().resolve(FILE_NAME);
    }

    /**
     * True when the stamp of the last run matches the files as they are now: nothing to compute
     * or write. Any doubt (no stamp, an unreadable one, a file gone) is a no.
     */
    static boolean unchanged(CityConfig config, Map<SourceSpec, List<Path>> sources, Integer year) {
        if (sources.keySet().stream().anyMatch(s -> s.url() != null)) {
            return false; // a database (Uptime Kuma on MariaDB) changes with no file changing: it is read every run
        }
        try {
            List<String> lines = Files.readAllLines(fileFor(config), StandardCharsets.UTF_8);
            NightlyStamp now = new NightlyStamp(code(), inputs(config, sources, year), List.of());
            List<String> outputs = lines.stream().filter(l -> l.startsWith(OUTPUT)).map(l -> l.substring(OUTPUT.length())).toList();
            if (outputs.isEmpty() || !lines.contains(CODE + now.code) || !lines.contains(INPUTS + now.inputs)) {
                return false;
            }
            for (String output : outputs) {
                int tab = output.indexOf('\t');
                if (tab < 0 || !output.substring(tab + 1).equals(stat(config.output().resolve(output.substring(0, tab))))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Removes the stamp: from here on, the last run's record no longer speaks for what is on disk. */
    static void forget(CityConfig config) throws IOException {
        Files.deleteIfExists(fileFor(config));
    }

    /** Writes the stamp after a whole run that ended well, once the warehouse is closed; files outside the output folder are not outputs. */
    static void write(CityConfig config, Map<SourceSpec, List<Path>> sources, Integer year, List<Path> written) throws IOException {
        Path output = config.output().toAbsolutePath().normalize();
        List<String> lines = new ArrayList<>();
        lines.add("# sni37122: what the last successful run read and wrote. While all of it is unchanged, `run` computes and");
        lines.add("# writes nothing again. Delete this file to make the next run a whole one.");
        lines.add(CODE + code());
        lines.add(INPUTS + inputs(config, sources, year));
        for (Path file : written) {
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.startsWith(output)) {
                lines.add(OUTPUT + output.relativize(absolute) + "\t" + stat(absolute));
            }
        }
        Path stamp = fileFor(config);
        Path partial = stamp.resolveSibling(FILE_NAME + ".tmp");
        Files.write(partial, lines, StandardCharsets.UTF_8);
        Files.move(partial, stamp, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The version and the jars (or class folders) of the modules that compute and write: a new build is a new code. */
    static String code() {
        StringBuilder s = new StringBuilder(Main.version());
        for (Class<?> module : List.of(Main.class, Warehouse.class, Indicators.class, CityReport.class)) {
            s.append(' ').append(stat(codeOf(module)));
        }
        return s.toString();
    }

    private static Path codeOf(Class<?> module) {
        CodeSource source = module.getProtectionDomain().getCodeSource();
        try {
            return source == null ? Path.of("?") : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of("?");
        }
    }

    /** One SHA-256 over everything read: each path with its size and time, and the run's own settings. */
    private static String inputs(CityConfig config, Map<SourceSpec, List<Path>> sources, Integer year) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<String> parts = new ArrayList<>();
        parts.add("language " + Messages.locale().toLanguageTag());
        parts.add("year " + year);
        parts.add(file(config.file()));
        config.readiness().forEach((y, file) -> parts.add("readiness " + y + " " + file(file)));
        parts.add("warehouse " + file(config.warehouse()));
        parts.add("wal " + file(config.warehouse().resolveSibling(config.warehouse().getFileName() + ".wal")));
        for (var e : sources.entrySet()) {
            parts.add("source " + e.getKey().kind() + " " + e.getKey().path() + " " + e.getKey().format());
            e.getValue().forEach(f -> parts.add(file(f)));
        }
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String file(Path file) {
        return file.toAbsolutePath().normalize() + " " + stat(file);
    }

    /** Size, modification time (to the nanosecond where the file system keeps it) and file key; "absent" for no file. */
    private static String stat(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + " " + a.lastModifiedTime().toInstant() + " " + a.fileKey();
        } catch (NoSuchFileException e) {
            return "absent";
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
