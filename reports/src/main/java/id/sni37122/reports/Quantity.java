package id.sni37122.reports;

/**
 * A number with its unit: a numeric cell whose format writes the unit after it (37.552,67 jam),
 * so a numerator never stands without saying what it counts, and still sums in Excel.
 */
record Quantity(Number value, String unit) {
}
