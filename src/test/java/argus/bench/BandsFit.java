package argus.bench;

import argus.vision.PackManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Fits where a detector's score becomes a verdict ({@link PackManifest.EvidenceBands}), and scores that fit held out.
 *
 * <p>Accusing a genuine customer is the worse error, so the bands are set by the genuine media: {@code manipulated_from}
 * sits just above the highest score any genuine media of the fitting set reached — or, when the manipulated media
 * of the fitting set all score higher still, midway between the two — and {@code inconclusive_from} at the model's own
 * boundary, or (for a detector whose boundary genuine media of ordinary cameras often cross) at the genuine media's
 * 95th percentile when that is higher.
 */
public final class BandsFit {

    /**
     * One scored media: its source (what is held out), its kind (forgery method, synthesiser, or recording condition),
     * the channel it went through (speech; null otherwise), and whether it is manipulated.
     */
    public record Scored(String name, String group, String kind, String channel, boolean manipulated, double score) {}

    /** Verdict counts on a set of media, as a customer meets them. */
    public record Counts(
            int genuine,
            int accused,
            int genuineInconclusive,
            int manipulated,
            int missed,
            int manipulatedInconclusive) {}

    private BandsFit() {}

    /** How the lower edge of the band is set. */
    public enum Lower {
        MODEL_BOUNDARY,
        GENUINE_95TH_PERCENTILE
    }

    public static PackManifest.EvidenceBands fit(
            List<Scored> media, double modelBoundary, Lower lower, String fittedOn) {
        List<Double> genuine = media.stream()
                .filter(m -> !m.manipulated())
                .map(Scored::score)
                .sorted()
                .toList();
        double highestGenuine = genuine.getLast();
        double lowestManipulated = media.stream()
                .filter(Scored::manipulated)
                .mapToDouble(Scored::score)
                .min()
                .orElse(Double.POSITIVE_INFINITY);
        double manipulatedFrom = lowestManipulated > highestGenuine && Double.isFinite(lowestManipulated)
                ? (highestGenuine + lowestManipulated) / 2
                : highestGenuine + 1e-3;
        double percentile95 = genuine.get((int) Math.floor(0.95 * (genuine.size() - 1)));
        double inconclusiveFrom = Math.min(
                manipulatedFrom, lower == Lower.MODEL_BOUNDARY ? modelBoundary : Math.max(modelBoundary, percentile95));
        return new PackManifest.EvidenceBands(round(inconclusiveFrom), round(manipulatedFrom), fittedOn);
    }

    /** Each media's verdict with the bands fitted on every other group. */
    public static List<Verdicts> heldOut(List<Scored> media, double modelBoundary, Lower lower) {
        List<Verdicts> verdicts = new ArrayList<>();
        for (String group : media.stream().map(Scored::group).distinct().toList()) {
            Predicate<Scored> held = m -> m.group().equals(group);
            List<Scored> fitting = media.stream().filter(held.negate()).toList();
            if (fitting.stream().noneMatch(m -> !m.manipulated())) {
                continue;
            }
            PackManifest.EvidenceBands bands = fit(fitting, modelBoundary, lower, "all but " + group);
            media.stream().filter(held).forEach(m -> verdicts.add(new Verdicts(m, bands.verdict(m.score()), bands)));
        }
        return verdicts;
    }

    public record Verdicts(
            Scored media, PackManifest.EvidenceBands.Verdict verdict, PackManifest.EvidenceBands bands) {}

    public static Counts count(List<Verdicts> verdicts, Function<Verdicts, Boolean> which) {
        int genuine = 0;
        int accused = 0;
        int genuineInconclusive = 0;
        int manipulated = 0;
        int missed = 0;
        int manipulatedInconclusive = 0;
        for (Verdicts v : verdicts.stream().filter(which::apply).toList()) {
            boolean inconclusive = v.verdict() == PackManifest.EvidenceBands.Verdict.INCONCLUSIVE;
            if (v.media().manipulated()) {
                manipulated++;
                missed += v.verdict() == PackManifest.EvidenceBands.Verdict.AUTHENTIC ? 1 : 0;
                manipulatedInconclusive += inconclusive ? 1 : 0;
            } else {
                genuine++;
                accused += v.verdict() == PackManifest.EvidenceBands.Verdict.MANIPULATED ? 1 : 0;
                genuineInconclusive += inconclusive ? 1 : 0;
            }
        }
        return new Counts(genuine, accused, genuineInconclusive, manipulated, missed, manipulatedInconclusive);
    }

    public static String describe(Counts c) {
        return "genuine: %d accused, %d inconclusive of %d; manipulated: %d caught, %d inconclusive, %d missed of %d"
                .formatted(
                        c.accused(),
                        c.genuineInconclusive(),
                        c.genuine(),
                        c.manipulated() - c.missed() - c.manipulatedInconclusive(),
                        c.manipulatedInconclusive(),
                        c.missed(),
                        c.manipulated());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
