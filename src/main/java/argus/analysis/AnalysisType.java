package argus.analysis;

import argus.ArgusException;
import argus.ErrorCode;
import argus.vision.MediaKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The analyses clients ask for, in any case. {@code liveness} is the early Oz SDKs' name of QUALITY; COLLECTION is
 * the 5.x–6.x name of the blacklist search and runs as BLACKLIST; DOCUMENTS (document OCR) is part of the contract
 * but not of this service, so it ends FAILED as not realized.
 */
public enum AnalysisType {
    QUALITY,
    BIOMETRY,
    BLACKLIST,
    COLLECTION,
    DOCUMENTS;

    private static final Map<String, AnalysisType> ALIASES = Map.of("LIVENESS", QUALITY);

    /**
     * Oz's rules of assigning analyses when the client names no source media: liveness looks at every video or shot
     * set and at every photo that is not an identity document; biometry and the collection search use every media but
     * the back of a document; documents use the photos of a document.
     */
    public boolean appliesTo(MediaKind kind, List<String> tags) {
        return switch (this) {
            case QUALITY -> kind.moving() || tags.stream().noneMatch(tag -> tag.startsWith("photo_id"));
            case BIOMETRY, BLACKLIST, COLLECTION -> !tags.contains("photo_id_back");
            case DOCUMENTS -> kind == MediaKind.IMAGE && tags.stream().anyMatch(tag -> tag.startsWith("photo_id"));
        };
    }

    /** The analyzer that runs this type. */
    public AnalysisType engine() {
        return this == COLLECTION ? BLACKLIST : this;
    }

    public static AnalysisType parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT);
        try {
            return ALIASES.containsKey(key) ? ALIASES.get(key) : valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new ArgusException(
                    ErrorCode.UNSUPPORTED_ANALYSIS_TYPE,
                    "unknown analysis type '%s'; supported: %s, liveness"
                            .formatted(
                                    name,
                                    Arrays.stream(values())
                                            .map(t -> t.name().toLowerCase(Locale.ROOT))
                                            .collect(Collectors.joining(", "))));
        }
    }
}
