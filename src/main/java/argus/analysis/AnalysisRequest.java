package argus.analysis;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One analysis a client asked for, already validated. {@code sourceMedia} names the media to analyse; when null, the
 * media are chosen by Oz's rules from their kind and tags.
 */
public record AnalysisRequest(
        AnalysisType type,
        Map<String, Object> params,
        Map<String, Object> metaData,
        @Nullable List<UUID> sourceMedia) {

    public AnalysisRequest(AnalysisType type, Map<String, Object> params, Map<String, Object> metaData) {
        this(type, params, metaData, null);
    }
}
