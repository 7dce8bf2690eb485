package id.sni37122.cli;

import id.sni37122.connectors.FileOutcome;
import id.sni37122.connectors.Ingestor;
import id.sni37122.connectors.Messages;
import java.nio.file.Path;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar (files, megabytes, lines per second) while files load, drawn only for a person
 * at a terminal: under cron or in a pipe there is no console, and nothing is drawn.
 */
final class IngestProgress implements Ingestor.Listener, AutoCloseable {

    private final ProgressBar bar;
    private final int totalFiles;
    private final long started = System.nanoTime();
    private long bytesDone;
    private long rowsRead;
    private int filesDone;

    private IngestProgress(ProgressBar bar, int totalFiles) {
        this.bar = bar;
        this.totalFiles = totalFiles;
    }

    /** A bar when a person is watching, else a listener that does nothing. */
    static IngestProgress forTerminal(boolean quiet, List<Path> files) {
        if (quiet || System.console() == null || files.isEmpty()) {
            return new IngestProgress(null, files.size());
        }
        long total = files.stream().mapToLong(f -> f.toFile().length()).sum();
        ProgressBar bar = new ProgressBarBuilder().setTaskName(Messages.get("cli.progress_task"))
                .setInitialMax(Math.max(1, total)).setUnit(" MB", 1 << 20).showSpeed()
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250).build();
        return new IngestProgress(bar, files.size());
    }

    @Override
    public void fileStarted(String kind, Path file, long bytes) {
        if (bar != null) {
            bar.setExtraMessage(Messages.get("cli.progress_file", filesDone + 1, totalFiles, file.getFileName()));
        }
    }

    @Override
    public void fileFinished(FileOutcome outcome, long bytes) {
        filesDone++;
        bytesDone += bytes;
        rowsRead += outcome.rowsRead();
        if (bar != null) {
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            bar.stepTo(bytesDone);
            bar.setExtraMessage(Messages.get("cli.progress_rate", filesDone, totalFiles, Math.round(rowsRead / seconds)));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
