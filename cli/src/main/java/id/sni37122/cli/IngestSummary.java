package id.sni37122.cli;

import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.IngestReport;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.Rejects;
import id.sni37122.connectors.SourceException;
import java.util.Map;
import java.util.TreeMap;

/** The few lines an operator reads after an ingest: per source kind, files and rows, and why rows were rejected. */
final class IngestSummary {

    /** Loaded files listed by name; more are counted. */
    static final int MAX_FILES = 12;
    /** Rejected rows shown with file:line; the rest are on the report's data-quality sheet. */
    static final int MAX_EXAMPLES = 10;

    private IngestSummary() {
    }

    static String render(IngestReport report) {
        Map<String, long[]> byKind = new TreeMap<>();
        Map<String, Map<String, Long>> reasons = new TreeMap<>();
        for (FileOutcome f : report.files()) {
            long[] k = byKind.computeIfAbsent(f.kind(), x -> new long[6]);
            k[f.status().loaded() ? 0 : f.status() == FileOutcome.Status.SKIPPED ? 1 : 2]++;
            k[3] += f.rowsRead();
            k[4] += f.rowsLoaded();
            k[5] += f.rowsRejected();
            f.rejectReasons().forEach((reason, n) -> reasons.computeIfAbsent(f.kind(), x -> new TreeMap<>()).merge(reason, n, Long::sum));
        }
        StringBuilder sb = new StringBuilder();
        for (var e : byKind.entrySet()) {
            long[] k = e.getValue();
            sb.append("  ").append(Messages.get("cli.ingest_line", e.getKey(), k[0], k[1], k[2], k[3], k[4], k[5])).append('\n');
            Map<String, Long> r = reasons.get(e.getKey());
            if (r != null) {
                r.forEach((reason, n) -> sb.append("      ").append(n).append(" × ").append(Messages.get(reason)).append('\n'));
            }
        }
        // The files loaded now, so the operator sees what is new; a year of rotated logs is cut short.
        long listed = 0;
        long loaded = report.loadedCount();
        for (FileOutcome f : report.files()) {
            if (f.status().loaded() && listed++ < MAX_FILES) {
                sb.append("    ").append(Messages.get("cli.file_line", f.file(), f.rowsRead(), f.rowsLoaded(), f.rowsRejected())).append('\n');
            }
        }
        if (loaded > MAX_FILES) {
            sb.append("    ").append(Messages.get("cli.more_files", loaded - MAX_FILES)).append('\n');
        }
        long shown = 0;
        for (FileOutcome f : report.files()) {
            if (f.note() != null) {
                sb.append("  ").append(f.note()).append('\n');
            }
            // Where to look first: file:line: column: reason, as editors and grep understand it.
            for (Rejects.Example x : f.rejectExamples()) {
                if (shown == MAX_EXAMPLES) {
                    break;
                }
                shown++;
                String what = Messages.get(x.reason()) + (x.detail() == null ? "" : " ('" + x.detail() + "')");
                sb.append("  ").append(new SourceException(f.file(), x.line(), x.column(), what).located()).append('\n');
            }
        }
        long hidden = report.rowsRejected() - shown;
        if (hidden > 0) {
            sb.append("  ").append(Messages.get("cli.more_rejects", hidden)).append('\n');
        }
        return sb.toString();
    }
}
