package argus.api.deepfake;

import argus.deepfake.DeepfakeAnalysis;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Deepfake analyses on the wire: the 202 acknowledgement and the full analysis (poll and callback). */
final class DeepfakeJson {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private DeepfakeJson() {}

    @Serdeable
    record Accepted(
            String id,
            String status,
            @JsonProperty("file_name") @Nullable String fileName,
            @JsonProperty("file_type") String fileType,
            @JsonProperty("external_id") @Nullable String externalId,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("estimated_completion_seconds") int estimatedCompletionSeconds) {}

    @Serdeable
    record Analysis(
            String id,
            String status,
            @JsonProperty("file_name") @Nullable String fileName,
            @JsonProperty("file_type") String fileType,
            @JsonProperty("external_id") @Nullable String externalId,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("completed_at") @Nullable String completedAt,
            @Nullable Result result,
            @Nullable String error) {}

    /**
     * {@code verdict}: authentic, manipulated, inconclusive or unsupported; {@code deepfake_probability} the
     * probability of manipulation and {@code confidence} that of the verdict (both null without a verdict).
     */
    @Serdeable
    record Result(
            String verdict,
            @Nullable Double confidence,
            @JsonProperty("deepfake_probability") @Nullable Double deepfakeProbability,
            String message,
            Map<String, Object> details) {}

    /** Analysis ids carry the contract's {@code da_} prefix before the UUID. */
    static String id(DeepfakeAnalysis analysis) {
        return "da_" + analysis.id();
    }

    static Accepted accepted(DeepfakeAnalysis analysis, int estimatedSeconds) {
        return new Accepted(
                id(analysis),
                analysis.status(),
                analysis.fileName(),
                analysis.fileType(),
                analysis.externalId(),
                ISO.format(analysis.createdAt()),
                estimatedSeconds);
    }

    /** The analysis as it stands: a result once completed, the reason once failed. */
    static Analysis analysis(DeepfakeAnalysis analysis) {
        boolean completed = analysis.status().equals("completed");
        return new Analysis(
                id(analysis),
                analysis.status(),
                analysis.fileName(),
                analysis.fileType(),
                analysis.externalId(),
                ISO.format(analysis.createdAt()),
                analysis.completedAt() == null ? null : ISO.format(analysis.completedAt()),
                completed
                        ? new Result(
                                analysis.verdict(),
                                analysis.confidence(),
                                analysis.deepfakeProbability(),
                                analysis.message(),
                                analysis.details() == null ? Map.of() : analysis.details())
                        : null,
                analysis.status().equals("failed") ? analysis.message() : null);
    }
}
