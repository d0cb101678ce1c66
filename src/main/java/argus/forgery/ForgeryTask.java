package argus.forgery;

import argus.analysis.Scores;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A video forgery check: {@code pending} while its video waits in the store ({@code storageKey}), then
 * {@code completed}. {@code score} is the probability that the video is forged — the larger of the face-swap and the
 * replay (re-capture) evidence — and {@code prediction} is {@code fake} from 0.5 on, else {@code real}, with
 * {@code confidence} the probability of that prediction. Without a usable face there is no prediction and
 * {@code success} is false.
 */
@MappedEntity(value = "forgery_task", escape = false)
public record ForgeryTask(
        @Id UUID id,
        UUID companyId,
        UUID userId,
        @Nullable String sourceFilename,
        @Nullable String sessionId,
        @Nullable String deviceInfo,
        @Nullable String geoLocation,
        String status,
        boolean success,
        String message,
        @Nullable String prediction,
        @Nullable Double confidence,
        @Nullable Double score,
        @Nullable Double faceSwapScore,
        @Nullable Double replayScore,
        int framesAnalyzed,
        Instant receivedAt,
        @Nullable Instant completedAt,
        @Nullable String storageKey) {

    public boolean pending() {
        return status.equals("pending");
    }

    /** The check's outcome from the frames' evidence. */
    /** {@code prediction} is {@code fake}, {@code real}, or {@code inconclusive} when the evidence cannot tell. */
    ForgeryTask completed(FaceMediaForgery.Evidence evidence, Instant time) {
        if (!evidence.judged()) {
            return failed("Inference failed: " + evidence.reason(), evidence, time);
        }
        double forged = evidence.probability();
        String prediction = switch (evidence.verdict()) {
            case MANIPULATED -> "fake";
            case AUTHENTIC -> "real";
            case INCONCLUSIVE -> "inconclusive";
        };
        Double confidence = switch (evidence.verdict()) {
            case MANIPULATED -> Scores.round(forged);
            case AUTHENTIC -> Scores.round(1 - forged);
            case INCONCLUSIVE -> null;
        };
        return new ForgeryTask(
                id,
                companyId,
                userId,
                sourceFilename,
                sessionId,
                deviceInfo,
                geoLocation,
                "completed",
                true,
                "Inference completed: " + evidence.reason(),
                prediction,
                confidence,
                forged,
                evidence.faceSwap(),
                evidence.replay(),
                evidence.frames(),
                receivedAt,
                time,
                null);
    }

    ForgeryTask failed(String reason, @Nullable FaceMediaForgery.Evidence evidence, Instant time) {
        return new ForgeryTask(
                id,
                companyId,
                userId,
                sourceFilename,
                sessionId,
                deviceInfo,
                geoLocation,
                "completed",
                false,
                reason,
                null,
                null,
                null,
                evidence == null ? null : evidence.faceSwap(),
                evidence == null ? null : evidence.replay(),
                evidence == null ? 0 : evidence.frames(),
                receivedAt,
                time,
                null);
    }
}
