package id.sni37122.connectors.table;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to read a table.
 *
 * @param fields    each native field with the headers accepted for it, in order of preference
 *                  (put the config's {@code columns:} mapping first); matching ignores case,
 *                  spaces and punctuation, so "No. Tiket" matches "no tiket"
 * @param required  fields that must have a header, else the file is rejected as a whole
 * @param headerRow 1-based row of the header, or null to find it below any title rows
 * @param sheet     XLSX sheet name, or null for the first sheet that has the header
 * @param charset   CSV encoding, or null to detect (BOM, else UTF-8 if valid, else Windows-1252)
 * @param delimiter CSV delimiter, or null to detect (comma, semicolon or tab)
 */
public record TableOptions(Map<String, List<String>> fields, Set<String> required, Integer headerRow, String sheet,
                           Charset charset, Character delimiter) {

    public TableOptions {
        fields = new LinkedHashMap<>(fields);
        required = Set.copyOf(required);
    }

    public static TableOptions of(Map<String, List<String>> fields, Set<String> required) {
        return new TableOptions(fields, required, null, null, null, null);
    }

    /**
     * Fields whose accepted headers are the field name itself, preceded by the config's mapping
     * for it when there is one.
     */
    public static Map<String, List<String>> fields(Map<String, String> configColumns, Map<String, List<String>> defaults) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        defaults.forEach((field, headers) -> {
            String mapped = configColumns.get(field);
            if (mapped != null) {
                out.put(field, List.of(mapped)); // an explicit mapping replaces the guesses
            } else {
                java.util.ArrayList<String> all = new java.util.ArrayList<>();
                all.add(field);
                all.addAll(headers);
                out.put(field, all);
            }
        });
        return out;
    }
}
