package id.sni37122.reports;

import id.sni37122.indicators.Breakdown;
import id.sni37122.indicators.IndicatorLabels;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** PNG charts sized to sit at A4 width in a document (16 cm at 150 dpi is about 950 px). */
final class Charts {

    static final int WIDTH = 950;
    static final int HEIGHT = 500;
    private static final Color BAR = new Color(0x1f, 0x5f, 0x99);

    static {
        System.setProperty("java.awt.headless", "true"); // servers and cron have no display
    }

    private Charts() {
    }

    /** Draws one breakdown's chart column against its first column. */
    static void breakdown(Breakdown b, IndicatorLabels labels, String title, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int valueIndex = b.columns().indexOf(b.chart().valueColumn());
        String series = labels.get("column." + b.chart().valueColumn());
        boolean months = b.columns().get(0).equals("month");
        for (List<Object> row : b.rows()) {
            Object v = row.get(valueIndex);
            String category = months ? Labels.monthShort(((Number) row.get(0)).intValue()) : Labels.cell(labels, row.get(0));
            data.addValue(v instanceof Number n ? n : null, series, category);
        }
        String categoryAxis = labels.get("column." + b.columns().get(0));
        JFreeChart chart = b.chart().type() == Breakdown.Chart.Type.LINE
                ? ChartFactory.createLineChart(title, categoryAxis, series, data, PlotOrientation.VERTICAL, false, false, false)
                : ChartFactory.createBarChart(title, categoryAxis, series, data, PlotOrientation.VERTICAL, false, false, false);
        write(chart, b.rows().size() > 8 && !months, png);
    }

    /** A multi-year line of one indicator's values. */
    static void trend(String title, String axis, DefaultCategoryDataset data, Path png) throws IOException {
        JFreeChart chart = ChartFactory.createLineChart(title, Labels.text("reports.year"), axis, data, PlotOrientation.VERTICAL,
                false, false, false);
        write(chart, false, png);
    }

    /** Cities ranked on one indicator, the group's pooled figure last. */
    static void ranking(String title, String axis, DefaultCategoryDataset data, Path png) throws IOException {
        JFreeChart chart = ChartFactory.createBarChart(title, Labels.text("reports.city"), axis, data, PlotOrientation.VERTICAL,
                false, false, false);
        write(chart, false, png);
    }

    private static void write(JFreeChart chart, boolean slantedLabels, Path png) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getRenderer().setSeriesPaint(0, BAR);
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(2.5f));
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
        }
        if (slantedLabels) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
