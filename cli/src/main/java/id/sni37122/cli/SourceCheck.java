package id.sni37122.cli;

import id.sni37122.connectors.Connector;
import id.sni37122.connectors.Connectors;
import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SourceFiles;
import id.sni37122.connectors.SourceSpec;
import id.sni37122.connectors.table.TableOptions;
import id.sni37122.connectors.table.TableReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before anything is loaded: every configured source must name files that exist and can be read,
 * and a {@code columns:} mapping must name headers the files have (each mapped table's header is
 * opened), since a mapping to nothing would otherwise be ignored in silence.
 */
final class SourceCheck {

    final Map<SourceSpec, List<Path>> files = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();

    static SourceCheck of(CityConfig config) {
        SourceCheck check = new SourceCheck();
        for (SourceSpec spec : config.sources()) {
            if (spec.url() != null) {
                check.files.put(spec, List.of()); // a database, reached when it is read
                continue;
            }
            try {
                List<Path> found = SourceFiles.expand(spec.baseDir(), spec.path());
                check.files.put(spec, found);
                if (!spec.columns().isEmpty()) {
                    found.forEach(f -> check.mappedHeaders(spec, f));
                }
            } catch (SourceException e) {
                // Name the config entry too: the operator fixes the config, not the missing file.
                check.errors.add(prefix(spec) + e.located());
            }
        }
        return check;
    }

    /** The format a file will be read in: the configured one, else the connector's default for its name. */
    static String format(SourceSpec spec, Path file) {
        return spec.format() != null ? spec.format() : Connectors.forKind(spec.kind()).defaultFormat(file);
    }

    /** Each mapped header must be one of the file's: otherwise its field would be read from nothing. */
    private void mappedHeaders(SourceSpec spec, Path file) {
        Connector connector = Connectors.forKind(spec.kind());
        TableOptions options = connector.tableOptions(spec, format(spec, file));
        if (options == null || !Files.isReadable(file)) {
            return; // a file that may not be read fails in words when it loads, and the others still load
        }
        try {
            TableReader.Header header = TableReader.header(file, options);
            spec.columns().forEach((field, mapped) -> {
                if (!header.has(field)) {
                    errors.add(prefix(spec) + Messages.get("cli.column_missing", field, mapped, file, header.line(),
                            String.join(", ", header.allHeaders())));
                }
            });
        } catch (SourceException e) {
            // With the mapping, no row qualifies as the header: name the mapping, the reader says what is missing.
            errors.add(prefix(spec) + Messages.get("cli.columns_header", e.located()));
        } catch (IOException e) {
            errors.add(prefix(spec) + new SourceException(file, Messages.get("connectors.file_unreadable") + " (" + e.getMessage() + ")")
                    .located());
        }
    }

    private static String prefix(SourceSpec spec) {
        return spec.origin() == null ? "" : spec.origin() + ": ";
    }

    boolean ok() {
        return errors.isEmpty();
    }
}
