package id.sni37122.reports;

import java.util.ArrayList;
import java.util.List;

/** Where manual page breaks go: before a unit that would not fit what is left of a page. */
final class Paginator {
    private final double capacity;
    private final List<Integer> breaks = new ArrayList<>();
    private double used;
    /** The first row of the headings just placed (a title and its note), or -1. */
    private int headingRow = -1;
    /** What the page held before those headings. */
    private double usedBeforeHeading;

    Paginator(double capacity) {
        this.capacity = capacity;
    }

    /** An empty row between blocks: nothing at a page's top. */
    void gap(double height) {
        if (used > 0) {
            used += height;
        }
    }

    boolean afterHeading() {
        return headingRow >= 0;
    }

    void place(int firstRow, double height, double keep, boolean heading) {
        // A unit that fits on a page is not split; a longer one at least keeps its heading with its first rows.
        double need = height <= capacity ? height : Math.min(keep, capacity);
        if (used > 0 && used + need > capacity) {
            if (headingRow < 0) {
                breaks.add(firstRow);
                used = 0;
            } else if (usedBeforeHeading > 0) {
                // Never a heading alone at a page's foot: it goes over with what it heads.
                breaks.add(headingRow);
                used -= usedBeforeHeading;
            } // else the headings open the page already: the unit flows on from under them
        }
        if (heading && headingRow < 0) {
            headingRow = firstRow;
            usedBeforeHeading = used;
        } else if (!heading) {
            headingRow = -1;
        }
        used += height;
        while (used > capacity) { // a unit longer than a page flows on; the program breaks it
            used -= capacity;
        }
    }

    List<Integer> breaks() {
        return breaks;
    }
}
