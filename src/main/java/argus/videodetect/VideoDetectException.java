package argus.videodetect;

import argus.ArgusException;
import io.micronaut.http.HttpStatus;

/** A refusal of the video-detect contract, with its documented lower-case error code. */
public class VideoDetectException extends ArgusException {

    public VideoDetectException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }

    public static VideoDetectException invalidInput(String message) {
        return new VideoDetectException(HttpStatus.BAD_REQUEST, "invalid_video_input", message);
    }

    public static VideoDetectException invalidMetadata(String message) {
        return new VideoDetectException(HttpStatus.BAD_REQUEST, "invalid_metadata", message);
    }
}
