package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Where each value of a config is written (by JSON pointer), found in one pass over the YAML
 * tokens. The same pass refuses what a tree would hide: a key written twice (the tree keeps the
 * last silently) and an alias ({@code *name}, which Jackson reads as the literal name).
 */
final class ConfigLocations {

    private final Path file;
    private final Map<String, TokenStreamLocation> locations = new HashMap<>();

    private ConfigLocations(Path file) {
        this.file = file;
    }

    static ConfigLocations scan(YAMLMapper yaml, Path file) throws ConfigException {
        ConfigLocations l = new ConfigLocations(file);
        try (JsonParser p = yaml.createParser(file)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                String pointer = p.streamReadContext().pathAsPointer().toString();
                TokenStreamLocation at = p.currentTokenLocation();
                if (t == JsonToken.PROPERTY_NAME && l.locations.containsKey(pointer)) {
                    TokenStreamLocation first = l.locations.get(pointer);
                    throw new ConfigException(file, at.getLineNr(), at.getColumnNr(),
                            Messages.get("cli.config_duplicate_key", p.currentName(), first.getLineNr()));
                }
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    throw new ConfigException(file, at.getLineNr(), at.getColumnNr(), Messages.get("cli.config_alias", p.getString()));
                }
                l.locations.putIfAbsent(pointer, at);
            }
        }
        return l;
    }

    /** An unknown key, with the valid name it most likely meant and all the valid ones. */
    ConfigException unknown(String pointer, String key, Collection<String> valid) {
        String all = String.join(", ", new TreeSet<>(valid));
        return error(pointer, ClosestName.of(key, valid)
                .map(near -> Messages.get("cli.config_unknown_key_near", key, near, all))
                .orElseGet(() -> Messages.get("cli.config_unknown_key", key, all)));
    }

    /** An error located at the value a pointer names (line 0 when it is not written, e.g. a missing key). */
    ConfigException error(String pointer, String message) {
        TokenStreamLocation l = locations.get(pointer);
        return new ConfigException(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), message);
    }
}
