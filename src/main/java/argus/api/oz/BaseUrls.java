package argus.api.oz;

import argus.api.ApiConfig;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/** The base of absolute URLs in responses: the configured public URL, else the request's host. */
@Singleton
class BaseUrls {
    private final ApiConfig config;
    private final HttpHostResolver hosts;
    private final EmbeddedServer server;

    BaseUrls(ApiConfig config, HttpHostResolver hosts, EmbeddedServer server) {
        this.config = config;
        this.hosts = hosts;
        this.server = server;
    }

    String base(HttpRequest<?> request) {
        return trimmed(config.publicBaseUrl().orElseGet(() -> hosts.resolve(request)));
    }

    /** For content sent outside a request (webhooks): the configured public URL, else this server's own URL. */
    String base() {
        return trimmed(config.publicBaseUrl().orElseGet(() -> server.getURL().toString()));
    }

    private static String trimmed(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
