package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.analysis.Resolution;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** An operator's decision, read from the body of either route: a verdict and a comment (empty when none was given). */
record OperatorVerdict(Resolution resolution, String comment) {

    /** The body of {@code PATCH /api/analyses/{id}/}. */
    @Serdeable
    @Schema(description = "an operator's decision on an analysis")
    static final class OnAnalysis extends Body {
        @JsonProperty("resolution_status")
        @Schema(
                name = "resolution_status",
                allowableValues = {"SUCCESS", "DECLINED"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        private String resolutionStatus;

        @JsonProperty("resolution_comment")
        @Schema(name = "resolution_comment", maxLength = 2000)
        @Nullable
        private String resolutionComment;

        public void setResolutionStatus(@Nullable String resolutionStatus) {
            this.resolutionStatus = resolutionStatus;
        }

        public void setResolutionComment(@Nullable String resolutionComment) {
            this.resolutionComment = resolutionComment;
        }

        OperatorVerdict verdict() {
            return of("resolution_status", resolutionStatus, "resolution_comment", resolutionComment, others());
        }
    }

    /** The body of {@code PATCH /api/folders/{id}/}. */
    @Serdeable
    @Schema(description = "an operator's decision on a folder")
    static final class OnFolder extends Body {
        @JsonProperty("operator_status")
        @Schema(
                name = "operator_status",
                allowableValues = {"SUCCESS", "DECLINED"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        private String operatorStatus;

        @JsonProperty("operator_comment")
        @Schema(name = "operator_comment", maxLength = 2000)
        @Nullable
        private String operatorComment;

        public void setOperatorStatus(@Nullable String operatorStatus) {
            this.operatorStatus = operatorStatus;
        }

        public void setOperatorComment(@Nullable String operatorComment) {
            this.operatorComment = operatorComment;
        }

        OperatorVerdict verdict() {
            return of("operator_status", operatorStatus, "operator_comment", operatorComment, others());
        }
    }

    /** A decision body's fields that are none of its own, collected to be refused by name. */
    abstract static class Body {
        private final Map<String, Object> others = new TreeMap<>();

        @JsonAnySetter
        public void other(String name, @Nullable Object value) {
            others.put(name, value);
        }

        Set<String> others() {
            return others.keySet();
        }
    }

    private static OperatorVerdict of(
            String verdictKey,
            @Nullable String verdict,
            String commentKey,
            @Nullable String comment,
            Set<String> unknown) {
        if (!unknown.isEmpty()) {
            throw new ArgusException(
                    ErrorCode.INVALID_PAYLOAD,
                    "unknown fields %s; an operator decision has %s and %s".formatted(unknown, verdictKey, commentKey));
        }
        if (verdict == null) {
            throw new ArgusException(ErrorCode.INVALID_PAYLOAD, "%s must be SUCCESS or DECLINED".formatted(verdictKey));
        }
        Resolution resolution = ListQuery.constant(Resolution.class, verdict);
        if (resolution == null) {
            throw new ArgusException(
                    ErrorCode.INVALID_VALUE,
                    "%s must be SUCCESS or DECLINED, not '%s'".formatted(verdictKey, ArgusException.clip(verdict)));
        }
        return new OperatorVerdict(resolution, comment == null ? "" : comment);
    }
}
