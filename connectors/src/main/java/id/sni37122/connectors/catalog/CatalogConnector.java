package id.sni37122.connectors.catalog;

import id.sni37122.connectors.Connector;
import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import java.nio.file.Path;
import java.util.Set;

/** PLACEHOLDER: to be replaced by the real connector before this lands. */
public final class CatalogConnector implements Connector {
    @Override
    public String kind() {
        return "catalog";
    }

    @Override
    public Set<String> formats() {
        return Set.of("csv");
    }

    @Override
    public String defaultFormat(Path file) {
        return "csv";
    }

    @Override
    public FileLoad load(LoadContext ctx) {
        throw new UnsupportedOperationException("not built yet");
    }
}
