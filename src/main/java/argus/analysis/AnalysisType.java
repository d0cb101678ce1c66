package argus.analysis;

import argus.ArgusException;
import argus.vision.MediaKind;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The analyses the engine runs; clients may spell them in any case. */
public enum AnalysisType {
    QUALITY,
    BIOMETRY,
    BLACKLIST;

    /**
     * Oz's rules of assigning analyses when the client names no source media: liveness looks at every video and at
     * every photo that is not an identity document; biometry and blacklist use every media but the back of a document.
     */
    public boolean appliesTo(MediaKind kind, List<String> tags) {
        return switch (this) {
            case QUALITY -> kind == MediaKind.VIDEO || tags.stream().noneMatch(tag -> tag.startsWith("photo_id"));
            case BIOMETRY, BLACKLIST -> !tags.contains("photo_id_back");
        };
    }

    public static AnalysisType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ArgusException.badRequest("UNSUPPORTED_ANALYSIS_TYPE", "unknown analysis type '%s'; supported: %s".formatted(
                    name, Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
        }
    }
}
