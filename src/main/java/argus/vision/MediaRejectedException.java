package argus.vision;

import argus.ArgusException;
import argus.ErrorCode;

/** A file that is not media the service accepts, or media it refuses to decode. */
public class MediaRejectedException extends ArgusException {

    public MediaRejectedException(ErrorCode code, String message) {
        super(code, message);
    }

    public static MediaRejectedException unsupported(String message) {
        return new MediaRejectedException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
    }

    public static MediaRejectedException corrupt(String message) {
        return new MediaRejectedException(ErrorCode.MEDIA_CORRUPT, message);
    }

    public static MediaRejectedException truncated(String message) {
        return new MediaRejectedException(ErrorCode.MEDIA_TRUNCATED, message);
    }

    public static MediaRejectedException empty() {
        return new MediaRejectedException(ErrorCode.EMPTY_FILE, "the file is empty");
    }

    public static MediaRejectedException limitExceeded(String message) {
        return new MediaRejectedException(ErrorCode.MEDIA_LIMIT_EXCEEDED, message);
    }
}
