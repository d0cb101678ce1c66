package argus.blacklist;

import argus.ArgusException;
import argus.ErrorCode;
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
 * BLACKLIST (COLLECTION in Oz 5.x–6.x): the face of each source media is searched among the persons enrolled in the
 * company's collections (all of them, or the one of {@code params.collection_id}, or those of
 * {@code params.collection_ids}). The best matches ({@code params.decision_count}, default 5) are reported with their
 * calibrated confidence, the best one also as the media's {@code person_id}/{@code person_image_id}; a match at or
 * above the threshold ({@code params.threshold_blacklist} or {@code params.decision_threshold}, default 0.85)
 * DECLINES the media.
 */
@Singleton
public class BlacklistAnalyzer implements Analyzer {
    static final String THRESHOLD = "threshold_blacklist";
    static final String DECISION_THRESHOLD = "decision_threshold";
    static final String COLLECTIONS = "collection_ids";
    public static final String COLLECTION = "collection_id";
    static final String DECISION_COUNT = "decision_count";
    static final double DEFAULT_THRESHOLD = 0.85;
    private static final int DEFAULT_MATCHES = 5;
    private static final int MAX_MATCHES = 100;

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
        matches(params);
    }

    @Override
    public AnalysisOutcome analyze(AnalysisRequest request, List<MediaEvidence> sources, UUID companyId) {
        double threshold = threshold(request.params());
        Set<UUID> within = collections(request.params());
        int count = matches(request.params());
        List<MediaResult> results = new ArrayList<>();
        double overall = 0;
        for (MediaEvidence evidence : sources) {
            Optional<float[]> embedding = evidence.embedding();
            if (embedding.isEmpty()) {
                results.add(MediaResult.failed(
                        evidence.mediaId(),
                        ErrorCode.NO_FACE_DETECTED,
                        "no single prominent face was found in the media"));
                continue;
            }
            FaceEmbedder embedder = evidence.models().embedder();
            List<Map<String, Object>> matches = new ArrayList<>();
            double best = 0;
            Map<String, Object> bestMatch = null;
            for (Gallery.Hit hit : index.search(companyId, embedding.get(), count, within)) {
                double confidence = Math.round(embedder.calibrated(hit.cosine()) * 1e6) / 1e6;
                best = Math.max(best, confidence);
                Map<String, Object> match = new LinkedHashMap<>();
                match.put("person_id", hit.personId().toString());
                match.put("person_image_id", hit.imageId().toString());
                match.put("image_id", hit.imageId().toString());
                match.put("collection_id", hit.collectionId().toString());
                match.put("confidence", confidence);
                matches.add(match);
                if (bestMatch == null || confidence > (double) bestMatch.get("confidence")) {
                    bestMatch = match;
                }
            }
            overall = Math.max(overall, best);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("max_confidence", best);
            data.put("person_id", bestMatch == null ? null : bestMatch.get("person_id"));
            data.put("person_image_id", bestMatch == null ? null : bestMatch.get("person_image_id"));
            data.put("matches", matches);
            results.add(new MediaResult(
                    evidence.mediaId(),
                    best >= threshold ? Resolution.DECLINED : Resolution.SUCCESS,
                    data,
                    null,
                    null,
                    List.of()));
        }
        if (results.stream().allMatch(r -> r.resolution() == Resolution.FAILED)) {
            return AnalysisOutcome.of(results, null, List.of());
        }
        return AnalysisOutcome.of(results, Map.of("max_confidence", overall), List.of())
                .scored(overall, threshold);
    }

    private static double threshold(Map<String, Object> params) {
        String name = params.containsKey(THRESHOLD) ? THRESHOLD : DECISION_THRESHOLD;
        Object value = params.get(name);
        if (value == null) {
            return DEFAULT_THRESHOLD;
        }
        if (!(value instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 1) {
            throw new ArgusException(
                    ErrorCode.INVALID_PARAMS, "params.%s must be a number between 0 and 1".formatted(name));
        }
        return number.doubleValue();
    }

    private static int matches(Map<String, Object> params) {
        Object value = params.get(DECISION_COUNT);
        if (value == null) {
            return DEFAULT_MATCHES;
        }
        if (!(value instanceof Number number)
                || number.doubleValue() != Math.rint(number.doubleValue())
                || number.intValue() < 1
                || number.intValue() > MAX_MATCHES) {
            throw new ArgusException(
                    ErrorCode.INVALID_PARAMS,
                    "params.%s must be an integer from 1 to %d".formatted(DECISION_COUNT, MAX_MATCHES));
        }
        return number.intValue();
    }

    private static Set<UUID> collections(Map<String, Object> params) {
        Set<UUID> ids = new HashSet<>();
        Object one = params.get(COLLECTION);
        if (one != null) {
            ids.add(collectionId(one, COLLECTION));
        }
        Object value = params.get(COLLECTIONS);
        if (value == null) {
            return ids;
        }
        if (!(value instanceof List<?> list)) {
            throw new ArgusException(
                    ErrorCode.INVALID_PARAMS, "params.%s must be a list of collection ids".formatted(COLLECTIONS));
        }
        for (Object item : list) {
            ids.add(collectionId(item, COLLECTIONS));
        }
        return ids;
    }

    private static UUID collectionId(Object value, String name) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ArgusException(
                    ErrorCode.INVALID_PARAMS, "params.%s holds something that is not a collection id".formatted(name));
        }
    }
}
