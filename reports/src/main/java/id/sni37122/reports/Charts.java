package id.sni37122.reports;

import id.sni37122.connectors.Messages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The PNG twin of a workbook chart, for web pages and slides: 16 cm at 150 dpi is about 950 px.
 * Values are written on the bars (a 0 bar still shows "0"), long labels turn the bars sideways
 * so none is cut, and a group's pooled bar has its own colour.
 */
final class Charts {

    static final int WIDTH = 950;
    static final int HEIGHT = 500;
    private static final Color CITY = new Color(0x1f, 0x5f, 0x99);
    private static final Color POOLED = new Color(0xe0, 0x8a, 0x00);

    static {
        System.setProperty("java.awt.headless", "true"); // servers and cron have no display
    }

    private Charts() {
    }

    /** Draws {@code spec} over the given categories and values (a null value is a gap). */
    static void png(ChartSpec spec, List<String> categories, List<? extends Number> values, boolean percent, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < categories.size(); i++) {
            Number v = values.get(i);
            data.addValue(v == null ? null : percent ? v.doubleValue() * 100 : v, spec.valueTitle(), categories.get(i));
        }
        boolean sideways = !spec.line() && categories.stream().anyMatch(c -> c.length() > NativeChart.SIDEWAYS_LABEL);
        PlotOrientation orientation = sideways ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
        JFreeChart chart = spec.line()
                ? ChartFactory.createLineChart(spec.title(), spec.categoryTitle(), spec.valueTitle(), data, orientation, false, false, false)
                : ChartFactory.createBarChart(spec.title(), spec.categoryTitle(), spec.valueTitle(), data, orientation, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setMaximumCategoryLabelLines(3);
        axis.setMaximumCategoryLabelWidthRatio(sideways ? 0.45f : 1f);
        NumberFormat format = NumberFormat.getNumberInstance(Messages.locale());
        format.setMaximumFractionDigits(2);
        StandardCategoryItemLabelGenerator labels = new StandardCategoryItemLabelGenerator(percent ? "{2} %" : "{2}", format);
        if (plot.getRenderer() instanceof BarRenderer bars) {
            BarRenderer renderer = spec.lastIsPooled() ? new PooledLast(categories.size() - 1) : bars;
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            renderer.setSeriesPaint(0, CITY);
            renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(
                    sideways ? ItemLabelAnchor.OUTSIDE3 : ItemLabelAnchor.OUTSIDE12, sideways ? TextAnchor.CENTER_LEFT : TextAnchor.BOTTOM_CENTER));
            renderer.setDefaultItemLabelGenerator(labels);
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            plot.setRenderer(renderer);
            plot.getRangeAxis().setUpperMargin(0.15); // room for the labels
        } else if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
            lines.setSeriesPaint(0, CITY);
            lines.setSeriesStroke(0, new BasicStroke(2.5f));
            lines.setDefaultShapesVisible(true); // a two-year trend shows its two points
            lines.setDefaultItemLabelGenerator(labels);
            lines.setDefaultItemLabelsVisible(true);
            lines.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            plot.getRangeAxis().setUpperMargin(0.15);
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    /** Bars in the cities' colour, the last (the pooled figure) in its own. */
    private static final class PooledLast extends BarRenderer {
        private final int pooled;

        PooledLast(int pooled) {
            this.pooled = pooled;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return column == pooled ? POOLED : CITY;
        }
    }
}
