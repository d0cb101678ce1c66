package argus.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import argus.OzClient;
import argus.OzClient.Reply;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Successes and refusals alike carry the strict response headers. */
@MicronautTest
class SecurityHeadersTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void everyResponseCarriesStrictHeaders() {
        OzClient oz = new OzClient(http);
        Reply listed = oz.send(HttpRequest.GET("/api/folders/").header(OzClient.TOKEN_HEADER, oz.token()));
        Reply anonymous = oz.send(HttpRequest.GET("/api/folders/"));
        Reply unknownRoute = oz.send(HttpRequest.GET("/api/no-such-thing/").header(OzClient.TOKEN_HEADER, oz.token()));
        assertEquals(List.of(200, 401, 404), List.of(listed.status(), anonymous.status(), unknownRoute.status()));
        for (Reply reply : List.of(listed, anonymous, unknownRoute)) {
            var headers = reply.response().getHeaders();
            assertEquals("nosniff", headers.get("X-Content-Type-Options"));
            assertEquals("DENY", headers.get("X-Frame-Options"));
            assertEquals("no-store", headers.get("Cache-Control"));
            assertEquals("no-referrer", headers.get("Referrer-Policy"));
            assertEquals("default-src 'none'; frame-ancestors 'none'; sandbox", headers.get("Content-Security-Policy"));
        }
    }
}
