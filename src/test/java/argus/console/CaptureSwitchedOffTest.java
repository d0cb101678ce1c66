package argus.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ARGUS_CONSOLE_CAPTURE=false}: neither the capture page nor its upload route exists, and no link leads there. */
@MicronautTest
@Property(name = "argus.console.capture", value = "false")
class CaptureSwitchedOffTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Test
    void theCapturePageIsGone() throws Exception {
        new OzClient(http).token();
        java.net.http.HttpClient web = java.net.http.HttpClient.newHttpClient();
        String form = "email=" + URLEncoder.encode(OzClient.ADMIN_EMAIL, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(OzClient.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = web.send(
                HttpRequest.newBuilder(uri("/console/sign-in"))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> folders = web.send(
                HttpRequest.newBuilder(uri("/console/folders"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, folders.statusCode());
        assertTrue(folders.body().contains("id=\"templates-link\""), "the navigation is there");
        assertFalse(folders.body().contains("capture-link"), "but without the capture page");
        HttpResponse<String> capture = web.send(
                HttpRequest.newBuilder(uri("/console/capture"))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, capture.statusCode());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }
}
