package id.sni37122.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The valid name a misspelt one most likely meant ("visit_windw_minutes" → "visit_window_minutes"). */
final class ClosestName {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private ClosestName() {
    }

    /** The closest of {@code valid} within a third of the name's length (at least 2 edits), if any. */
    static Optional<String> of(String name, Collection<String> valid) {
        String n = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, n.length() / 3);
        return valid.stream()
                .filter(v -> DISTANCE.apply(n, v.toLowerCase(Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt((String v) -> DISTANCE.apply(n, v.toLowerCase(Locale.ROOT))).thenComparing(v -> v));
    }
}
