package id.sni37122.reports;

import id.sni37122.connectors.Messages;
import id.sni37122.indicators.IndicatorLabels;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Report texts: the reports bundle, month names, zones, and cell values an indicator labels. */
final class Labels {

    /** A pattern that only lists alternatives: {@code ambulan|kecelakaan|orang hilang}. */
    private static final Pattern WORDS_PATTERN = Pattern.compile("[\\p{L}\\d ]+(\\|[\\p{L}\\d ]+)+");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    private Labels() {
    }

    static String text(String key, Object... args) {
        return Messages.get(key, args);
    }

    static String monthShort(int month) {
        return Month.of(month).getDisplayName(TextStyle.SHORT, Messages.locale());
    }

    /** A category cell: the indicator's {@code value.<x>} label when it has one, else the value as text. */
    static String cell(IndicatorLabels labels, Object value) {
        String s = String.valueOf(value);
        return labels.has("value." + s) ? labels.get("value." + s) : s;
    }

    /**
     * Indonesia's own zone names: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9); any other zone by its
     * offset. Indonesian zones keep no summer time, but the offset is read for today all the same.
     */
    static String zoneName(ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(Instant.now());
        return switch (offset.getTotalSeconds() / 3600) {
            case 7 -> "WIB";
            case 8 -> "WITA";
            case 9 -> "WIT";
            default -> "UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId());
        };
    }

    /** A rule's value as words: lists joined, yes/no, durations ("5m" is "5 menit"), each term its label. */
    static String ruleValue(IndicatorLabels labels, Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? text("reports.none") : String.join(", ", list.stream().map(v -> cell(labels, v)).toList());
        } else if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? text("reports.none") : text("reports.see_method");
        } else if (value instanceof Boolean b) {
            return text(b ? "reports.answer_yes" : "reports.answer_no");
        } else if (value instanceof String s) {
            Matcher m = DURATION.matcher(s.strip());
            if (m.matches()) {
                return m.group(1) + " " + text("reports.unit_" + m.group(2));
            }
            if (WORDS_PATTERN.matcher(s).matches()) {
                return String.join(", ", s.split("\\|")); // a pattern of plain alternatives reads as a list of words
            }
            return cell(labels, s);
        }
        return String.valueOf(value);
    }

    /**
     * One rule as a sentence in the report's language, from the indicator's {@code sentence.<key>}
     * (or {@code sentence.<key>.true/false} for a yes/no rule); a rule without one reads
     * "label: value".
     */
    static String ruleSentence(IndicatorLabels labels, String key, Object value) {
        if (value instanceof Boolean b && labels.has("sentence." + key + "." + b)) {
            return labels.get("sentence." + key + "." + b);
        }
        if (labels.has("sentence." + key)) {
            return labels.get("sentence." + key, ruleValue(labels, value));
        }
        return labels.get("rule." + key) + ": " + ruleValue(labels, value);
    }

    /** True when the rule is fixed behaviour (its sentence takes no value), not a setting. */
    static boolean fixedRule(IndicatorLabels labels, String key, Object value) {
        return value instanceof String && labels.has("sentence." + key) && !labels.get("sentence." + key).contains("{0}");
    }

    /**
     * A path a report can show: a relative one as it is; an absolute one as its folder and file
     * name ({@code samarinda/samarinda.yaml}), never a server's layout.
     */
    static String shortPath(String path) {
        if (path == null) {
            return null;
        }
        try {
            Path p = Path.of(path).normalize();
            if (!p.isAbsolute()) {
                return p.toString();
            }
            Path parent = p.getParent();
            return parent == null || parent.getFileName() == null ? String.valueOf(p.getFileName())
                    : parent.getFileName().resolve(p.getFileName()).toString();
        } catch (RuntimeException e) {
            return path;
        }
    }

    /** A source path as the analyst wrote it: relative to the config's folder. */
    static String path(String stored, Path base) {
        if (base == null || stored == null) {
            return stored;
        }
        try {
            Path p = Path.of(stored);
            Path b = base.toAbsolutePath().normalize();
            // Below the config's folder or beside it ("../shared/x.csv"): relative, never the server's layout.
            return p.isAbsolute() && Objects.equals(p.getRoot(), b.getRoot()) ? b.relativize(p.normalize()).toString() : stored;
        } catch (RuntimeException e) {
            return stored;
        }
    }
}
