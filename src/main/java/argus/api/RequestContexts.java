package argus.api;

import argus.ArgusException;
import argus.ErrorCode;
import argus.RequestContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

/** Reads the optional request-context headers, stripped of control characters and cut to a bounded length. */
public final class RequestContexts {
    public static final String SESSION = "X-Session-ID";
    public static final String DEVICE = "X-Device-Info";
    public static final String GEO = "X-Geo-Location";
    public static final String IDEMPOTENCY = "Idempotency-Key";

    private RequestContexts() {}

    public static RequestContext of(HttpRequest<?> request) {
        String key = request.getHeaders().get(IDEMPOTENCY);
        if (key != null && (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127))) {
            throw new ArgusException(
                    ErrorCode.INVALID_IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces");
        }
        return new RequestContext(
                clean(request.getHeaders().get(SESSION), 255),
                clean(request.getHeaders().get(DEVICE), 1000),
                clean(request.getHeaders().get(GEO), 255),
                key);
    }

    private static @Nullable String clean(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("\\p{Cntrl}", "").trim();
        if (cleaned.isEmpty()) {
            return null;
        }
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
    }
}
