package id.sni37122.connectors.population;

import id.sni37122.connectors.Connector;
import id.sni37122.connectors.FileLoad;
import id.sni37122.connectors.LoadContext;
import java.nio.file.Path;
import java.util.Set;

/** PLACEHOLDER: to be replaced by the real connector before this lands. */
public final class PopulationConnector implements Connector {
    @Override
    public String kind() {
        return "population";
    }

    @Override
    public Set<String> formats() {
        return Set.of("csv");
    }

    @Override
    public String defaultFormat(Path file) {
        return "csv";
    }

    public static void loadInline(java.sql.Connection c, id.sni37122.connectors.CityContext city,
                                  java.util.List<PopulationEntry> entries) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public FileLoad load(LoadContext ctx) {
        throw new UnsupportedOperationException("not built yet");
    }
}
