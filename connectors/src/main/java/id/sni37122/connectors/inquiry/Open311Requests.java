package id.sni37122.connectors.inquiry;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.table.TableReader;
import id.sni37122.connectors.table.TableRow;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 {@code requests.json}: an array of service requests. GeoReport has no
 * first-response time, so a closed request's {@code updated_datetime} is its closure, used as the
 * response (10.3 says for how many records); an open request is unanswered.
 */
final class Open311Requests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private Open311Requests() {
    }

    static void read(Path file, TableReader.RowConsumer consumer) throws IOException, SQLException, SourceException {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new SourceException(file, parser.currentLocation().getLineNr(), null, Messages.get("inquiry.open311_not_array"));
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                long line = parser.currentLocation().getLineNr();
                JsonNode request = JSON.readTree(parser);
                String status = text(request, "status");
                Map<String, Object> values = new HashMap<>();
                values.put("id", text(request, "service_request_id"));
                values.put("category", text(request, "service_name"));
                values.put("agency", text(request, "agency_responsible"));
                values.put("status", status);
                values.put("channel", "Open311");
                values.put("submitted_at", text(request, "requested_datetime"));
                values.put("closed_at", status != null && status.toLowerCase(Locale.ROOT).equals("closed")
                        ? text(request, "updated_datetime") : null);
                consumer.accept(TableRow.of(line, values));
            }
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SourceException(file, line, null, Messages.get("inquiry.open311_broken", e.getOriginalMessage()), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
