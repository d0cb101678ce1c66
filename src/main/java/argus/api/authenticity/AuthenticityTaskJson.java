package argus.api.authenticity;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * An authenticity verification task on the wire: its state (pending, running, done, failed), once done one
 * deepfake-detection result per channel, once failed the reason.
 */
@Serdeable
record AuthenticityTaskJson(
        Task task, @Nullable Result result, @Nullable String error) {

    @Serdeable
    record Task(@JsonProperty("task_id") UUID taskId, String state) {}

    @Serdeable
    record Result(@JsonProperty("deepfake_detection") DeepfakeDetection deepfakeDetection) {}

    /** The time segment processed (null ends: the whole file) and the channels' results. */
    @Serdeable
    record DeepfakeDetection(
            @JsonProperty("start_time") @Nullable Double startTime,
            @JsonProperty("end_time") @Nullable Double endTime,
            List<Channel> channels) {}

    /** {@code score}: log-odds of genuine speech (above 0 genuine, below 0 synthetic); null under 3 s of speech. */
    @Serdeable
    record Channel(
            @JsonProperty("channel_number") int channelNumber,
            @JsonProperty("speech_length") double speechLength,
            @Nullable Double score) {}
}
