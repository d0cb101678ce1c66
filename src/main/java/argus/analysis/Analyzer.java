package argus.analysis;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One analysis type over the evidence of its source media. */
public interface Analyzer {

    AnalysisType type();

    /** Rejects parameters of the wrong type or range before any work starts. */
    void validate(Map<String, Object> params);

    /** Runs the analysis for a folder of the given company (some analyses search the company's own data). */
    AnalysisOutcome analyze(AnalysisRequest request, List<MediaEvidence> sources, UUID companyId);
}
