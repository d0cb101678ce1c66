package argus.folder;

import argus.ArgusException;
import argus.ErrorCode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The tags Oz clients put on media; anything else is refused so that a typo cannot silently change the analyses. */
public final class MediaTags {
    public static final Set<String> KNOWN = Set.of(
            "video_selfie",
            "video_selfie_left",
            "video_selfie_right",
            "video_selfie_down",
            "video_selfie_high",
            "video_selfie_smile",
            "video_selfie_eyes",
            "video_selfie_scan",
            "video_selfie_blank",
            "video_selfie_oneshot",
            "video_selfie_zoom_in",
            "video_selfie_zoom_out",
            "video_selfie_best",
            "orientation_portrait",
            "orientation_landscape",
            "photo_selfie",
            "photo_id",
            "photo_id_front",
            "photo_id_back");

    private MediaTags() {}

    public static void validate(String mediaKey, List<String> tags) {
        for (String tag : tags) {
            if (!KNOWN.contains(tag)) {
                throw new ArgusException(
                        ErrorCode.UNKNOWN_TAG,
                        "media '%s': unknown tag '%s'; known tags: %s"
                                .formatted(
                                        mediaKey, ArgusException.clip(tag), String.join(", ", new TreeSet<>(KNOWN))));
            }
        }
    }
}
