package id.sni37122.connectors.catalog;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.table.TableReader;
import id.sni37122.connectors.table.TableRow;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A catalogue kept as YAML: a list of services with the native field names, at the top level or
 * under {@code services:}. Each item is numbered by the line it starts on, for messages.
 *
 * <pre>
 * services:
 *   - {code: DPM-01, name: Perizinan Berusaha, agency: DPMPTSP, online: ya, level: Transaksi}
 * </pre>
 */
final class YamlCatalog {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private YamlCatalog() {
    }

    static void read(Path file, TableReader.RowConsumer consumer) throws IOException, SQLException, SourceException {
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                // Find the services list in a mapping.
                while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    token = parser.nextToken();
                    if (name.equals("services") && token == JsonToken.START_ARRAY) {
                        break;
                    }
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.START_ARRAY) {
                throw new SourceException(file, parser.currentLocation().getLineNr(), null, Messages.get("catalog.yaml_no_list"));
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                long line = parser.currentLocation().getLineNr();
                JsonNode item = YAML.readTree(parser);
                Map<String, Object> values = new LinkedHashMap<>();
                item.properties().forEach(e -> values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
                consumer.accept(TableRow.of(line, values));
            }
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SourceException(file, line, null, Messages.get("catalog.yaml_broken", e.getOriginalMessage()), e);
        }
    }
}
