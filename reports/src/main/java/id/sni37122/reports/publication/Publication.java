package id.sni37122.reports.publication;

import id.sni37122.connectors.CityContext;
import id.sni37122.reports.CityFigure;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A city's publication as read back: its results CSV or their JSON twin, whose self-hash matched.
 *
 * @param file        the file it was read from
 * @param city        the city that computed it
 * @param language    the language its names and warning texts are in ({@code id} or {@code en})
 * @param computedAt  when the city computed the results: with the city, it names the run
 * @param sources     every source file the results rest on, with its SHA-256
 * @param figures     one per year and indicator
 */
public record Publication(Path file, CityContext city, String language, String toolVersion, Instant computedAt,
                          List<SourceFile> sources, List<CityFigure> figures) {

    public Publication {
        sources = List.copyOf(sources);
        figures = List.copyOf(figures);
    }

    /** The JSON twin carries full precision and every detail; the CSV is for spreadsheets. */
    public boolean isJson() {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    /**
     * One loaded source file.
     *
     * @param path relative to the city's config folder (a file outside it: its name only), never a server's absolute path
     */
    public record SourceFile(String kind, String path, String sha256, long sizeBytes) {
    }
}
