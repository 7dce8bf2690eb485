package id.sni37122.reports.publication;

import java.nio.file.Path;

/** A file that cannot be taken as a publication; the message names the file and says what to do. */
public final class PublicationException extends Exception {

    private final Path file;

    PublicationException(Path file, String message) {
        super(message);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
