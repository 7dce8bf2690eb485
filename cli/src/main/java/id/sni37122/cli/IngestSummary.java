package id.sni37122.cli;

import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.IngestReport;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.Rejects;
import id.sni37122.connectors.SourceException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The few lines an operator reads after an ingest: per source kind, files and rows; per reason
 * for rejected rows, where the first one is and how many there are; the files loaded now. Every
 * rejected row is listed on the workbook's Kualitas Data sheet, not here.
 */
final class IngestSummary {

    /** Loaded files listed by name; more are counted. */
    static final int MAX_FILES = 12;

    private IngestSummary() {
    }

    /** Counts of one source kind. */
    private static final class Kind {
        long loaded;
        long skipped;
        long failed;
        long read;
        long kept;
        long rejected;
        final Map<String, Long> reasons = new TreeMap<>();
        final Map<String, String> first = new LinkedHashMap<>();
    }

    static String render(IngestReport report) {
        Map<String, Kind> byKind = new TreeMap<>();
        for (FileOutcome f : report.files()) {
            Kind k = byKind.computeIfAbsent(f.kind(), x -> new Kind());
            if (f.status().loaded()) {
                k.loaded++;
            } else if (f.status() == FileOutcome.Status.SKIPPED) {
                k.skipped++;
            } else {
                k.failed++;
            }
            k.read += f.rowsRead();
            k.kept += f.rowsLoaded();
            k.rejected += f.rowsRejected();
            f.rejectReasons().forEach((reason, n) -> k.reasons.merge(reason, n, Long::sum));
            for (Rejects.Example x : f.rejectExamples()) {
                // Where to look first, as editors and grep read it: file:line(:column).
                String what = Messages.get(x.reason()) + (x.detail() == null ? "" : " ('" + x.detail() + "')");
                k.first.putIfAbsent(x.reason(), (shown(f) + (x.line() > 0 ? ":" + x.line() : "") + ": " + new SourceException(null, 0, x.column(), what).located()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (var e : byKind.entrySet()) {
            Kind k = e.getValue();
            // The config's own key, and the kind in words: "catalog — Katalog layanan".
            String kind = Messages.has("reports.kind." + e.getKey()) ? e.getKey() + " — " + Messages.get("reports.kind." + e.getKey()) : e.getKey();
            sb.append("  ").append(Messages.get("cli.ingest_line", kind, k.loaded, k.skipped, k.failed, k.read, k.kept, k.rejected))
                    .append('\n');
            // Per reason, its first row where editors and grep find it (file:line: reason), and how many there are.
            k.reasons.forEach((reason, n) -> sb.append("      ")
                    .append(Messages.get("cli.reject_reason", n, k.first.getOrDefault(reason, Messages.get(reason)))).append('\n'));
        }
        // The files loaded now, so the operator sees what is new; a year of rotated logs is cut short.
        long listed = 0;
        for (FileOutcome f : report.files()) {
            if (f.status().loaded() && listed++ < MAX_FILES) {
                sb.append("    ").append(Messages.get("cli.file_line", shown(f), f.rowsRead(), f.rowsLoaded(), f.rowsRejected()))
                        .append('\n');
            }
        }
        if (report.loadedCount() > MAX_FILES) {
            sb.append("    ").append(Messages.get("cli.more_files", report.loadedCount() - MAX_FILES)).append('\n');
        }
        for (FileOutcome f : report.files()) {
            if (f.note() != null) {
                sb.append("  ").append(f.note()).append('\n');
            }
        }
        if (report.rowsRejected() > 0) {
            sb.append("  ").append(Messages.get("cli.rejects_in_workbook")).append('\n');
        }
        return sb.toString();
    }

    /** A file as {@link #shown(Path)}, a database by its url without password. */
    static String shown(FileOutcome f) {
        return f.file() == null ? f.database() : shown(f.file());
    }

    /** A path as the operator typed it: relative to the working folder when it lies below it. */
    static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path p = file.toAbsolutePath().normalize();
        return p.startsWith(here) ? here.relativize(p).toString() : file.toString();
    }
}
