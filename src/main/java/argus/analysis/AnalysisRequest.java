package argus.analysis;

import java.util.Map;

/** One analysis a client asked for, already validated. */
public record AnalysisRequest(AnalysisType type, Map<String, Object> params, Map<String, Object> metaData) {
}
