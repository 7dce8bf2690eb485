package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.indicators.Indicator;
import id.sni37122.indicators.Indicators;
import id.sni37122.indicators.RuleSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The config's {@code rules:} section, checked against the indicators that read it. */
final class ConfigRules {

    private ConfigRules() {
    }

    /**
     * {@code rules:} by rules key, each rule checked against what its indicator reads
     * ({@link Indicator#rules()}): a misspelt rule would otherwise fall back to its default unseen.
     */
    static Map<String, Map<String, Object>> read(JsonNode node, ConfigLocations locations, YAMLMapper yaml) throws ConfigException {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw locations.error("/rules", Messages.get("cli.config_rules_shape", String.join(", ", rulesKeys().keySet())));
        }
        Map<String, Indicator> byKey = rulesKeys();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String at = "/rules/" + e.getKey();
            Indicator indicator = byKey.get(e.getKey());
            if (indicator == null) {
                throw locations.unknown(at, e.getKey(), byKey.keySet());
            }
            if (!e.getValue().isObject()) {
                throw locations.error(at, Messages.get("cli.config_rules_key", e.getKey()));
            }
            Map<String, RuleSpec> specs = new TreeMap<>();
            indicator.rules().forEach(r -> specs.put(r.name(), r));
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> rule : e.getValue().properties()) {
                RuleSpec spec = specs.get(rule.getKey());
                if (spec == null) {
                    throw locations.unknown(at + "/" + rule.getKey(), rule.getKey(), specs.keySet());
                }
                Object value = yaml.convertValue(rule.getValue(), Object.class);
                if (value != null && !spec.accepts(value)) {
                    throw locations.error(at + "/" + rule.getKey(), Messages.get("cli.config_rule_shape", e.getKey() + "." + rule.getKey(),
                            Messages.get(spec.shape().messageKey()), rule.getValue().toString()));
                }
                values.put(rule.getKey(), value);
            }
            out.put(e.getKey(), values);
        }
        return out;
    }

    /** Each indicator by the key of its rules section. */
    private static Map<String, Indicator> rulesKeys() {
        Map<String, Indicator> out = new LinkedHashMap<>();
        Indicators.all().forEach(i -> out.put(i.rulesKey(), i));
        return out;
    }
}
