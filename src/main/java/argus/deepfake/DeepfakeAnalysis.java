package argus.deepfake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A finished deepfake analysis of one file. {@code verdict}: {@code authentic} or {@code manipulated} with the
 * probability of manipulation; {@code inconclusive} when the file held nothing to judge (no face, too little speech);
 * {@code unsupported} when its type cannot honestly be analysed (a PDF document). {@code details} is the JSON of the
 * measured cues.
 */
@MappedEntity("deepfake_analysis")
public record DeepfakeAnalysis(@Id UUID id,
                               UUID companyId,
                               UUID userId,
                               @Nullable String fileName,
                               String fileType,
                               @Nullable String externalId,
                               @Nullable String callbackUrl,
                               String verdict,
                               @Nullable Double confidence,
                               @Nullable Double deepfakeProbability,
                               String message,
                               String details,
                               Instant createdAt,
                               Instant completedAt) {
}
