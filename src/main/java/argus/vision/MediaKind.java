package argus.vision;

/** A photo, a video, or a shot set (a ZIP of frames, which the analyses treat as a video). */
public enum MediaKind {
    IMAGE,
    VIDEO,
    SHOTS;

    /** Whether the media is a sequence of frames rather than one photo. */
    public boolean moving() {
        return this != IMAGE;
    }
}
