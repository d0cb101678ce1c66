package argus.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.DFT_COMPLEX_OUTPUT;
import static org.bytedeco.opencv.global.opencv_core.dft;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Arrays;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The moiré cue: a face re-captured from a screen or a print carries a periodic pattern — the moiré of a pixel grid
 * beating with the camera's, a print's halftone — that shows in the face's spectrum as isolated peaks standing far above
 * the smooth fall-off of skin, hair and light. Measured on the face box, grey, at {@link #SIDE} pixels: the strongest
 * spectral peak at mid-to-high frequencies against the median there, off the axes (where the picture's edges, JPEG
 * blocks and scan lines put their energy). 0 below a ratio of 10^{@link #FROM_DECADES}, rising to 1 a decade above.
 */
public final class ScreenTexture {
    private static final int SIDE = 128;
    private static final int MIN_RADIUS = 16;
    private static final int MAX_RADIUS = 60;
    private static final int OFF_AXIS = 3;
    private static final double FROM_DECADES = 1.5;

    private ScreenTexture() {}

    /** The cue's value for the face, in [0, 1]. */
    public static double moire(Mat bgr, FaceBox face) {
        int x = Math.max(0, (int) face.x1());
        int y = Math.max(0, (int) face.y1());
        int w = Math.min(bgr.cols() - x, (int) face.width());
        int h = Math.min(bgr.rows() - y, (int) face.height());
        if (w < SIDE / 2 || h < SIDE / 2) {
            return 0;
        }
        try (Rect box = new Rect(x, y, w, h);
                Mat region = new Mat(bgr, box);
                Mat grey = new Mat();
                Mat small = new Mat();
                Mat real = new Mat();
                Mat spectrum = new Mat();
                MatVector planes = new MatVector()) {
            cvtColor(region, grey, COLOR_BGR2GRAY);
            resize(grey, small, new Size(SIDE, SIDE), 0, 0, INTER_AREA);
            small.convertTo(real, CV_32F);
            dft(real, spectrum, DFT_COMPLEX_OUTPUT, 0);
            split(spectrum, planes);
            double ratio = peakOverMedian(planes.get(0), planes.get(1));
            return Math.max(0, Math.min(1, Math.log10(ratio) - FROM_DECADES));
        }
    }

    /**
     * The strongest power in the ring against the median power at its own radius (the spectrum of a natural picture
     * falls with frequency, so each radius is its own reference).
     */
    private static double peakOverMedian(Mat re, Mat im) {
        double[][] byRadius = new double[MAX_RADIUS + 1][];
        int[] counts = new int[MAX_RADIUS + 1];
        double[] power = new double[SIDE * SIDE / 2];
        int[] radii = new int[SIDE * SIDE / 2];
        int n = 0;
        try (FloatIndexer a = re.createIndexer();
                FloatIndexer b = im.createIndexer()) {
            for (int v = 0; v < SIDE; v++) {
                for (int u = OFF_AXIS; u < SIDE / 2; u++) {
                    int fv = v <= SIDE / 2 ? v : v - SIDE;
                    int radius = (int) Math.round(Math.hypot(u, fv));
                    if (radius < MIN_RADIUS || radius > MAX_RADIUS || Math.abs(fv) < OFF_AXIS) {
                        continue;
                    }
                    power[n] = a.get(v, u) * (double) a.get(v, u) + b.get(v, u) * (double) b.get(v, u);
                    radii[n++] = radius;
                    counts[radius]++;
                }
            }
        }
        for (int r = MIN_RADIUS; r <= MAX_RADIUS; r++) {
            byRadius[r] = new double[counts[r]];
            counts[r] = 0;
        }
        for (int i = 0; i < n; i++) {
            byRadius[radii[i]][counts[radii[i]]++] = power[i];
        }
        double[] medians = new double[MAX_RADIUS + 1];
        for (int r = MIN_RADIUS; r <= MAX_RADIUS; r++) {
            Arrays.sort(byRadius[r]);
            medians[r] = byRadius[r].length == 0 ? 0 : byRadius[r][byRadius[r].length / 2];
        }
        double peak = 1;
        for (int i = 0; i < n; i++) {
            if (medians[radii[i]] > 0) {
                peak = Math.max(peak, power[i] / medians[radii[i]]);
            }
        }
        return peak;
    }
}
