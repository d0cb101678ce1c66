package argus.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** The geometry of the small SVG charts of a folder page, computed here so that templates only place it. */
public final class Charts {
    private static final int WIDTH = 420;
    private static final int LEFT = 34;
    private static final int RIGHT = 10;
    private static final int TOP = 10;
    private static final int PLOT_HEIGHT = 110;
    private static final int LINE_HEIGHT = TOP + PLOT_HEIGHT + 22;
    private static final int BAR_ROW = 22;
    private static final int BAR_LABEL = 130;
    /** Room beside a bar's end for its value. */
    private static final int VALUE_LABEL = 90;

    private Charts() {}

    /** One bar of a log-odds chart: from the zero axis to its value, red when it raises the attack odds, green when it lowers them. */
    public record Bar(String label, String value, int x, int y, int width, String kind) {}

    public record BarChart(List<Bar> bars, int axis, int width, int height) {}

    public record Dot(String x, String y, String title) {}

    public record Series(String kind, String points) {}

    public record LineChart(
            List<Series> series,
            List<Dot> dots,
            String thresholdY,
            String bottomLabel,
            String topLabel,
            int width,
            int height) {}

    /** The contributions to the attack log-odds, each against a shared scale (at least ±1). */
    public static BarChart logOdds(Map<String, Object> contributions) {
        double largest = contributions.values().stream()
                .mapToDouble(Charts::number)
                .map(Math::abs)
                .max()
                .orElse(1);
        double scale = (WIDTH - BAR_LABEL - VALUE_LABEL) / 2.0 / Math.max(1, largest);
        int axis = BAR_LABEL + (WIDTH - BAR_LABEL - VALUE_LABEL) / 2;
        List<Bar> bars = new ArrayList<>();
        int row = 0;
        for (Map.Entry<String, Object> entry : contributions.entrySet()) {
            double value = number(entry.getValue());
            int length = (int) Math.round(Math.abs(value) * scale);
            bars.add(new Bar(
                    entry.getKey().replace('_', ' '),
                    format(value),
                    value >= 0 ? axis : axis - length,
                    6 + row * BAR_ROW,
                    Math.max(1, length),
                    value >= 0 ? "raises" : "lowers"));
            row++;
        }
        return new BarChart(bars, axis, WIDTH, 12 + row * BAR_ROW);
    }

    /** The attack probability of every scored frame over time, with the threshold as a dashed line. */
    public static LineChart frameScores(List<Map<String, Object>> frames, double threshold) {
        List<Double> times = frames.stream().map(f -> number(f.get("time"))).toList();
        List<Double> scores =
                frames.stream().map(f -> number(f.get("confidence_spoofing"))).toList();
        DoubleUnaryOperator x = xScale(times);
        DoubleUnaryOperator y = value -> TOP + PLOT_HEIGHT * (1 - Math.clamp(value, 0, 1));
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            dots.add(new Dot(
                    format(x.applyAsDouble(times.get(i))),
                    format(y.applyAsDouble(scores.get(i))),
                    "frame %s at %s s: %s"
                            .formatted(frames.get(i).get("frame"), format(times.get(i)), format(scores.get(i)))));
        }
        return new LineChart(
                List.of(new Series("score", points(times, scores, x, y))),
                dots,
                format(y.applyAsDouble(threshold)),
                "0",
                "1",
                WIDTH,
                LINE_HEIGHT);
    }

    /**
     * Yaw and pitch (degrees, ±45 across the height) and the eye openness (eye aspect ratio, 0 to 0.4) over time, as a
     * gesture check followed them.
     */
    public static LineChart timeline(Map<String, Object> timeline) {
        List<Double> times = numbers(timeline.get("time"));
        DoubleUnaryOperator x = xScale(times);
        DoubleUnaryOperator degrees = value -> TOP + PLOT_HEIGHT * (0.5 - Math.clamp(value, -45, 45) / 90);
        DoubleUnaryOperator openness = value -> TOP + PLOT_HEIGHT * (1 - Math.clamp(value, 0, 0.4) / 0.4);
        List<Series> series = List.of(
                new Series("yaw", points(times, numbers(timeline.get("yaw")), x, degrees)),
                new Series("pitch", points(times, numbers(timeline.get("pitch")), x, degrees)),
                new Series("eyes", points(times, numbers(timeline.get("eye_openness")), x, openness)));
        return new LineChart(series, List.of(), "", "-45°", "+45°", WIDTH, LINE_HEIGHT);
    }

    private static DoubleUnaryOperator xScale(List<Double> times) {
        double first = times.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double last = times.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double span = Math.max(last - first, 1e-9);
        int plotWidth = WIDTH - LEFT - RIGHT;
        return times.size() < 2 || last == first
                ? t -> LEFT + plotWidth / 2.0
                : t -> LEFT + plotWidth * (t - first) / span;
    }

    private static String points(List<Double> xs, List<Double> ys, DoubleUnaryOperator x, DoubleUnaryOperator y) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
            points.append(points.isEmpty() ? "" : " ")
                    .append(format(x.applyAsDouble(xs.get(i))))
                    .append(',')
                    .append(format(y.applyAsDouble(ys.get(i))));
        }
        return points.toString();
    }

    private static List<Double> numbers(Object values) {
        return values instanceof List<?> list
                ? list.stream().map(Charts::number).toList()
                : List.of();
    }

    public static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    public static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("\\.?0+$", "");
    }
}
