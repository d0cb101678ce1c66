package argus.folder;

import argus.vision.MediaKind;

/** Oz media types: a video container, a single photo, or a shot set (a ZIP archive of frames). */
public enum MediaType {
    VIDEO_FOLDER,
    IMAGE_FOLDER,
    SHOTS_FOLDER;

    public MediaKind kind() {
        return switch (this) {
            case VIDEO_FOLDER -> MediaKind.VIDEO;
            case IMAGE_FOLDER -> MediaKind.IMAGE;
            case SHOTS_FOLDER -> MediaKind.SHOTS;
        };
    }

    public static MediaType of(MediaKind kind) {
        return switch (kind) {
            case VIDEO -> VIDEO_FOLDER;
            case IMAGE -> IMAGE_FOLDER;
            case SHOTS -> SHOTS_FOLDER;
        };
    }
}
