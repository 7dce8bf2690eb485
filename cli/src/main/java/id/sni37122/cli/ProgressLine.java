package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one line a loading run redraws at a terminal, fitted to its width: the task and percentage
 * always, then as much as fits, in this order: files done, megabytes, speed, lines per second,
 * the time left, a bar, and the file being read (shortened in the middle). Never wider than the
 * terminal, so it never wraps, and padded, so a shorter line leaves nothing of a longer one.
 *
 * @param fraction     0..1 of the bytes to read
 * @param filesDone    files finished
 * @param filesTotal   files to read
 * @param linesPerSecond rows read per second so far
 * @param currentFile  the file being read, or null
 */
record ProgressLine(String task, double fraction, long bytesDone, long bytesTotal, Duration elapsed, int filesDone, int filesTotal,
                    long linesPerSecond, String currentFile) {

    /** The line at {@code width} columns (at least 20 are assumed). */
    String render(int width) {
        width = Math.max(20, width);
        NumberFormat one = NumberFormat.getNumberInstance(Messages.locale());
        one.setMinimumFractionDigits(1);
        one.setMaximumFractionDigits(1);
        NumberFormat whole = NumberFormat.getIntegerInstance(Messages.locale());
        double seconds = Math.max(1e-3, elapsed.toMillis() / 1000.0);
        String head = task + " " + String.format("%3d%%", Math.round(fraction * 100));
        List<String> parts = new ArrayList<>();
        parts.add(Messages.get("cli.progress_files", filesDone, filesTotal));
        parts.add(one.format(bytesDone / 1048576.0) + "/" + one.format(bytesTotal / 1048576.0) + " MB");
        parts.add(one.format(bytesDone / 1048576.0 / seconds) + " MB/s");
        parts.add(Messages.get("cli.progress_lines", whole.format(linesPerSecond)));
        if (fraction > 0.02 && fraction < 1) {
            long left = Math.round(seconds * (1 - fraction) / fraction);
            parts.add(Messages.get("cli.progress_left", String.format("%d:%02d", left / 60, left % 60)));
        }
        StringBuilder line = new StringBuilder(head);
        for (String part : parts) {
            if (line.length() + 3 + part.length() > width) {
                break;
            }
            line.append(" | ").append(part);
        }
        int room = width - line.length() - 3;
        if (room >= 12) {
            int cells = Math.min(30, room - 2);
            int filled = (int) Math.round(cells * Math.min(1, Math.max(0, fraction)));
            line.insert(head.length(), " [" + "=".repeat(filled) + " ".repeat(cells - filled) + "]");
            room = width - line.length() - 3;
        }
        if (currentFile != null && room >= 10) {
            line.append(" | ").append(shortened(currentFile, room));
        }
        return line.length() >= width ? line.substring(0, width) : line + " ".repeat(width - line.length());
    }

    /** "access-20~-04.log.gz": the start and the end of a long name, which say most. */
    static String shortened(String name, int width) {
        if (name.length() <= width) {
            return name;
        }
        int tail = (width - 1) / 2;
        int headLength = width - 1 - tail;
        return name.substring(0, headLength) + "~" + name.substring(name.length() - tail);
    }
}
