package id.sni37122.indicators;

import java.util.Comparator;

/** Which way an indicator improves: what a comparison ranks first. */
public enum Direction {
    /** More is better (10.1 visits, 10.2 online share). */
    HIGHER_IS_BETTER,
    /** Less is better (10.3 response time, 10.4 downtime). */
    LOWER_IS_BETTER;

    /** Orders values best first. */
    public Comparator<Double> bestFirst() {
        Comparator<Double> ascending = Comparator.naturalOrder();
        return this == LOWER_IS_BETTER ? ascending : ascending.reversed();
    }
}
