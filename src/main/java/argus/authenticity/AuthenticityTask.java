package argus.authenticity;

import argus.JsonColumn;
import argus.JsonText;
import argus.audio.SpeechAuthenticity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An audio authenticity task: {@code pending} while its audio waits in the store ({@code storageKey}), {@code running},
 * then {@code done} with {@code result}, the JSON list of per-channel scores, or {@code failed} with {@code error}.
 */
@MappedEntity(value = "authenticity_task", escape = false)
public record AuthenticityTask(
        @Id UUID id,
        UUID companyId,
        UUID userId,
        @Nullable String fileName,
        @Nullable Double segmentStart,
        @Nullable Double segmentEnd,
        String state,

        @Nullable @MappedProperty(converter = AuthenticityTask.ScoresColumn.class)
        List<SpeechAuthenticity.ChannelScore> result,

        @Nullable String error,
        @Nullable String storageKey,
        Instant timeCreated) {

    boolean open() {
        return state.equals("pending") || state.equals("running");
    }

    AuthenticityTask running() {
        return new AuthenticityTask(
                id,
                companyId,
                userId,
                fileName,
                segmentStart,
                segmentEnd,
                "running",
                null,
                null,
                storageKey,
                timeCreated);
    }

    AuthenticityTask done(List<SpeechAuthenticity.ChannelScore> result) {
        return new AuthenticityTask(
                id, companyId, userId, fileName, segmentStart, segmentEnd, "done", result, null, null, timeCreated);
    }

    AuthenticityTask failed(String error) {
        return new AuthenticityTask(
                id, companyId, userId, fileName, segmentStart, segmentEnd, "failed", null, error, null, timeCreated);
    }

    /** The per-channel scores kept as JSON text. */
    @Singleton
    public static class ScoresColumn extends JsonColumn<List<SpeechAuthenticity.ChannelScore>> {
        public ScoresColumn(JsonText json) {
            super(json, Argument.listOf(SpeechAuthenticity.ChannelScore.class));
        }
    }
}
