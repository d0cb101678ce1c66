package argus.vision;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One model file of a pack and how to feed it.
 *
 * @param input     the input shape the file must declare (NCHW)
 * @param channels  colour order of the input planes (colour models)
 * @param mean      subtracted from every 0-255 pixel value
 * @param std       the difference is divided by this
 * @param cropScale how many times the face box is enlarged for the crop (liveness models)
 * @param liveIndex index of the bona-fide class in the softmax output (liveness models)
 * @param calibration logistic mapping of the model's raw score to a confidence in [0, 1] (embedding models)
 */
@Serdeable
public record ModelSpec(
        String file,
        String sha256,
        List<Long> input,
        @Nullable ChannelOrder channels,
        @Nullable Float mean,
        @Nullable Float std,
        @Nullable @JsonProperty("crop_scale") Float cropScale,
        @Nullable @JsonProperty("live_index") Integer liveIndex,
        @Nullable Calibration calibration) {

    /** {@code confidence = 1 / (1 + exp(-slope * (score - midpoint)))}: 0.5 at the midpoint. */
    @Serdeable
    public record Calibration(float midpoint, float slope) {

        public float apply(float score) {
            return (float) (1 / (1 + Math.exp(-slope * (score - midpoint))));
        }
    }

    public int inputHeight() {
        return input.get(2).intValue();
    }

    public int inputWidth() {
        return input.get(3).intValue();
    }
}
