package argus.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Canny;
import static org.bytedeco.opencv.global.opencv_imgproc.HoughLinesP;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar4i;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_imgproc.Vec4iVector;

/**
 * The device or print frame cue: evidence that something <em>encloses</em> the face — a phone's bezel, a monitor's
 * frame, the edge of a print — rather than a straight line merely running beside it, as door frames, shelves and wall
 * corners do behind real people. Nearly vertical and horizontal straight edges found beside the face propose a box
 * around it; a side of that box counts as closed when an edge runs along most of it from corner to corner, and the
 * cue fires only when three or four sides close — the one below the face among them: a real person's neck and
 * shoulders cross any frame behind them there, while a device or print held up carries the face's whole picture inside
 * its own edge —, the box is a plausible size for something held up to the camera (a few times the face, not a
 * doorway), and what lies just inside the box differs from what lies just outside it.
 */
public final class DeviceFrame {
    private static final int WORKING_SIDE = 640;
    private static final double MAX_SLANT = 0.2;
    /** A side closes when edge pixels run along this share of it. */
    private static final double CLOSED_COVERAGE = 0.6;

    private static final double MAX_BOX_TO_FACE = 30;
    /** Mean grey-level difference (0-255) between the bands just inside and just outside the box. */
    private static final double MIN_CONTRAST = 12;

    private DeviceFrame() {}

    /**
     * What the frame search found: how many sides of a box around the face close (0 to 4), whether the one below the
     * face does, and the grey-level contrast across the closed sides.
     */
    public record Enclosure(int closedSides, boolean closedBelow, double contrast) {
        static final Enclosure NONE = new Enclosure(0, false, 0);

        /** 0 without an enclosing frame; the share of closed sides (0.75 or 1) with one. */
        public double value() {
            return closedSides >= 3 && closedBelow && contrast >= MIN_CONTRAST ? closedSides / 4.0 : 0;
        }
    }

    public static Enclosure around(Mat bgr, FaceBox face) {
        double scale = Math.min(1.0, (double) WORKING_SIDE / Math.max(bgr.cols(), bgr.rows()));
        try (Mat small = new Mat();
                Mat gray = new Mat();
                Mat edges = new Mat();
                Vec4iVector lines = new Vec4iVector()) {
            resize(
                    bgr,
                    small,
                    new Size((int) Math.round(bgr.cols() * scale), (int) Math.round(bgr.rows() * scale)),
                    0,
                    0,
                    INTER_AREA);
            cvtColor(small, gray, COLOR_BGR2GRAY);
            Canny(gray, edges, 50, 150);
            Box faceBox = new Box(face.x1() * scale, face.y1() * scale, face.x2() * scale, face.y2() * scale);
            double minLength = 0.6 * Math.min(faceBox.width(), faceBox.height());
            HoughLinesP(edges, lines, 1, Math.PI / 180, 40, minLength, 8);
            Box box = proposedBox(lines, faceBox, small.cols(), small.rows());
            if (box == null || box.area() > MAX_BOX_TO_FACE * faceBox.area()) {
                return Enclosure.NONE;
            }
            try (UByteIndexer edgePixels = edges.createIndexer();
                    UByteIndexer grey = gray.createIndexer()) {
                List<Side> closed = new ArrayList<>();
                List<Double> contrasts = new ArrayList<>();
                for (Side side : Side.values()) {
                    if (!box.onPictureBorder(side, small.cols(), small.rows())
                            && coverage(edgePixels, box, side) >= CLOSED_COVERAGE) {
                        closed.add(side);
                        contrasts.add(contrast(grey, box, side));
                    }
                }
                return new Enclosure(
                        closed.size(),
                        closed.contains(Side.BOTTOM),
                        contrasts.stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElse(0));
            }
        }
    }

    enum Side {
        LEFT,
        RIGHT,
        TOP,
        BOTTOM;

        boolean vertical() {
            return this == LEFT || this == RIGHT;
        }

        /** +1 when the inside of the box lies towards larger coordinates from this side. */
        int inward() {
            return this == LEFT || this == TOP ? 1 : -1;
        }
    }

    record Box(double x1, double y1, double x2, double y2) {
        double width() {
            return x2 - x1;
        }

        double height() {
            return y2 - y1;
        }

        double area() {
            return width() * height();
        }

        /** The coordinate of a side: x for the vertical ones, y for the others. */
        double at(Side side) {
            return switch (side) {
                case LEFT -> x1;
                case RIGHT -> x2;
                case TOP -> y1;
                case BOTTOM -> y2;
            };
        }

        /** Where a side starts and ends along its length. */
        double from(Side side) {
            return side.vertical() ? y1 : x1;
        }

        double to(Side side) {
            return side.vertical() ? y2 : x2;
        }

        boolean onPictureBorder(Side side, int width, int height) {
            return switch (side) {
                case LEFT -> x1 <= 2;
                case RIGHT -> x2 >= width - 3;
                case TOP -> y1 <= 2;
                case BOTTOM -> y2 >= height - 3;
            };
        }
    }

    /**
     * The nearest straight edge on each side of the face, outside it and overlapping most of its extent; a side
     * without one falls back to the picture's border. Null when fewer than three sides have an edge.
     */
    private static Box proposedBox(Vec4iVector lines, Box face, int width, int height) {
        double left = -1;
        double right = Double.MAX_VALUE;
        double top = -1;
        double bottom = Double.MAX_VALUE;
        double marginX = 0.05 * face.width();
        double marginY = 0.05 * face.height();
        for (long i = 0; i < lines.size(); i++) {
            Scalar4i line = lines.get(i);
            int ax = line.get(0);
            int ay = line.get(1);
            int bx = line.get(2);
            int by = line.get(3);
            double middleX = (ax + bx) / 2.0;
            double middleY = (ay + by) / 2.0;
            if (Math.abs(bx - ax) < MAX_SLANT * Math.abs(by - ay)
                    && overlap(ay, by, face.y1(), face.y2()) > 0.5 * face.height()) {
                if (middleX < face.x1() - marginX) {
                    left = Math.max(left, middleX);
                } else if (middleX > face.x2() + marginX) {
                    right = Math.min(right, middleX);
                }
            } else if (Math.abs(by - ay) < MAX_SLANT * Math.abs(bx - ax)
                    && overlap(ax, bx, face.x1(), face.x2()) > 0.5 * face.width()) {
                if (middleY < face.y1() - marginY) {
                    top = Math.max(top, middleY);
                } else if (middleY > face.y2() + marginY) {
                    bottom = Math.min(bottom, middleY);
                }
            }
        }
        int found = (left >= 0 ? 1 : 0)
                + (right < Double.MAX_VALUE ? 1 : 0)
                + (top >= 0 ? 1 : 0)
                + (bottom < Double.MAX_VALUE ? 1 : 0);
        if (found < 3) {
            return null;
        }
        return new Box(Math.max(0, left), Math.max(0, top), Math.min(width - 1, right), Math.min(height - 1, bottom));
    }

    private static double overlap(double a, double b, double from, double to) {
        return Math.min(Math.max(a, b), to) - Math.max(Math.min(a, b), from);
    }

    /** Share of a side's length, from corner to corner, along which an edge pixel lies within two pixels of it. */
    private static double coverage(UByteIndexer edges, Box box, Side side) {
        boolean vertical = side.vertical();
        int at = (int) Math.round(box.at(side));
        int from = (int) Math.round(box.from(side));
        int to = (int) Math.round(box.to(side));
        int covered = 0;
        for (int along = from; along <= to; along++) {
            for (int across = at - 2; across <= at + 2; across++) {
                long row = vertical ? along : across;
                long column = vertical ? across : along;
                if (row >= 0
                        && column >= 0
                        && row < edges.size(0)
                        && column < edges.size(1)
                        && edges.get(row, column) != 0) {
                    covered++;
                    break;
                }
            }
        }
        return covered / (double) Math.max(1, to - from + 1);
    }

    /** Grey-level difference between a band just inside the box along one side and a band just outside it. */
    private static double contrast(UByteIndexer grey, Box box, Side side) {
        int band = (int) Math.max(2, 0.04 * Math.min(box.width(), box.height()));
        double at = box.at(side);
        int inward = side.inward();
        double inside = bandMean(
                grey, side.vertical(), at + inward * 3, at + inward * (3 + band), box.from(side), box.to(side));
        double outside = bandMean(
                grey, side.vertical(), at - inward * 3, at - inward * (3 + band), box.from(side), box.to(side));
        return Double.isNaN(inside) || Double.isNaN(outside) ? 0 : Math.abs(inside - outside);
    }

    private static double bandMean(
            UByteIndexer grey, boolean vertical, double acrossA, double acrossB, double alongFrom, double alongTo) {
        double sum = 0;
        int count = 0;
        for (int along = (int) alongFrom; along <= (int) alongTo; along++) {
            for (int across = (int) Math.min(acrossA, acrossB); across <= (int) Math.max(acrossA, acrossB); across++) {
                long row = vertical ? along : across;
                long column = vertical ? across : along;
                if (row >= 0 && column >= 0 && row < grey.size(0) && column < grey.size(1)) {
                    sum += grey.get(row, column);
                    count++;
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
