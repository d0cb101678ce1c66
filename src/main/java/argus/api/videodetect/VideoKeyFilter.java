package argus.api.videodetect;

import argus.ArgusException;
import argus.ErrorCode;
import argus.videodetect.ApiKey;
import argus.videodetect.VideoDetectService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The video-detect contract authenticates with {@code X-API-Key}; a missing, unknown or revoked key is 401. */
@ServerFilter("/api/v1/**")
public class VideoKeyFilter {
    static final String KEY_ATTRIBUTE = "argus.apiKey";

    private final VideoDetectService service;

    public VideoKeyFilter(VideoDetectService service) {
        this.service = service;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void authenticate(HttpRequest<?> request) {
        ApiKey key = service.key(request.getHeaders().get("X-API-Key"))
                .orElseThrow(() -> new ArgusException(ErrorCode.INVALID_KEY, "missing or invalid API key"));
        request.setAttribute(KEY_ATTRIBUTE, key);
    }
}
