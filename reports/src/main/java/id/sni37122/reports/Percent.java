package id.sni37122.reports;

/** A share (0..1) that a sheet shows as a percentage (0,993 as 99,3 %), never as a bare fraction. */
record Percent(double fraction) {

    /** A share from a number that is already a percentage (57.14 for 57,14 %). */
    static Percent ofPercent(Number percent) {
        return new Percent(percent.doubleValue() / 100);
    }
}
