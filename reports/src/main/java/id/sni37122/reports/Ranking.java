package id.sni37122.reports;

import id.sni37122.indicators.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cities ranked on one indicator the way it improves (10.3 and 10.4: less is better). Equal
 * values share a rank and the next rank skips (1, 1, 3); a city without a value has no rank
 * and comes last.
 */
final class Ranking {

    /** One city's place; {@code rank} is null when its value could not be computed. */
    record Place(Integer rank, CityFigure figure) {
    }

    private Ranking() {
    }

    static List<Place> rank(List<CityFigure> figures, Direction direction) {
        List<CityFigure> sorted = new ArrayList<>(figures);
        sorted.sort(Comparator.comparing(CityFigure::value, Comparator.nullsLast(direction.bestFirst())));
        List<Place> places = new ArrayList<>();
        Double previous = null;
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            CityFigure f = sorted.get(i);
            if (f.value() == null) {
                places.add(new Place(null, f));
                continue;
            }
            if (previous == null || !same(previous, f.value())) {
                rank = i + 1;
            }
            previous = f.value();
            places.add(new Place(rank, f));
        }
        return places;
    }

    /** Equal as a reader sees them: 16/28 and 32/56 are one value even if the last bit differs. */
    static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
