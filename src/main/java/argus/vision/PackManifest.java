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
public record PackManifest(String name,
                           @Nullable String source,
                           @Nullable Map<String, ModelSpec> models,
                           @Nullable List<ModelSpec> liveness,
                           @Nullable @JsonProperty("liveness_calibration") LivenessCalibration livenessCalibration) {

    /**
     * The attack log-odds of a frame are the ensemble's own log-odds, plus {@code borderWeight} times the share of the
     * face's sides framed by a screen edge ({@link ScreenEdges}), minus {@code offset}; {@code confidence_spoofing} is
     * the logistic of their quality-weighted mean over the frames.
     */
    @Serdeable
    public record LivenessCalibration(double offset, @JsonProperty("border_weight") double borderWeight) {
        public static final LivenessCalibration NONE = new LivenessCalibration(0, 0);
    }
}
