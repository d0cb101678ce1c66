package argus.folder;

import argus.vision.MediaKind;

/** Oz media types: a video container or a single photo. */
public enum MediaType {
    VIDEO_FOLDER,
    IMAGE_FOLDER;

    public MediaKind kind() {
        return this == VIDEO_FOLDER ? MediaKind.VIDEO : MediaKind.IMAGE;
    }
}
