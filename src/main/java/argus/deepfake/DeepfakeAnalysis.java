package argus.deepfake;

import argus.JsonColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A deepfake analysis of one file: {@code processing} while its file waits in the store ({@code storageKey}), then
 * {@code completed} with a verdict — {@code authentic} or {@code manipulated} with the probability of manipulation;
 * {@code inconclusive} when the file held nothing to judge (no face, too little speech); {@code unsupported} when its
 * type cannot honestly be analysed (a PDF document) — or {@code failed} with the reason in {@code message}.
 * {@code details} holds the measured cues.
 */
@MappedEntity(value = "deepfake_analysis", escape = false)
public record DeepfakeAnalysis(
        @Id UUID id,
        UUID companyId,
        UUID userId,
        @Nullable String fileName,
        String fileType,
        @Nullable String externalId,
        @Nullable String callbackUrl,
        String status,
        @Nullable String verdict,
        @Nullable Double confidence,
        @Nullable Double deepfakeProbability,
        @Nullable String message,

        @Nullable @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> details,

        Instant createdAt,
        @Nullable Instant completedAt,
        @Nullable String storageKey) {

    DeepfakeAnalysis completed(
            String verdict,
            @Nullable Double confidence,
            @Nullable Double probability,
            String message,
            Map<String, Object> details,
            Instant time) {
        return new DeepfakeAnalysis(
                id,
                companyId,
                userId,
                fileName,
                fileType,
                externalId,
                callbackUrl,
                "completed",
                verdict,
                confidence,
                probability,
                message,
                details,
                createdAt,
                time,
                null);
    }

    DeepfakeAnalysis failed(String message, Instant time) {
        return new DeepfakeAnalysis(
                id,
                companyId,
                userId,
                fileName,
                fileType,
                externalId,
                callbackUrl,
                "failed",
                null,
                null,
                null,
                message,
                null,
                createdAt,
                time,
                null);
    }
}
