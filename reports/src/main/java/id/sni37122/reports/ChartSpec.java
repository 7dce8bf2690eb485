package id.sni37122.reports;

/**
 * A chart of one table column against another, drawn from the table's own cells (so it is an
 * Excel chart the analyst can restyle, and follows an edited value).
 *
 * @param line           a line (trends, months in order) rather than bars
 * @param title          names the indicator, the city and the year
 * @param categoryColumn the table column holding the categories (months, areas, cities)
 * @param valueColumn    the table column holding the values
 * @param lastIsPooled   the last row is a group's pooled figure, drawn in its own colour
 */
record ChartSpec(boolean line, String title, String categoryTitle, String valueTitle, int categoryColumn, int valueColumn,
                 boolean lastIsPooled) {

    static ChartSpec bars(String title, String categoryTitle, String valueTitle, int valueColumn) {
        return new ChartSpec(false, title, categoryTitle, valueTitle, 0, valueColumn, false);
    }

    static ChartSpec line(String title, String categoryTitle, String valueTitle, int valueColumn) {
        return new ChartSpec(true, title, categoryTitle, valueTitle, 0, valueColumn, false);
    }

    /** Pixel size in the sheet: about half an A4 landscape page wide, readable at print scale. */
    static final int WIDTH_PX = 540;
    static final int HEIGHT_PX = 300;
}
