package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.analysis.Resolution;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The body of an operator's decision: a verdict under {@code verdictKey} and an optional comment under {@code commentKey}. */
record OperatorVerdict(Resolution resolution, String comment) {

    /** The body of {@code PATCH /api/analyses/{id}/}, for the OpenAPI document. */
    @Schema(description = "an operator's decision on an analysis")
    record OnAnalysis(
            @Schema(
                    name = "resolution_status",
                    allowableValues = {"SUCCESS", "DECLINED"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String resolutionStatus,

            @Schema(name = "resolution_comment", maxLength = 2000)
            String resolutionComment) {}

    /** The body of {@code PATCH /api/folders/{id}/}, for the OpenAPI document. */
    @Schema(description = "an operator's decision on a folder")
    record OnFolder(
            @Schema(
                    name = "operator_status",
                    allowableValues = {"SUCCESS", "DECLINED"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String operatorStatus,

            @Schema(name = "operator_comment", maxLength = 2000)
            String operatorComment) {}

    static OperatorVerdict of(Map<String, Object> body, String verdictKey, String commentKey) {
        Set<String> unknown = new TreeSet<>(body.keySet());
        unknown.removeAll(Set.of(verdictKey, commentKey));
        if (!unknown.isEmpty()) {
            throw new ArgusException(
                    ErrorCode.INVALID_PAYLOAD,
                    "unknown fields %s; an operator decision has %s and %s".formatted(unknown, verdictKey, commentKey));
        }
        if (!(body.get(verdictKey) instanceof String verdict)) {
            throw new ArgusException(ErrorCode.INVALID_PAYLOAD, "%s must be SUCCESS or DECLINED".formatted(verdictKey));
        }
        Object comment = body.getOrDefault(commentKey, "");
        if (comment != null && !(comment instanceof String)) {
            throw new ArgusException(ErrorCode.INVALID_PAYLOAD, commentKey + " must be a string");
        }
        return new OperatorVerdict(parse(verdictKey, verdict), comment == null ? "" : (String) comment);
    }

    /** A verdict name; which verdicts an operator may give is the service's rule. */
    private static Resolution parse(String key, String verdict) {
        Resolution resolution = ListQuery.constant(Resolution.class, verdict);
        if (resolution == null) {
            throw new ArgusException(
                    ErrorCode.INVALID_VALUE,
                    "%s must be SUCCESS or DECLINED, not '%s'".formatted(key, ArgusException.clip(verdict)));
        }
        return resolution;
    }
}
