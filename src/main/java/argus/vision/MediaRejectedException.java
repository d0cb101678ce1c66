package argus.vision;

import argus.ArgusException;
import io.micronaut.http.HttpStatus;

/** A file that is not media the service accepts, or media it refuses to decode. */
public class MediaRejectedException extends ArgusException {

    public MediaRejectedException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }

    public static MediaRejectedException unsupported(String message) {
        return new MediaRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", message);
    }

    public static MediaRejectedException corrupt(String message) {
        return new MediaRejectedException(HttpStatus.BAD_REQUEST, "MEDIA_CORRUPT", message);
    }

    public static MediaRejectedException truncated(String message) {
        return new MediaRejectedException(HttpStatus.BAD_REQUEST, "MEDIA_TRUNCATED", message);
    }

    public static MediaRejectedException empty() {
        return new MediaRejectedException(HttpStatus.BAD_REQUEST, "EMPTY_FILE", "the file is empty");
    }

    public static MediaRejectedException limitExceeded(String message) {
        return new MediaRejectedException(HttpStatus.BAD_REQUEST, "MEDIA_LIMIT_EXCEEDED", message);
    }
}
