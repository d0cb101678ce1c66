package argus.vision;

import io.micronaut.core.annotation.Nullable;

/**
 * What probing a media file found, before any frame is decoded. Width and height are as displayed, after rotation.
 *
 * @param container FFmpeg's demuxer name for videos, the image format for photos
 * @param rotation  clockwise degrees (0, 90, 180, 270) the stored picture must be turned to be displayed upright
 */
public record MediaInfo(
        MediaKind kind,
        String container,
        String codec,
        int width,
        int height,
        @Nullable Double durationSeconds,
        @Nullable Double fps,
        int rotation,
        @Nullable Long frameCount) {

    public String contentType() {
        if (kind == MediaKind.SHOTS) {
            return "application/zip";
        }
        return switch (codec) {
            case "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "webp" -> "image/webp";
            default ->
                container.contains("webm")
                        ? "video/webm"
                        : container.contains("matroska")
                                ? "video/x-matroska"
                                : container.contains("avi")
                                        ? "video/x-msvideo"
                                        : container.contains("mov") ? "video/mp4" : "application/octet-stream";
        };
    }
}
