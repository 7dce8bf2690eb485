package id.sni37122.cli;

import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.SourceFiles;
import id.sni37122.connectors.SourceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Before anything is loaded: every configured source must name files that exist and can be read. */
final class SourceCheck {

    final Map<SourceSpec, List<Path>> files = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();

    static SourceCheck of(CityConfig config) {
        SourceCheck check = new SourceCheck();
        for (SourceSpec spec : config.sources()) {
            try {
                check.files.put(spec, SourceFiles.expand(spec.baseDir(), spec.path()));
            } catch (SourceException e) {
                // Name the config entry too: the operator fixes the config, not the missing file.
                check.errors.add((spec.origin() == null ? "" : spec.origin() + ": ") + e.located());
            }
        }
        return check;
    }

    boolean ok() {
        return errors.isEmpty();
    }
}
