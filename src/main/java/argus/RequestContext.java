package argus;

import io.micronaut.core.annotation.Nullable;

/**
 * What the client said about the request besides its body: optional {@code X-Session-ID}, {@code X-Device-Info} and
 * {@code X-Geo-Location} (stored with the folder) and {@code Idempotency-Key} (a retried creation returns the first
 * folder).
 */
public record RequestContext(
        @Nullable String sessionId,
        @Nullable String deviceInfo,
        @Nullable String geoLocation,
        @Nullable String idempotencyKey) {

    public static final RequestContext NONE = new RequestContext(null, null, null, null);
}
