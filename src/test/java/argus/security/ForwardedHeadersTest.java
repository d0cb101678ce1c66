package argus.security;

import static argus.OzClient.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Download URLs are built on what the client reached: forwarding headers move them only when sent by a trusted proxy
 * (127.0.0.2 here; the test client itself connects from 127.0.0.1), and nothing but http(s) and a host name ever
 * makes it into a URL.
 */
@MicronautTest
@Property(name = "argus.api.trusted-proxies", value = "127.0.0.2")
class ForwardedHeadersTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    private String folder(OzClient admin) {
        Reply created = admin.postFolder(Map.of("photo1", TestMedia.file("liveness/real/tv-real-02.jpg")), "{}");
        assertEquals(201, created.status());
        return (String) created.body().get("folder_id");
    }

    private static String originalUrl(Map<String, Object> folder) {
        return (String) list(folder.get("media")).getFirst().get("original_url");
    }

    @Test
    void headersFromAnUntrustedClientDoNotMoveTheUrls() {
        OzClient admin = new OzClient(http);
        String id = folder(admin);
        String expected = "http://localhost:" + server.getPort() + "/";
        for (Map<String, String> headers : new Map[] {
            Map.of("X-Forwarded-Host", "evil.test", "X-Forwarded-Proto", "https"),
            Map.of("Forwarded", "proto=javascript;host=evil.test"),
            Map.of("X-Forwarded-Proto", "javascript", "X-Forwarded-Port", "666")
        }) {
            var request = HttpRequest.GET("/api/folders/" + id + "/").header(OzClient.TOKEN_HEADER, admin.token());
            headers.forEach(request::header);
            String url = originalUrl(admin.send(request).body());
            assertTrue(url.startsWith(expected), headers + " moved the URL to " + url);
        }
    }

    @Test
    void aTrustedProxyMovesThemButOnlyToHttpAndAHostName() throws Exception {
        OzClient admin = new OzClient(http);
        String id = folder(admin);
        String path = "/api/folders/" + id + "/";
        assertTrue(
                viaProxy(path, admin.token(), "X-Forwarded-Host: argus.partner.example\r\nX-Forwarded-Proto: https\r\n")
                        .startsWith("https://argus.partner.example/"));
        assertTrue(viaProxy(
                        path,
                        admin.token(),
                        "Forwarded: for=198.51.100.7;proto=https;host=\"argus.partner.example:8443\"\r\n")
                .startsWith("https://argus.partner.example:8443/"));
        String scheme = viaProxy(path, admin.token(), "Forwarded: proto=javascript;host=argus.partner.example\r\n");
        assertTrue(scheme.startsWith("http://argus.partner.example/"), "an unknown scheme is ignored: " + scheme);
        String host = viaProxy(path, admin.token(), "X-Forwarded-Host: evil.test/\"><script>alert(1)</script>\r\n");
        assertTrue(
                host.startsWith("http://localhost:" + server.getPort() + "/"), "a malformed host is ignored: " + host);
    }

    /** GET through a raw connection from 127.0.0.2, as a reverse proxy on that address would send it. */
    private String viaProxy(String path, String token, String forwarding) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort()));
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + server.getPort() + "\r\n"
                                    + OzClient.TOKEN_HEADER + ": " + token + "\r\n" + forwarding
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(response);
            }
            String text = response.toString(StandardCharsets.UTF_8);
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            if (text.contains("Transfer-Encoding: chunked") || text.contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return originalUrl(json.readValue(body, OzClient.JSON));
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int end = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, end).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, end + 2, end + 2 + size);
            at = end + 2 + size + 2;
        }
    }
}
