package argus.api;

/**
 * Which contract a request path belongs to, where the service must answer in that contract's own way (error bodies,
 * JSON bytes, how a body's declared type is read): the Oz API is {@code /api/...}, except the video-detect contract
 * ({@code /api/v1/...}) and the audio authenticity contract ({@code /api/technology/...}).
 */
final class ContractPaths {
    private static final String OZ = "/api/";
    private static final String VIDEO_DETECT = "/api/v1/";
    private static final String AUTHENTICITY = "/api/technology/";

    private ContractPaths() {}

    static boolean videoDetect(String path) {
        return path.startsWith(VIDEO_DETECT);
    }

    static boolean oz(String path) {
        return path.startsWith(OZ) && !videoDetect(path) && !path.startsWith(AUTHENTICITY);
    }
}
