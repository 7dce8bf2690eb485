package id.sni37122.indicators;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A rule an indicator reads from its {@code rules:} section: the name a config writes and the
 * shape its value must have. Each indicator lists its own ({@link Indicator#rules()}), so a config
 * is checked against them before anything loads and a new rule touches only its indicator.
 */
public record RuleSpec(String name, Shape shape) {

    public static RuleSpec of(String name, Shape shape) {
        return new RuleSpec(name, shape);
    }

    /** Whether a value read from YAML fits this rule. */
    public boolean accepts(Object value) {
        return shape.accepts(value);
    }

    /** The value shapes {@link Rules} can read. */
    public enum Shape {
        /** 30, or "30". */
        WHOLE_NUMBER,
        /** true or false (not "ya", which would silently read as false). */
        FLAG,
        TEXT,
        /** A regular expression, matched case-insensitively. */
        PATTERN,
        /** A word or a list of words. */
        WORDS,
        /** "5m", "90s", "1h", "2d" or a number of seconds. */
        DURATION,
        /** A map of names to lists of words, e.g. {@code area_keywords}. */
        WORD_LISTS,
        /** A map of names to one word each, e.g. {@code statuses: {acknowledged: response}}. */
        WORD_MAP,
        /** A list of {kind, category, channel} maps, category and channel patterns. */
        KIND_RULES;

        /** The key of its description in the cli bundle, e.g. {@code cli.rule_shape.whole_number}. */
        public String messageKey() {
            return "cli.rule_shape." + name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean accepts(Object v) {
            return switch (this) {
                case WHOLE_NUMBER -> v instanceof Integer || v instanceof Long ? ((Number) v).longValue() >= 0
                        : v instanceof String s && s.strip().matches("\\d{1,9}");
                case FLAG -> v instanceof Boolean;
                case TEXT -> v instanceof String;
                case PATTERN -> v instanceof String s && compiles(s);
                case WORDS -> isWord(v) || v instanceof List<?> list && list.stream().allMatch(Shape::isWord);
                case DURATION -> v instanceof Integer || v instanceof Long ? ((Number) v).longValue() >= 0
                        : v instanceof String s && durationOk(s);
                case WORD_LISTS -> v instanceof Map<?, ?> m && m.values().stream().allMatch(WORDS::accepts);
                case WORD_MAP -> v instanceof Map<?, ?> m && m.values().stream().allMatch(Shape::isWord);
                case KIND_RULES -> v instanceof List<?> list && list.stream().allMatch(Shape::isKindRule);
            };
        }

        private static boolean isWord(Object v) {
            return v instanceof String || v instanceof Number;
        }

        private static boolean compiles(String regex) {
            try {
                Pattern.compile(regex);
                return true;
            } catch (PatternSyntaxException e) {
                return false;
            }
        }

        private static boolean durationOk(String s) {
            try {
                Rules.parseDuration("", s.strip());
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static boolean isKindRule(Object o) {
            return o instanceof Map<?, ?> m && m.get("kind") instanceof String
                    && Set.of("kind", "category", "channel").containsAll(m.keySet())
                    && (m.get("category") == null || PATTERN.accepts(m.get("category")))
                    && (m.get("channel") == null || PATTERN.accepts(m.get("channel")));
        }
    }
}
