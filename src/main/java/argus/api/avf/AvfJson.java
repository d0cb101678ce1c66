package argus.api.avf;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/** The anti-video-forgery envelope: {@code message} and {@code data} with the prediction and the request's metadata. */
@Serdeable
record AvfJson(String message, Data data) {

    @Serdeable
    record Data(
            boolean success,
            String message,
            @Nullable String prediction,
            @Nullable Double confidence,
            @Nullable Double score,
            Metadata metadata) {}

    /**
     * {@code received_at} / {@code completed_at} in epoch seconds; the two cues behind {@code score} and the frames
     * they were measured on are given once the check is done.
     */
    @Serdeable
    record Metadata(
            @JsonProperty("request_id") UUID requestId,
            @JsonProperty("source_filename") @Nullable String sourceFilename,
            @JsonProperty("received_at") long receivedAt,
            @JsonProperty("completed_at") @Nullable Long completedAt,
            @JsonProperty("face_swap_score") @Nullable Double faceSwapScore,
            @JsonProperty("replay_score") @Nullable Double replayScore,
            @JsonProperty("frames_analyzed") @Nullable Integer framesAnalyzed) {}
}
