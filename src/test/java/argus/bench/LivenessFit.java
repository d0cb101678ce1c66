package argus.bench;

import argus.vision.PackManifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Fits the liveness calibration from labelled evidence, and scores it leave-one-source-out.
 *
 * <p>The calibration is a logistic regression of the label (attack or not) on the ensemble's capped attack log-odds and
 * the screen-border share, fitted by Newton's method with a small L2 penalty of {@link #L2} on the weights (enough to
 * keep the weights finite when the training sources happen to be separable, small enough not to shrink them). Every source
 * counts equally, and within a source its attacks and its bona fide media count equally, so that a source with many
 * similar frames does not decide the calibration for the others.
 */
public final class LivenessFit {
    static final double L2 = 0.01;
    private static final int ITERATIONS = 100;

    private LivenessFit() {
    }

    /**
     * One labelled media as QUALITY saw it: its cues, or the reason it was not judged ({@code unjudged}: a FAILED code,
     * or DECLINED outright as an attack beside a live face, which no calibration changes).
     */
    public record Item(String path, String source, String label, boolean video, double modelLogOdds, double screenBorder,
                       String unjudged, boolean declinedOutright) {

        public boolean attack() {
            return label.startsWith("spoof");
        }

        public boolean judged() {
            return unjudged == null && !declinedOutright;
        }

        /** The kind of attack, for APCER per kind. */
        public String attackKind() {
            if (!attack()) {
                return "bona fide";
            }
            if (video) {
                return "replay video";
            }
            return switch (label) {
                case "spoof-print" -> "print";
                case "spoof-mask" -> "mask";
                case "spoof-replay" -> "screen or device replay";
                default -> "unspecified by its source";
            };
        }
    }

    public static PackManifest.LivenessCalibration fit(List<Item> items, String fittedOn) {
        List<Item> judged = items.stream().filter(Item::judged).toList();
        Map<String, Integer> groups = new HashMap<>();
        judged.forEach(item -> groups.merge(item.source() + "|" + item.attack(), 1, Integer::sum));
        double[] w = new double[3];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[3];
            double[][] hessian = new double[3][3];
            for (Item item : judged) {
                double weight = judged.size() / (groups.size() * (double) groups.get(item.source() + "|" + item.attack()));
                double[] x = features(item);
                double p = sigmoid(w[0] * x[0] + w[1] * x[1] + w[2] * x[2]);
                for (int a = 0; a < 3; a++) {
                    gradient[a] += weight * (p - (item.attack() ? 1 : 0)) * x[a];
                    for (int b = 0; b < 3; b++) {
                        hessian[a][b] += weight * p * (1 - p) * x[a] * x[b];
                    }
                }
            }
            for (int a = 1; a < 3; a++) {
                gradient[a] += L2 * w[a];
                hessian[a][a] += L2;
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a < 3; a++) {
                w[a] -= step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest < 1e-9) {
                break;
            }
        }
        return new PackManifest.LivenessCalibration(round(w[0]), round(w[1]), round(w[2]), fittedOn);
    }

    private static double[] features(Item item) {
        return new double[]{1, PackManifest.LivenessCalibration.capped(item.modelLogOdds()), item.screenBorder()};
    }

    /** Each item's attack probability with the calibration fitted on every other source. */
    public static Map<Item, Double> leaveOneSourceOut(List<Item> items) {
        Map<Item, Double> scores = new LinkedHashMap<>();
        for (String source : items.stream().map(Item::source).distinct().toList()) {
            Predicate<Item> held = item -> item.source().equals(source);
            PackManifest.LivenessCalibration calibration = fit(items.stream().filter(held.negate()).toList(), "all but " + source);
            items.stream().filter(held).filter(Item::judged)
                    .forEach(item -> scores.put(item, sigmoid(calibration.logOdds(item.modelLogOdds(), item.screenBorder()))));
        }
        return scores;
    }

    /** Error rates as a customer meets them: an attack passes only when accepted; a real person is refused when not. */
    public record Rates(int attacks, int attacksAccepted, int bonaFide, int bonaFideRefused, int notJudged, double auc) {
        public double apcer() {
            return attacks == 0 ? 0 : attacksAccepted / (double) attacks;
        }

        public double bpcer() {
            return bonaFide == 0 ? 0 : bonaFideRefused / (double) bonaFide;
        }
    }

    public static Rates rates(List<Item> items, Map<Item, Double> scores, double threshold) {
        int attacks = 0;
        int accepted = 0;
        int bonaFide = 0;
        int refused = 0;
        int notJudged = 0;
        List<Double> attackScores = new ArrayList<>();
        List<Double> bonaFideScores = new ArrayList<>();
        for (Item item : items) {
            Double score = scores.get(item);
            notJudged += score == null ? 1 : 0;
            boolean passes = score != null && score < threshold;
            if (item.attack()) {
                attacks++;
                accepted += passes ? 1 : 0;
                if (score != null) {
                    attackScores.add(score);
                }
            } else {
                bonaFide++;
                refused += passes ? 0 : 1;
                if (score != null) {
                    bonaFideScores.add(score);
                }
            }
        }
        return new Rates(attacks, accepted, bonaFide, refused, notJudged, auc(attackScores, bonaFideScores));
    }

    /** Probability that an attack scores above a bona fide media (ties count half); NaN without both. */
    public static double auc(List<Double> attacks, List<Double> bonaFide) {
        if (attacks.isEmpty() || bonaFide.isEmpty()) {
            return Double.NaN;
        }
        double wins = 0;
        for (double a : attacks) {
            for (double r : bonaFide) {
                wins += a > r ? 1 : a == r ? 0.5 : 0;
            }
        }
        return wins / (attacks.size() * (double) bonaFide.size());
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Gaussian elimination with partial pivoting, for the 3 x 3 Newton step. */
    private static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, m[i], 0, n);
            m[i][n] = vector[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                pivot = Math.abs(m[r][c]) > Math.abs(m[pivot][c]) ? r : pivot;
            }
            double[] swap = m[c];
            m[c] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < n; r++) {
                if (r != c && m[c][c] != 0) {
                    double factor = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= factor * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
