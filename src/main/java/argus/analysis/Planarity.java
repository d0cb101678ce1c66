package argus.analysis;

import argus.LinearEquations;
import argus.vision.FaceLandmarks;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Whether a moving face is flat. A print or a screen moved before the camera carries its face as one plane, so the
 * facial points of any two frames are related by a single homography; a head that turns in three dimensions moves its
 * nose against its eyes and mouth, which no homography reproduces. For each frame whose points moved beyond what a
 * shift, turn and zoom in the picture explain (a similarity: nothing to tell from those), the share of that extra
 * motion a homography still leaves unexplained is measured; planarity is the share of such frames where the
 * homography explains nearly all of it. Empty when no frame moved enough to tell, as in a still selfie.
 *
 * <p>Only the inner points (brows, nose, eyes, mouth) are used: the jaw line is a silhouette that slides over a
 * turning head. Distances are in inter-ocular distances of the reference frame (the first with a face).
 */
final class Planarity {
    /** Deformation beyond a similarity, in inter-ocular distances, below which the landmark model's noise dominates. */
    static final double MIN_DEFORMATION = 0.045;
    /** A frame looks flat when the homography leaves less than this share of the deformation unexplained. */
    static final double FLAT_RESIDUAL_SHARE = 0.35;

    private static final int FIRST_INNER_POINT = 17;
    private static final int POINTS = 68;

    private Planarity() {}

    /** The share of informative frames that move as a plane, or empty when no frame is informative. */
    static OptionalDouble of(List<FaceLandmarks> frames) {
        if (frames.size() < 2) {
            return OptionalDouble.empty();
        }
        double[][] reference = inner(frames.getFirst());
        double scale = interOcular(frames.getFirst());
        int informative = 0;
        int flat = 0;
        for (FaceLandmarks frame : frames.subList(1, frames.size())) {
            double[][] points = inner(frame);
            double deformation = rms(reference, points, similarity(reference, points)) / scale;
            if (deformation < MIN_DEFORMATION) {
                continue;
            }
            informative++;
            double unexplained = rms(reference, points, homography(reference, points)) / scale;
            flat += unexplained < FLAT_RESIDUAL_SHARE * deformation ? 1 : 0;
        }
        return informative == 0 ? OptionalDouble.empty() : OptionalDouble.of(flat / (double) informative);
    }

    private static double[][] inner(FaceLandmarks landmarks) {
        double[][] points = new double[POINTS - FIRST_INNER_POINT][];
        for (int i = FIRST_INNER_POINT; i < POINTS; i++) {
            points[i - FIRST_INNER_POINT] = new double[] {landmarks.x(i), landmarks.y(i)};
        }
        return points;
    }

    private static double interOcular(FaceLandmarks landmarks) {
        float[] left = landmarks.leftEye();
        float[] right = landmarks.rightEye();
        return Math.max(1, Math.hypot(right[0] - left[0], right[1] - left[1]));
    }

    /** Root-mean-square distance between the mapped reference points and the frame's points. */
    private static double rms(double[][] from, double[][] to, double[] h) {
        double sum = 0;
        for (int i = 0; i < from.length; i++) {
            double w = h[6] * from[i][0] + h[7] * from[i][1] + h[8];
            double x = (h[0] * from[i][0] + h[1] * from[i][1] + h[2]) / w;
            double y = (h[3] * from[i][0] + h[4] * from[i][1] + h[5]) / w;
            sum += (x - to[i][0]) * (x - to[i][0]) + (y - to[i][1]) * (y - to[i][1]);
        }
        return Math.sqrt(sum / from.length);
    }

    /** The least-squares similarity (scale, rotation, shift) from one point set to the other, as a 3 x 3 matrix. */
    static double[] similarity(double[][] from, double[][] to) {
        double[] meanFrom = mean(from);
        double[] meanTo = mean(to);
        double a = 0;
        double b = 0;
        double norm = 0;
        for (int i = 0; i < from.length; i++) {
            double fx = from[i][0] - meanFrom[0];
            double fy = from[i][1] - meanFrom[1];
            double tx = to[i][0] - meanTo[0];
            double ty = to[i][1] - meanTo[1];
            a += fx * tx + fy * ty;
            b += fx * ty - fy * tx;
            norm += fx * fx + fy * fy;
        }
        a /= norm;
        b /= norm;
        return new double[] {
            a,
            -b,
            meanTo[0] - a * meanFrom[0] + b * meanFrom[1],
            b,
            a,
            meanTo[1] - b * meanFrom[0] - a * meanFrom[1],
            0,
            0,
            1
        };
    }

    /**
     * The least-squares homography between the point sets (the direct linear transform on points normalised to zero
     * mean and unit spread, solved with h33 = 1), as a 3 x 3 matrix in the original coordinates.
     */
    static double[] homography(double[][] from, double[][] to) {
        double[] nf = normalisation(from);
        double[] nt = normalisation(to);
        double[][] normal = new double[8][8];
        double[] right = new double[8];
        for (int i = 0; i < from.length; i++) {
            double x = (from[i][0] - nf[0]) * nf[2];
            double y = (from[i][1] - nf[1]) * nf[2];
            double u = (to[i][0] - nt[0]) * nt[2];
            double v = (to[i][1] - nt[1]) * nt[2];
            accumulate(normal, right, new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y}, u);
            accumulate(normal, right, new double[] {0, 0, 0, x, y, 1, -v * x, -v * y}, v);
        }
        double[] h = LinearEquations.solve(normal, right);
        double[] n = {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1};
        // back to original coordinates: H = Tto^-1 * N * Tfrom
        double[] tFrom = {nf[2], 0, -nf[2] * nf[0], 0, nf[2], -nf[2] * nf[1], 0, 0, 1};
        double[] tToInverse = {1 / nt[2], 0, nt[0], 0, 1 / nt[2], nt[1], 0, 0, 1};
        return multiply(tToInverse, multiply(n, tFrom));
    }

    private static void accumulate(double[][] normal, double[] right, double[] row, double target) {
        for (int a = 0; a < 8; a++) {
            right[a] += row[a] * target;
            for (int b = 0; b < 8; b++) {
                normal[a][b] += row[a] * row[b];
            }
        }
    }

    /** Mean x, mean y, and the factor that makes the mean distance from the centre sqrt(2). */
    private static double[] normalisation(double[][] points) {
        double[] mean = mean(points);
        double spread = 0;
        for (double[] p : points) {
            spread += Math.hypot(p[0] - mean[0], p[1] - mean[1]);
        }
        spread /= points.length;
        return new double[] {mean[0], mean[1], Math.sqrt(2) / Math.max(spread, 1e-9)};
    }

    private static double[] mean(double[][] points) {
        double x = 0;
        double y = 0;
        for (double[] p : points) {
            x += p[0];
            y += p[1];
        }
        return new double[] {x / points.length, y / points.length};
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 3; j++) {
                    c[3 * r + k] += a[3 * r + j] * b[3 * j + k];
                }
            }
        }
        return c;
    }
}
