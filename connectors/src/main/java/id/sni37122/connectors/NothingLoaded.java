package id.sni37122.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file of which rows were read and none loaded: a failed file, not an empty one. Every row
 * refused is a wrong format or mapping far more often than a wrong file, so the message says
 * where the first refusal is, the commonest reason, and what in the config to check.
 */
final class NothingLoaded {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NothingLoaded() {
    }

    static SourceException error(Path file, String format, FileLoad load, Map<String, Long> reasons, List<Rejects.Example> examples) {
        String why = reasons.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> Messages.get(e.getKey()) + " (" + e.getValue() + "×)")
                .orElseGet(() -> Messages.get("connectors.nothing_loaded_filtered", JSON.writeValueAsString(load.details())));
        Rejects.Example first = examples.isEmpty() ? null : examples.get(0);
        String message = Messages.get("connectors.nothing_loaded", load.rowsRead(), format, why);
        if (file != null && crOnly(file)) {
            message += " " + Messages.get("connectors.cr_only_hint");
        }
        return new SourceException(file, first == null ? 0 : first.line(), first == null ? null : first.column(), message);
    }

    /** Lines ended by CR alone (classic Mac, some exporters) read as one line: worth saying, as nothing else shows it. */
    private static boolean crOnly(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return LogTail.crOnly(in.readNBytes(1 << 16));
        } catch (IOException e) {
            return false;
        }
    }
}
