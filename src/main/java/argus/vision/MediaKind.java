package argus.vision;

public enum MediaKind {
    IMAGE,
    VIDEO
}
