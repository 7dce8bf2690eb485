package id.sni37122.connectors;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What happened to one source file (or database) in an ingest.
 *
 * @param file  the file read; null for a database source
 * @param error the located, user-language message when {@code status} is FAILED, else null
 * @param note  a user-language remark an operator should read (e.g. the file changed), or null
 * @param rejectExamples the first few rejected rows, located, to show where to look
 * @param database the database source's url without its password ({@link DatabaseUrl#shown}); null for a file
 */
public record FileOutcome(String kind, Path file, String format, Status status, long rowsRead, long rowsLoaded,
                          long rowsRejected, Map<String, Long> rejectReasons, Map<String, Object> details,
                          String error, String note, List<Rejects.Example> rejectExamples, String database) {

    public FileOutcome {
        rejectExamples = rejectExamples == null ? List.of() : List.copyOf(rejectExamples);
    }

    /** The outcome of a file. */
    public FileOutcome(String kind, Path file, String format, Status status, long rowsRead, long rowsLoaded,
                       long rowsRejected, Map<String, Long> rejectReasons, Map<String, Object> details,
                       String error, String note, List<Rejects.Example> rejectExamples) {
        this(kind, file, format, status, rowsRead, rowsLoaded, rowsRejected, rejectReasons, details, error, note, rejectExamples, null);
    }

    public enum Status {
        /** Loaded whole. */
        LOADED,
        /**
         * The file grew since its last load: only the new lines were loaded; or a source that prunes its
         * own history (Uptime Kuma) changed: only its new records were added, the earlier rows kept.
         */
        APPENDED,
        /** The file changed other than by growing: its earlier rows were removed and it was loaded whole. */
        REPLACED,
        /** Its content is already in the warehouse. */
        SKIPPED,
        FAILED;

        /** Whether rows of this file were written in this run. */
        public boolean loaded() {
            return this == LOADED || this == APPENDED || this == REPLACED;
        }
    }
}
