package argus.analysis;

import java.util.List;

/** One analysis type over the evidence of its source media. */
public interface Analyzer {

    AnalysisType type();

    /** Rejects parameters of the wrong type or range before any work starts. */
    void validate(java.util.Map<String, Object> params);

    AnalysisOutcome analyze(AnalysisRequest request, List<MediaEvidence> sources);
}
