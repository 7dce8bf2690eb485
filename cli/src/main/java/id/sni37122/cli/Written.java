package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import java.nio.file.Path;
import java.util.List;

/** What a command wrote, in a few lines: one per workbook to open, the rest counted by folder. */
final class Written {

    private Written() {
    }

    static void tell(Console console, List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        List<Path> books = files.stream().filter(f -> f.getFileName().toString().endsWith(".xlsx")).toList();
        long pictures = files.stream().filter(f -> f.getFileName().toString().endsWith(".png")).count();
        long other = files.size() - books.size() - pictures;
        Path folder = files.get(0).toAbsolutePath().getParent();
        console.info("  " + Messages.get("cli.wrote_summary", books.size(), pictures, other, IngestSummary.shown(folder)));
        books.forEach(b -> console.info("  " + Messages.get("cli.open_this", IngestSummary.shown(b))));
    }
}
