package argus.report;

import argus.evidence.Charts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The console's charts drawn as PNG pictures for a report: the same geometry ({@link Charts}) the console draws as
 * SVG, painted at twice its size so that it stays sharp in print.
 */
final class ChartImages {
    private static final int SCALE = 2;
    private static final Color INK = new Color(0x1d2430);
    private static final Color AXIS = new Color(0xb8c0cc);
    private static final Color THRESHOLD = new Color(0x9a6700);
    private static final Map<String, Color> KINDS = Map.of(
            "raises", new Color(0xb3261e),
            "lowers", new Color(0x1f7a4d),
            "score", new Color(0x2d5bd3),
            "yaw", new Color(0x2d5bd3),
            "pitch", new Color(0x9a3cc8),
            "eyes", new Color(0x1f7a4d));

    private static final Font LABELS = ReportFonts.awt().deriveFont(11f);

    private ChartImages() {}

    /** Bars of contributions to the attack log-odds, each labelled with its cue and value. */
    static byte[] bars(Charts.BarChart chart) {
        BufferedImage image = canvas(chart.width(), chart.height());
        Graphics2D g = pen(image);
        g.setColor(AXIS);
        g.drawLine(chart.axis(), 0, chart.axis(), chart.height());
        for (Charts.Bar bar : chart.bars()) {
            g.setColor(INK);
            g.drawString(bar.label(), 4, bar.y() + 11);
            g.setColor(KINDS.getOrDefault(bar.kind(), INK));
            g.fillRect(bar.x(), bar.y(), bar.width(), 14);
            g.setColor(INK);
            g.drawString(bar.value(), Math.max(bar.x() + bar.width(), chart.axis()) + 4, bar.y() + 11);
        }
        return png(image, g);
    }

    /** Series over time, the threshold dashed when there is one. */
    static byte[] lines(Charts.LineChart chart) {
        BufferedImage image = canvas(chart.width(), chart.height());
        Graphics2D g = pen(image);
        if (!chart.thresholdY().isEmpty()) {
            float y = Float.parseFloat(chart.thresholdY());
            g.setColor(THRESHOLD);
            g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
            g.draw(new Line2D.Float(34, y, chart.width() - 10, y));
        }
        g.setStroke(new BasicStroke(1.5f));
        for (Charts.Series series : chart.series()) {
            Path2D.Float path = new Path2D.Float();
            for (String point : series.points().trim().split("\\s+")) {
                if (point.isEmpty()) {
                    continue;
                }
                String[] xy = point.split(",");
                float x = Float.parseFloat(xy[0]);
                float y = Float.parseFloat(xy[1]);
                if (path.getCurrentPoint() == null) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            g.setColor(KINDS.getOrDefault(series.kind(), INK));
            g.draw(path);
        }
        g.setColor(KINDS.get("score"));
        for (Charts.Dot dot : chart.dots()) {
            float x = Float.parseFloat(dot.x());
            float y = Float.parseFloat(dot.y());
            g.fill(new Ellipse2D.Float(x - 3, y - 3, 6, 6));
        }
        g.setColor(INK);
        g.drawString(chart.topLabel(), 4, 14);
        g.drawString(chart.bottomLabel(), 4, 120);
        return png(image, g);
    }

    private static BufferedImage canvas(int width, int height) {
        return new BufferedImage(width * SCALE, Math.max(1, height) * SCALE, BufferedImage.TYPE_INT_RGB);
    }

    private static Graphics2D pen(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(SCALE, SCALE);
        g.setFont(LABELS);
        return g;
    }

    private static byte[] png(BufferedImage image, Graphics2D g) {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
