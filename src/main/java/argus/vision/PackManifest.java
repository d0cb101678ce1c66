package argus.vision;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The {@code pack.json} describing a model pack: its face models by role ({@code detector}, {@code landmarks},
 * {@code embedding}), its liveness ensemble and how that ensemble's evidence is turned into
 * {@code confidence_spoofing}. A pack may provide only some roles.
 */
@Serdeable
public record PackManifest(
        String name,
        @Nullable String source,
        @Nullable Map<String, ModelSpec> models,
        @Nullable List<ModelSpec> liveness,
        @Nullable @JsonProperty("liveness_calibration") LivenessCalibration livenessCalibration,
        @Nullable @JsonProperty("forgery_calibration") EvidenceBands forgeryCalibration,
        @Nullable @JsonProperty("speech_calibration") EvidenceBands speechCalibration) {

    /**
     * Where a detector's score stops being an answer: from {@code manipulatedFrom} on it says manipulated, below
     * {@code inconclusiveFrom} genuine, and between the two it cannot tell (genuine media of real channels reach that
     * far). Fitted from labelled media by the evaluation command; {@code fittedOn} says on what. For a score that falls
     * with manipulation (the speech model's genuine log-odds) the bands are on the negated score.
     */
    @Serdeable
    public record EvidenceBands(
            @JsonProperty("inconclusive_from") double inconclusiveFrom,
            @JsonProperty("manipulated_from") double manipulatedFrom,
            @Nullable @JsonProperty("fitted_on") String fittedOn) {

        public enum Verdict {
            AUTHENTIC,
            INCONCLUSIVE,
            MANIPULATED
        }

        /** Where the verdict scale's inconclusive band starts; below it, authentic. */
        public static final double INCONCLUSIVE_ON_SCALE = 0.3;
        /** Where the verdict scale's manipulated band starts. */
        public static final double MANIPULATED_ON_SCALE = 0.5;

        public Verdict verdict(double score) {
            return score >= manipulatedFrom
                    ? Verdict.MANIPULATED
                    : score >= inconclusiveFrom ? Verdict.INCONCLUSIVE : Verdict.AUTHENTIC;
        }

        /**
         * A score in [0, 1] (bands on that scale) put on the verdict's scale, which every contract reports: [0, 0.3)
         * authentic, [0.3, 0.5) inconclusive, [0.5, 1] manipulated, linear within each band, so that the number lies
         * on the side of the verdict and 0.5 is the line a caller may compare with.
         */
        public double onVerdictScale(double score) {
            double s = Math.max(0, Math.min(1, score));
            if (s >= manipulatedFrom) {
                return MANIPULATED_ON_SCALE + (1 - MANIPULATED_ON_SCALE) * fraction(s, manipulatedFrom, 1);
            }
            if (s >= inconclusiveFrom) {
                return INCONCLUSIVE_ON_SCALE
                        + (MANIPULATED_ON_SCALE - INCONCLUSIVE_ON_SCALE)
                                * fraction(s, inconclusiveFrom, manipulatedFrom);
            }
            return INCONCLUSIVE_ON_SCALE * fraction(s, 0, inconclusiveFrom);
        }

        private static double fraction(double value, double from, double to) {
            return to <= from ? 0 : (value - from) / (to - from);
        }
    }

    /**
     * How a media's liveness evidence becomes its attack log-odds: {@code intercept + model × m + Σ weight(cue) × cue},
     * where m is the ensemble's own attack log-odds, capped at ±{@link #MODEL_CAP} (the networks are over-confident
     * outside the data they were trained on), and each cue a value the analysis measures (0 where it sees nothing).
     * A cue without a weight here is reported, not weighted. The numbers are fitted from labelled media by the
     * evaluation command, never set by hand; {@code fittedOn} says on what.
     */
    @Serdeable
    public record LivenessCalibration(
            double intercept,
            @JsonProperty("model_weight") double model,
            @Nullable @JsonProperty("cue_weights") Map<String, Double> cueWeights,
            @Nullable @JsonProperty("fitted_on") String fittedOn) {
        /** ln 99: a model probability beyond 99 % counts as 99 %. */
        public static final double MODEL_CAP = Math.log(99);
        /** The ensemble as it is: its own probability decides, no cue counts. */
        public static final LivenessCalibration NONE = new LivenessCalibration(0, 1, Map.of(), null);

        public double weight(String cue) {
            return cueWeights == null ? 0 : cueWeights.getOrDefault(cue, 0.0);
        }

        public double logOdds(double modelLogOdds, Map<String, Double> cues) {
            double logOdds = intercept + model * capped(modelLogOdds);
            for (Map.Entry<String, Double> cue : cues.entrySet()) {
                logOdds += weight(cue.getKey()) * cue.getValue();
            }
            return logOdds;
        }

        public static double capped(double modelLogOdds) {
            return Math.max(-MODEL_CAP, Math.min(MODEL_CAP, modelLogOdds));
        }
    }
}
