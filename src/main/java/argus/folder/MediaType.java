package argus.folder;

/** Oz media types: a video container or a single photo. */
public enum MediaType {
    VIDEO_FOLDER,
    IMAGE_FOLDER
}
