package id.sni37122.cli;

import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress line (files, megabytes, speed, lines per second) while files load, drawn only for a
 * person at a terminal: under cron or in a pipe there is no console, and nothing is drawn. The
 * progressbar library redraws it and knows the terminal's width; {@link ProgressLine} fits the
 * text to that width.
 */
final class IngestProgress implements Ingestor.Listener, AutoCloseable {

    private final ProgressBar bar;
    private final int totalFiles;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private volatile long bytesDone;
    private volatile long rowsRead;
    private volatile int filesDone;
    private volatile String current;

    private IngestProgress(boolean draw, List<Path> files) {
        this.totalFiles = files.size();
        this.totalBytes = Math.max(1, files.stream().mapToLong(f -> f.toFile().length()).sum());
        this.bar = draw ? new ProgressBarBuilder().setTaskName(Messages.get("cli.progress_task")).setInitialMax(totalBytes)
                .setRenderer((state, width) -> line().render(width))
                .setConsumer(new FinishingConsumer(System.err)).setUpdateIntervalMillis(250).build() : null;
    }

    /** A line when a person is watching, else a listener that does nothing. */
    static IngestProgress forTerminal(boolean quiet, List<Path> files) {
        return new IngestProgress(!quiet && System.console() != null && !files.isEmpty(), files);
    }

    ProgressLine line() {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        double seconds = Math.max(1e-3, elapsed.toMillis() / 1000.0);
        return new ProgressLine(Messages.get("cli.progress_task"), Math.min(1, (double) bytesDone / totalBytes), bytesDone, totalBytes,
                elapsed, filesDone, totalFiles, Math.round(rowsRead / seconds), current);
    }

    @Override
    public void fileStarted(String kind, Path file, long bytes) {
        current = file.getFileName().toString();
    }

    @Override
    public void fileFinished(FileOutcome outcome, long bytes) {
        filesDone++;
        bytesDone += bytes;
        rowsRead += outcome.rowsRead();
        if (bar != null) {
            bar.stepTo(bytesDone);
        }
    }

    @Override
    public void close() {
        current = null;
        if (bar != null) {
            bar.stepTo(totalBytes);
            bar.close();
        }
    }

    /**
     * The console line, which stays finished once closed: the library's refresh thread can still be
     * drawing when the bar closes (its task is cancelled, not waited for), and a draw after the
     * closing line end would print the line a second time below the first.
     */
    private static final class FinishingConsumer extends ConsoleProgressBarConsumer {
        private boolean closed;

        FinishingConsumer(PrintStream out) {
            super(out);
        }

        @Override
        public synchronized void accept(String rendered) {
            if (!closed) {
                super.accept(rendered);
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                super.close();
            }
        }
    }
}
