package argus.blacklist;

import argus.ArgusException;
import argus.analysis.AnalysisOutcome;
import argus.analysis.AnalysisRequest;
import argus.analysis.AnalysisType;
import argus.analysis.Analyzer;
import argus.analysis.MediaEvidence;
import argus.analysis.MediaResult;
import argus.analysis.Resolution;
import argus.vision.FaceEmbedder;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * BLACKLIST: the face of each source media is searched among the persons enrolled in the company's collections (all
 * of them, or those named in {@code params.collection_ids}). The best matches are reported with their calibrated
 * confidence; a match at or above the threshold (default 0.85) DECLINES the media.
 */
@Singleton
public class BlacklistAnalyzer implements Analyzer {
    static final String THRESHOLD = "threshold_blacklist";
    static final String COLLECTIONS = "collection_ids";
    static final double DEFAULT_THRESHOLD = 0.85;
    private static final int MATCHES = 5;

    private final FaceIndex index;

    public BlacklistAnalyzer(FaceIndex index) {
        this.index = index;
    }

    @Override
    public AnalysisType type() {
        return AnalysisType.BLACKLIST;
    }

    @Override
    public void validate(Map<String, Object> params) {
        threshold(params);
        collections(params);
    }

    @Override
    public AnalysisOutcome analyze(AnalysisRequest request, List<MediaEvidence> sources, UUID companyId) {
        double threshold = threshold(request.params());
        Set<UUID> within = collections(request.params());
        List<MediaResult> results = new ArrayList<>();
        double overall = 0;
        for (MediaEvidence evidence : sources) {
            Optional<float[]> embedding = evidence.embedding();
            if (embedding.isEmpty()) {
                results.add(MediaResult.failed(evidence.mediaId(), "NO_FACE_DETECTED", "no single prominent face was found in the media"));
                continue;
            }
            FaceEmbedder embedder = evidence.models().embedder();
            List<Map<String, Object>> matches = new ArrayList<>();
            double best = 0;
            for (Gallery.Hit hit : index.search(companyId, embedding.get(), MATCHES, within)) {
                double confidence = Math.round(embedder.calibrated(hit.cosine()) * 1e6) / 1e6;
                best = Math.max(best, confidence);
                Map<String, Object> match = new LinkedHashMap<>();
                match.put("person_id", hit.personId().toString());
                match.put("image_id", hit.imageId().toString());
                match.put("collection_id", hit.collectionId().toString());
                match.put("confidence", confidence);
                matches.add(match);
            }
            overall = Math.max(overall, best);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("max_confidence", best);
            data.put("matches", matches);
            results.add(new MediaResult(evidence.mediaId(), best >= threshold ? Resolution.DECLINED : Resolution.SUCCESS, data, null, null, List.of()));
        }
        Map<String, Object> summary = results.stream().anyMatch(r -> r.resolution() != Resolution.FAILED)
                ? Map.of("max_confidence", overall) : null;
        return AnalysisOutcome.of(results, summary, List.of());
    }

    private static double threshold(Map<String, Object> params) {
        Object value = params.get(THRESHOLD);
        if (value == null) {
            return DEFAULT_THRESHOLD;
        }
        if (!(value instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 1) {
            throw ArgusException.badRequest("INVALID_PARAMS", "params.%s must be a number between 0 and 1".formatted(THRESHOLD));
        }
        return number.doubleValue();
    }

    private static Set<UUID> collections(Map<String, Object> params) {
        Object value = params.get(COLLECTIONS);
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ArgusException.badRequest("INVALID_PARAMS", "params.%s must be a list of collection ids".formatted(COLLECTIONS));
        }
        Set<UUID> ids = new HashSet<>();
        for (Object item : list) {
            try {
                ids.add(UUID.fromString(String.valueOf(item)));
            } catch (IllegalArgumentException e) {
                throw ArgusException.badRequest("INVALID_PARAMS", "params.%s holds something that is not a collection id".formatted(COLLECTIONS));
            }
        }
        return ids;
    }
}
