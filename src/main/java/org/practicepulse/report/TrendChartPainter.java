package org.practicepulse.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a {@link TrendChart} with JFreeChart into an image: stacked impressions bars per platform
 * and the engagement-rate line on a right-hand axis, like the dashboard's ECharts chart.
 */
final class TrendChartPainter {

    /** The platforms' own colours where we know them; others take the palette in order. */
    private static final Map<String, Color> PLATFORM_COLOURS = Map.of("x", new Color(0x1f, 0x1f, 0x1f),
            "facebook", new Color(0x18, 0x77, 0xf2), "instagram", new Color(0xc1, 0x35, 0x84), "linkedin",
            new Color(0x0a, 0x66, 0xc2), "youtube", new Color(0xe0, 0x2b, 0x2b), "tiktok", new Color(0x25, 0xb9, 0xc0));
    private static final List<Color> PALETTE = List.of(new Color(0x7a, 0x8b, 0x99), new Color(0xe8, 0xa3, 0x3d),
            new Color(0x5b, 0xa5, 0x5b), new Color(0x9b, 0x6b, 0xc9), new Color(0x8c, 0x56, 0x4b));
    private static final Color RATE_COLOUR = new Color(0xf2, 0x8c, 0x28);
    /** Beyond this many weeks, only every n-th week is labelled so that labels stay readable. */
    private static final int MAX_LABELS = 26;

    /** A category key: the index keeps weeks apart, the label is what the axis shows ("" for unlabelled weeks). */
    private record Week(int index, String label) implements Comparable<Week> {
        @Override
        public int compareTo(Week o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private TrendChartPainter() {
    }

    /** The chart at width × height points, drawn at scale × the pixels for a sharp print. */
    static BufferedImage paint(TrendChart chart, int width, int height, int scale) {
        List<String> categories = chart.categories();
        int every = Math.max(1, (int) Math.ceil(categories.size() / (double) MAX_LABELS));
        Week[] weeks = new Week[categories.size()];
        for (int i = 0; i < weeks.length; i++) {
            weeks[i] = new Week(i, i % every == 0 ? categories.get(i) : "");
        }
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        chart.barsBySeries().forEach((series, values) -> {
            for (int i = 0; i < weeks.length; i++) {
                bars.addValue(values.get(i), series, weeks[i]);
            }
        });
        DefaultCategoryDataset line = new DefaultCategoryDataset();
        for (int i = 0; i < weeks.length; i++) {
            line.addValue(chart.line().get(i), chart.lineName(), weeks[i]);
        }

        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        CategoryAxis weekAxis = new CategoryAxis();
        weekAxis.setTickLabelFont(tick);
        weekAxis.setCategoryMargin(0.25);
        weekAxis.setLowerMargin(0.01);
        weekAxis.setUpperMargin(0.01);
        if (categories.size() > 8) {
            weekAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis countAxis = new NumberAxis(chart.barAxis());
        countAxis.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)));
        countAxis.setTickLabelFont(tick);
        countAxis.setLabelFont(label);
        NumberAxis rateAxis = new NumberAxis(chart.lineName());
        rateAxis.setNumberFormatOverride(new DecimalFormat("0.0%", DecimalFormatSymbols.getInstance(Locale.US)));
        rateAxis.setTickLabelFont(tick);
        rateAxis.setLabelFont(label);
        rateAxis.setAutoRangeIncludesZero(true);

        StackedBarRenderer barRenderer = new StackedBarRenderer();
        barRenderer.setBarPainter(new StandardBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setMaximumBarWidth(0.08);
        int other = 0;
        for (int s = 0; s < bars.getRowCount(); s++) {
            Color colour = PLATFORM_COLOURS.get(String.valueOf(bars.getRowKey(s)));
            barRenderer.setSeriesPaint(s, colour != null ? colour : PALETTE.get(other++ % PALETTE.size()));
        }
        LineAndShapeRenderer lineRenderer = new LineAndShapeRenderer(true, weeks.length <= 30);
        lineRenderer.setSeriesPaint(0, RATE_COLOUR);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2f));

        CategoryPlot plot = new CategoryPlot(bars, weekAxis, countAxis, barRenderer);
        plot.setDataset(1, line);
        plot.setRangeAxis(1, rateAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setDomainGridlinesVisible(false);

        JFreeChart jfree = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        jfree.setTitle(new TextTitle(chart.title(), new Font(Font.SANS_SERIF, Font.BOLD, 11)));
        jfree.setBackgroundPaint(Color.WHITE);
        jfree.setAntiAlias(true);
        LegendTitle legend = jfree.getLegend();
        legend.setItemFont(tick);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);

        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            jfree.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }
}
