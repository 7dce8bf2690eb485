package id.sni37122.connectors.inquiry;

import id.sni37122.connectors.Messages;
import id.sni37122.connectors.SourceException;
import id.sni37122.connectors.table.TableReader;
import id.sni37122.connectors.table.TableRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Open311 GeoReport v2 answer to GET Service Requests, in XML (the format the specification
 * requires) or JSON (optional), told apart by content. GeoReport has no first-response time: each
 * request keeps its status and {@code updated_datetime}, whose meaning (a closure, a response, or
 * nothing yet) the status table in the rules decides when 10.3 is computed. An error answer
 * ({@code <errors>}, or {@code [{"code":403,"description":…}]}) fails the file with the service's
 * own words. Only the fields below are read: {@code description}, {@code address} and the
 * coordinates never are.
 */
final class Open311Requests {

    /** The spec's own JSON example writes {@code "service_code":006}, which strict JSON refuses. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private Open311Requests() {
    }

    static void read(Path file, TableReader.RowConsumer consumer) throws IOException, SQLException, SourceException {
        if (firstCharacter(file) == '<') {
            Open311Xml.read(file, consumer);
        } else {
            readJson(file, consumer);
        }
    }

    /** One request's row, from its field values as written (XML text or JSON scalars). */
    static TableRow row(long line, Map<String, String> fields) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", fields.get("service_request_id"));
        values.put("category", fields.get("service_name"));
        values.put("agency", fields.get("agency_responsible"));
        values.put("status", fields.get("status"));
        // extended_attributes.channel (GeoReport v2 extensions, e.g. San Francisco's "android"), else the system itself.
        String channel = fields.get("channel");
        values.put("channel", channel == null || channel.isBlank() ? "Open311" : channel);
        values.put("submitted_at", fields.get("requested_datetime"));
        values.put("updated_at", fields.get("updated_datetime"));
        return TableRow.of(line, values);
    }

    /** The service's error answer: its codes and descriptions, for the message. */
    static SourceException errorAnswer(Path file, long line, List<String> errors) {
        return new SourceException(file, line, null, Messages.get("inquiry.open311_error", String.join("; ", errors)));
    }

    private static int firstCharacter(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
            while (i < head.length && Character.isWhitespace(head[i])) {
                i++;
            }
            return i < head.length ? head[i] : -1;
        }
    }

    /** Where the requests of a JSON answer start: a list, or a wrapper's lone request. */
    private enum Start { LIST, SINGLE, NONE }

    private static void readJson(Path file, TableReader.RowConsumer consumer) throws IOException, SQLException, SourceException {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            Start start = first == JsonToken.START_ARRAY ? Start.LIST : first == JsonToken.START_OBJECT ? intoWrapper(parser) : Start.NONE;
            if (start == Start.NONE) {
                throw new SourceException(file, parser.currentLocation().getLineNr(), null, Messages.get("inquiry.open311_shape"));
            }
            Errors errors = new Errors();
            if (start == Start.SINGLE) {
                item(parser.currentLocation().getLineNr(), JSON.readTree(parser), consumer, errors);
            } else {
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.START_OBJECT) {
                    item(parser.currentLocation().getLineNr(), JSON.readTree(parser), consumer, errors);
                }
                if (t != JsonToken.END_ARRAY) {
                    throw new SourceException(file, parser.currentLocation().getLineNr(), null, Messages.get("inquiry.open311_shape"));
                }
            }
            if (!errors.list.isEmpty()) {
                throw errorAnswer(file, errors.line, errors.list);
            }
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SourceException(file, line, null, Messages.get("inquiry.open311_broken", e.getOriginalMessage()), e);
        }
    }

    /** An error answer's entries, and the line of the first. */
    private static final class Errors {
        final List<String> list = new ArrayList<>();
        long line;
    }

    private static void item(long line, JsonNode item, TableReader.RowConsumer consumer, Errors errors) throws SQLException, SourceException {
        if (item.get("service_request_id") == null && item.get("code") != null) {
            if (errors.list.isEmpty()) {
                errors.line = line;
            }
            errors.list.add(text(item, "code") + " " + text(item, "description"));
            return;
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : List.of("service_request_id", "service_name", "agency_responsible", "status", "requested_datetime",
                "updated_datetime")) {
            fields.put(field, text(item, field));
        }
        JsonNode extended = item.get("extended_attributes");
        fields.put("channel", extended == null ? null : text(extended, "channel"));
        consumer.accept(row(line, fields));
    }

    /**
     * Inside {@code {"service_requests": …}} (a list, or {@code {"request": …}} as the XML's shape comes
     * out of a converter, a lone request not in a list) or {@code {"errors": …}} likewise: leaves the
     * parser at the list's start or at the lone object.
     */
    private static Start intoWrapper(JsonParser parser) {
        String name = parser.nextName();
        if (!"service_requests".equals(name) && !"errors".equals(name)) {
            return Start.NONE;
        }
        JsonToken t = parser.nextToken();
        if (t == JsonToken.START_OBJECT) {
            String inner = parser.nextName();
            if (!"request".equals(inner) && !"error".equals(inner)) {
                return Start.NONE;
            }
            t = parser.nextToken();
            if (t == JsonToken.START_OBJECT) {
                return Start.SINGLE;
            }
        }
        return t == JsonToken.START_ARRAY ? Start.LIST : Start.NONE;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
