package id.sni37122.indicators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An indicator's effective rules: each read from the config's {@code rules.<key>} section or
 * else the INDICATORS.md default, and remembered so the result can echo every rule it used.
 * A value of the wrong type is an {@link IllegalArgumentException} naming the rule.
 */
public final class Rules {

    private final Map<String, Object> settings;
    private final Set<String> declared;
    private final Map<String, Object> used = new LinkedHashMap<>();

    /**
     * @param declared the indicator's {@link Indicator#rules()}: reading any other rule is a bug
     *                 (the config check would refuse the key that sets it), so it throws
     */
    public Rules(Map<String, Object> settings, List<RuleSpec> declared) {
        this.settings = settings == null ? Map.of() : settings;
        this.declared = declared.stream().map(RuleSpec::name).collect(Collectors.toUnmodifiableSet());
    }

    /** The config's value of a declared rule, or null. */
    public Object raw(String key) {
        if (!declared.contains(key)) {
            throw new IllegalStateException("rule " + key + " is read but not listed in the indicator's rules()");
        }
        return settings.get(key);
    }

    public int integer(String key, int defaultValue) {
        Object v = raw(key);
        int value = v == null ? defaultValue : v instanceof Number n ? n.intValue() : parseInt(key, v);
        used.put(key, value);
        return value;
    }

    public boolean flag(String key, boolean defaultValue) {
        Object v = raw(key);
        boolean value = v == null ? defaultValue : v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
        used.put(key, value);
        return value;
    }

    public String text(String key, String defaultValue) {
        Object v = raw(key);
        String value = v == null ? defaultValue : v.toString();
        used.put(key, value);
        return value;
    }

    /** A list of words, lower-cased; a single string is a one-element list. */
    public List<String> words(String key, List<String> defaultValue) {
        Object v = raw(key);
        List<String> value = new ArrayList<>();
        if (v == null) {
            value.addAll(defaultValue);
        } else if (v instanceof List<?> list) {
            list.forEach(o -> value.add(o.toString().strip().toLowerCase(Locale.ROOT)));
        } else {
            value.add(v.toString().strip().toLowerCase(Locale.ROOT));
        }
        used.put(key, List.copyOf(value));
        return value;
    }

    /** A duration written "5m", "90s", "1h" or a number of seconds. */
    public Duration duration(String key, Duration defaultValue) {
        Object v = raw(key);
        Duration value = v == null ? defaultValue : parseDuration(key, v.toString().strip());
        used.put(key, v == null ? format(defaultValue) : v.toString());
        return value;
    }

    /** Records a fact about how the result was obtained (e.g. the classifier's version). */
    public void note(String key, Object value) {
        used.put(key, value);
    }

    /** Every rule read so far, in reading order. */
    public Map<String, Object> used() {
        return new LinkedHashMap<>(used);
    }

    private static int parseInt(String key, Object v) {
        try {
            return Integer.parseInt(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rule " + key + ": '" + v + "' is not a whole number");
        }
    }

    static Duration parseDuration(String key, String s) {
        try {
            if (s.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(s));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException(s);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("rule " + key + ": '" + s + "' is not a duration such as 5m, 90s or 1h");
        }
    }

    private static String format(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
}
