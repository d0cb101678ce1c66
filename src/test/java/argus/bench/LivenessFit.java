package argus.bench;

import argus.LinearEquations;
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
 * the chosen cues, fitted by Newton's method. Every source counts equally, and within a source its attacks and its bona
 * fide media count equally (each such group weighs 1 in all), so that a source with many similar frames does not decide
 * for the others. The network's weight has a small L2 penalty ({@link #MODEL_L2}: it only keeps the fit finite when the
 * training sources happen to be separable); each cue's weight a strong one ({@link #CUE_L2}, the weight of a whole
 * group), so that a cue which separates a source or two cannot outvote the network on its own: only a cue that helps
 * across many sources earns a weight large enough to decide.
 */
public final class LivenessFit {
    static final double MODEL_L2 = 0.01;
    static final double CUE_L2 = 1.0;
    private static final int ITERATIONS = 100;

    private LivenessFit() {}

    /**
     * One labelled media as QUALITY saw it: its cues (by their reported names, 0 where not seen), or the reason it was
     * not judged ({@code unjudged}: a FAILED code, or DECLINED outright as an attack beside a live face, which no
     * calibration changes).
     */
    public record Item(
            String path,
            String source,
            String label,
            boolean video,
            double modelLogOdds,
            Map<String, Double> cues,
            String unjudged,
            boolean declinedOutright) {

        public boolean attack() {
            return label.startsWith("spoof");
        }

        public boolean judged() {
            return unjudged == null && !declinedOutright;
        }

        public double cue(String name) {
            return cues.getOrDefault(name, 0.0);
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

    public static PackManifest.LivenessCalibration fit(List<Item> items, List<String> cues, String fittedOn) {
        List<Item> judged = items.stream().filter(Item::judged).toList();
        Map<String, Integer> groups = new HashMap<>();
        judged.forEach(item -> groups.merge(group(item), 1, Integer::sum));
        int n = 2 + cues.size();
        double[] w = new double[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (Item item : judged) {
                double weight = 1.0 / groups.get(group(item));
                double[] x = features(item, cues);
                double p = sigmoid(dot(w, x));
                for (int a = 0; a < n; a++) {
                    gradient[a] += weight * (p - (item.attack() ? 1 : 0)) * x[a];
                    for (int b = 0; b < n; b++) {
                        hessian[a][b] += weight * p * (1 - p) * x[a] * x[b];
                    }
                }
            }
            for (int a = 1; a < n; a++) {
                double l2 = a == 1 ? MODEL_L2 : CUE_L2;
                gradient[a] += l2 * w[a];
                hessian[a][a] += l2;
            }
            double[] step = LinearEquations.solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a < n; a++) {
                w[a] -= step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest < 1e-9) {
                break;
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int c = 0; c < cues.size(); c++) {
            weights.put(cues.get(c), round(w[2 + c]));
        }
        return new PackManifest.LivenessCalibration(round(w[0]), round(w[1]), weights, fittedOn);
    }

    private static String group(Item item) {
        return item.source() + "|" + item.attack();
    }

    private static double[] features(Item item, List<String> cues) {
        double[] x = new double[2 + cues.size()];
        x[0] = 1;
        x[1] = PackManifest.LivenessCalibration.capped(item.modelLogOdds());
        for (int c = 0; c < cues.size(); c++) {
            x[2 + c] = item.cue(cues.get(c));
        }
        return x;
    }

    /** Each judged item's attack probability with the calibration on the given cues fitted on every other source. */
    public static Map<Item, Double> leaveOneSourceOut(List<Item> items, List<String> cues) {
        Map<Item, Double> scores = new LinkedHashMap<>();
        for (String source : items.stream().map(Item::source).distinct().toList()) {
            Predicate<Item> held = item -> item.source().equals(source);
            PackManifest.LivenessCalibration calibration =
                    fit(items.stream().filter(held.negate()).toList(), cues, "all but " + source);
            items.stream()
                    .filter(held)
                    .filter(Item::judged)
                    .forEach(item -> scores.put(item, sigmoid(calibration.logOdds(item.modelLogOdds(), item.cues()))));
        }
        return scores;
    }

    /**
     * Error rates as a customer meets them: an attack passes only when accepted; a real person is refused when not
     * (declined, or not judged: counted apart too, as failures to acquire).
     */
    public record Rates(
            int attacks,
            int attacksAccepted,
            int bonaFide,
            int bonaFideRefused,
            int notJudged,
            int bonaFideNotJudged,
            double auc) {
        public double apcer() {
            return attacks == 0 ? 0 : attacksAccepted / (double) attacks;
        }

        public double bpcer() {
            return bonaFide == 0 ? 0 : bonaFideRefused / (double) bonaFide;
        }

        /** Errors of both kinds, each as a share of its class: what the ablation compares. */
        public int errors() {
            return attacksAccepted + bonaFideRefused;
        }
    }

    public static Rates rates(List<Item> items, Map<Item, Double> scores, double threshold) {
        int attacks = 0;
        int accepted = 0;
        int bonaFide = 0;
        int refused = 0;
        int notJudged = 0;
        int bonaFideNotJudged = 0;
        List<Double> attackScores = new ArrayList<>();
        List<Double> bonaFideScores = new ArrayList<>();
        for (Item item : items) {
            Double score = scores.get(item);
            boolean declined = item.declinedOutright();
            notJudged += score == null && !declined ? 1 : 0;
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
                bonaFideNotJudged += score == null && !declined ? 1 : 0;
                if (score != null) {
                    bonaFideScores.add(score);
                }
            }
        }
        return new Rates(
                attacks, accepted, bonaFide, refused, notJudged, bonaFideNotJudged, auc(attackScores, bonaFideScores));
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

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
