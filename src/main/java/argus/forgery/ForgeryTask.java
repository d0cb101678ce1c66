package argus.forgery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A finished video forgery check. {@code score} is the probability that the video is forged — the larger of the
 * face-swap and the replay (re-capture) evidence — and {@code prediction} is {@code fake} from 0.5 on, else
 * {@code real}, with {@code confidence} the probability of that prediction. Without a usable face there is no
 * prediction and {@code success} is false.
 */
@MappedEntity("forgery_task")
public record ForgeryTask(@Id UUID id,
                          UUID companyId,
                          UUID userId,
                          @Nullable String sourceFilename,
                          @Nullable String sessionId,
                          @Nullable String deviceInfo,
                          @Nullable String geoLocation,
                          boolean success,
                          String message,
                          @Nullable String prediction,
                          @Nullable Double confidence,
                          @Nullable Double score,
                          @Nullable Double faceSwapScore,
                          @Nullable Double replayScore,
                          int framesAnalyzed,
                          Instant receivedAt,
                          Instant completedAt) {
}
