package id.sni37122.connectors;

import java.nio.file.Path;
import java.util.Map;

/**
 * What happened to one source file in an ingest.
 *
 * @param error the located, user-language message when {@code status} is FAILED, else null
 */
public record FileOutcome(String kind, Path file, String format, Status status, long rowsRead, long rowsLoaded,
                          long rowsRejected, Map<String, Long> rejectReasons, Map<String, Object> details,
                          String error) {

    public enum Status { LOADED, SKIPPED, FAILED }
}
