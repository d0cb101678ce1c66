package argus.api.oz;

import argus.api.ApiConfig;
import argus.api.ClientOrigin;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/**
 * The base of absolute URLs in responses: the configured public URL, else the origin the client reached (forwarding
 * headers only from trusted proxies), else this server's own URL.
 */
@Singleton
class BaseUrls {
    private final ApiConfig config;
    private final ClientOrigin origins;
    private final EmbeddedServer server;

    BaseUrls(ApiConfig config, ClientOrigin origins, EmbeddedServer server) {
        this.config = config;
        this.origins = origins;
        this.server = server;
    }

    String base(HttpRequest<?> request) {
        return trimmed(config.publicBaseUrl()
                .or(() -> origins.baseUrl(request))
                .orElseGet(() -> server.getURL().toString()));
    }

    /** For content sent outside a request (webhooks): the configured public URL, else this server's own URL. */
    String base() {
        return trimmed(config.publicBaseUrl().orElseGet(() -> server.getURL().toString()));
    }

    private static String trimmed(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
