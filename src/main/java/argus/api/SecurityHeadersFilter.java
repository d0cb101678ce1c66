package argus.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Strict headers on every response: nothing is sniffed, framed, cached or given a referrer, and no content may run
 * scripts. Responses carry biometric data (folder JSON, selfies), so no shared or browser cache may keep them.
 */
@ServerFilter("/**")
public class SecurityHeadersFilter {
    private static final String POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
    private static final String API_DOCUMENTATION_PAGE = "/swagger-ui/";
    /** The Swagger UI page runs its own scripts and styles (some inline) and nothing from elsewhere; it holds no data. */
    private static final String DOCUMENTATION_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    /**
     * The analysts' console: its own styles and script only, media and images from Argus, forms and the capture page's
     * upload sent to Argus; no inline script or style, so that text that slipped through escaping still could not run.
     */
    private static final String CONSOLE_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                    + "media-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * Console forms must carry their real Origin (under "no-referrer" a browser sends {@code Origin: null}, which the
     * server's cross-origin protection refuses); nothing is sent to other sites.
     */
    private static final String CONSOLE_REFERRER = "same-origin";

    private static String policy(String path) {
        if (path.startsWith(API_DOCUMENTATION_PAGE)) {
            return DOCUMENTATION_POLICY;
        }
        return console(path) ? CONSOLE_POLICY : POLICY;
    }

    private static boolean console(String path) {
        return path.startsWith("/console/") || path.equals("/console");
    }

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", policy(request.getPath()));
        headers.set("Referrer-Policy", console(request.getPath()) ? CONSOLE_REFERRER : "no-referrer");
        headers.set("Cache-Control", "no-store");
        if (request.isSecure()) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
