package id.sni37122.connectors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outcome of ingesting every source of one city. */
public final class IngestReport {

    private final List<FileOutcome> files = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    void add(FileOutcome outcome) {
        files.add(outcome);
        if (outcome.error() != null) {
            errors.add(outcome.error());
        }
    }

    void error(String located) {
        errors.add(located);
    }

    public List<FileOutcome> files() {
        return Collections.unmodifiableList(files);
    }

    /** Located messages for sources that could not be loaded at all. */
    public List<String> errors() {
        return Collections.unmodifiableList(errors);
    }

    public long count(FileOutcome.Status status) {
        return files.stream().filter(f -> f.status() == status).count();
    }

    /** Files whose rows were written in this ingest: loaded whole, appended to or replaced. */
    public long loadedCount() {
        return files.stream().filter(f -> f.status().loaded()).count();
    }

    public long rowsLoaded() {
        return files.stream().mapToLong(FileOutcome::rowsLoaded).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(FileOutcome::rowsRejected).sum();
    }

    public long rowsRead() {
        return files.stream().mapToLong(FileOutcome::rowsRead).sum();
    }
}
