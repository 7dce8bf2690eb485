package id.sni37122.reports;

import id.sni37122.indicators.IndicatorResult;
import java.nio.file.Path;
import java.util.List;

/** PLACEHOLDER contract: the machine-readable results CSV. */
public final class ResultsCsv {
    private ResultsCsv() {
    }

    /** Writes every result (one city) as CSV into outputDir; returns the file. */
    public static Path write(List<IndicatorResult> all, Path outputDir) {
        throw new UnsupportedOperationException("not built yet");
    }
}
