package argus.analysis;

import argus.ErrorCode;
import argus.vision.FaceEmbedder;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * BIOMETRY (face match): every pair of source media is compared by the calibrated similarity of their face
 * embeddings; the folder's person is confirmed (SUCCESS) only when even the least similar pair reaches the threshold.
 */
@Singleton
public class BiometryAnalyzer implements Analyzer {
    static final String THRESHOLD = "threshold_biometry";
    public static final double DEFAULT_THRESHOLD = 0.85;

    @Override
    public AnalysisType type() {
        return AnalysisType.BIOMETRY;
    }

    @Override
    public void validate(Map<String, Object> params) {
        Params.threshold(params, THRESHOLD, DEFAULT_THRESHOLD);
    }

    @Override
    public AnalysisOutcome analyze(AnalysisRequest request, List<MediaEvidence> sources, UUID companyId) {
        double threshold = Params.threshold(request.params(), THRESHOLD, DEFAULT_THRESHOLD);
        if (sources.size() < 2) {
            return AnalysisOutcome.unresolved(
                    List.of(),
                    "BIOMETRY_NEEDS_TWO_MEDIA",
                    "biometry compares faces of at least two media; the folder has %d".formatted(sources.size()));
        }
        List<float[]> embeddings = new ArrayList<>();
        List<MediaResult> failures = new ArrayList<>();
        for (MediaEvidence evidence : sources) {
            Optional<float[]> embedding = evidence.embedding();
            embedding.ifPresent(embeddings::add);
            if (embedding.isEmpty()) {
                failures.add(MediaResult.failed(
                        evidence.mediaId(),
                        ErrorCode.NO_FACE_DETECTED,
                        "no single prominent face was found in the media"));
            }
        }
        if (!failures.isEmpty()) {
            MediaResult first = failures.getFirst();
            return AnalysisOutcome.unresolved(failures, first.errorCode(), first.errorMessage());
        }
        FaceEmbedder embedder = sources.getFirst().models().embedder();
        int n = sources.size();
        double[] min = new double[n];
        double[] max = new double[n];
        java.util.Arrays.fill(min, 1);
        double overallMin = 1;
        double overallMax = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double similarity = Scores.round(embedder.similarity(embeddings.get(i), embeddings.get(j)));
                min[i] = Math.min(min[i], similarity);
                min[j] = Math.min(min[j], similarity);
                max[i] = Math.max(max[i], similarity);
                max[j] = Math.max(max[j], similarity);
                overallMin = Math.min(overallMin, similarity);
                overallMax = Math.max(overallMax, similarity);
            }
        }
        List<MediaResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Resolution resolution = min[i] >= threshold ? Resolution.SUCCESS : Resolution.DECLINED;
            results.add(new MediaResult(
                    sources.get(i).mediaId(), resolution, confidences(max[i], min[i]), null, null, List.of()));
        }
        return AnalysisOutcome.of(results, confidences(overallMax, overallMin), List.of())
                .scored(overallMin, threshold);
    }

    private static Map<String, Object> confidences(double max, double min) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("max_confidence", max);
        data.put("min_confidence", min);
        return data;
    }
}
