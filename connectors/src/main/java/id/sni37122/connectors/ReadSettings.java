package id.sni37122.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a file was read ({@link Connector#readSettings}), as kept in {@code source_file.read_settings}:
 * canonical JSON, keys sorted, so equal settings are equal text. Part of a file's identity.
 */
final class ReadSettings {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private ReadSettings() {
    }

    static String json(Map<String, Object> settings) {
        return JSON.writeValueAsString(new TreeMap<>(settings));
    }

    /**
     * What changed between two readings, in words an operator can check against the config
     * ("format: common → combined; timezone: Asia/Makassar → Asia/Jakarta"), or null when nothing did.
     */
    static String changes(String before, String after) {
        Map<String, Object> a = parse(before);
        Map<String, Object> b = parse(after);
        List<String> out = new ArrayList<>();
        for (String key : new TreeSet<>(union(a, b))) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                out.add(key + ": " + text(a.get(key)) + " → " + text(b.get(key)));
            }
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    private static List<String> union(Map<String, Object> a, Map<String, Object> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String text(Object value) {
        if (value == null) {
            return Messages.get("connectors.setting_unset");
        }
        return value instanceof String s ? s : JSON.writeValueAsString(value);
    }

    private static Map<String, Object> parse(String json) {
        return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }
}
