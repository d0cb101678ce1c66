package argus.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.EngineSlots;
import argus.OzClient;
import argus.TestJwts;
import argus.analysis.AnalysisEngine;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An upload refused before its body is read (over the size limit, engine or queue full) reaches a client that
 * writes its whole body before reading, as Python {@code requests} and many SDKs do, as its refusal within seconds:
 * the server answers, closes its side and drains the rest, instead of leaving the client blocked until its own
 * time-out.
 */
@MicronautTest
@Property(name = "micronaut.server.max-request-size", value = "4MB")
@Property(name = "micronaut.server.multipart.max-file-size", value = "4MB")
class RefusedUploadTest {
    private static final int BODY_BYTES = 12 * 1024 * 1024;
    private static final long BOUND_MS = 10_000;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AnalysisEngine engine;

    /** Writes headers and the whole body, then reads the status line, as a write-then-read client does. */
    private String writeAllThenRead(String path, Map<String, String> headers) throws Exception {
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.setSoTimeout((int) BOUND_MS);
            String boundary = "argus-test-boundary";
            String head = "--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mp4\"\r\nContent-Type: video/mp4\r\n\r\n";
            String tail = "\r\n--" + boundary + "--\r\n";
            StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            headers.forEach((name, value) ->
                    request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Content-Type: multipart/form-data; boundary=")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Length: ")
                    .append(head.length() + BODY_BYTES + tail.length())
                    .append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    for (int written = 0; written < BODY_BYTES; written += chunk.length) {
                        out.write(chunk);
                    }
                    out.write(tail.getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException closedByServer) {
                    // a server may also close once the refusal is out; the client then reads what it was sent
                }
            });
            writer.join(BOUND_MS);
            if (writer.isAlive()) {
                return "blocked: the server stopped reading without closing";
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[256];
            int read = in.read(buffer);
            return read < 0
                    ? "closed without an answer"
                    : new String(buffer, 0, read, StandardCharsets.US_ASCII).split("\r\n")[0];
        }
    }

    @Test
    void oversizedUploadsGetTheir413OnEveryEndpoint() throws Exception {
        OzClient admin = new OzClient(http);
        String token = admin.token();
        String folder = (String) admin.post("/api/folders/", Map.of()).body().get("folder_id");
        String collection = (String) admin.post("/api/collections/", Map.of("alias", "limits"))
                .body()
                .get("collection_id");
        String company = (String) admin.get("/api/users/me/").body().get("company_id");
        String slug = "limits-" + UUID.randomUUID().toString().substring(0, 6);
        admin.send(HttpRequest.PUT(
                        "/api/companies/" + company + "/video-tenant/", Map.of("tenant_slug", slug, "credits", 10))
                .header(OzClient.TOKEN_HEADER, token));
        String apiKey = (String)
                admin.post("/api/companies/" + company + "/api-keys/", Map.of("scopes", List.of("detection:write")))
                        .body()
                        .get("api_key");
        String jwt = TestJwts.hs256(OzClient.ADMIN_EMAIL, Instant.now().getEpochSecond() + 600, TestJwts.SECRET);

        Map<String, Map<String, String>> endpoints = Map.of(
                "/api/folders/",
                Map.of(OzClient.TOKEN_HEADER, token),
                "/api/folders/" + folder + "/media/",
                Map.of(OzClient.TOKEN_HEADER, token),
                "/api/instant/folders/",
                Map.of(OzClient.TOKEN_HEADER, token),
                "/api/collections/" + collection + "/persons/",
                Map.of(OzClient.TOKEN_HEADER, token),
                "/api-gateway/avf/infer",
                Map.of("Authorization", "Bearer " + jwt),
                "/api/technology/experimental/authenticity-verification",
                Map.of("Authorization", "Bearer " + token),
                "/v1/deepfake-detection/analyze",
                Map.of("x-api-key", token),
                "/api/v1/" + slug + "/video/detect",
                Map.of("X-API-Key", apiKey));
        List<String> failures = new ArrayList<>();
        for (var endpoint : endpoints.entrySet()) {
            long started = System.currentTimeMillis();
            String answer = writeAllThenRead(endpoint.getKey(), endpoint.getValue());
            long took = System.currentTimeMillis() - started;
            if (!answer.startsWith("HTTP/1.1 413") || took > BOUND_MS) {
                failures.add(endpoint.getKey() + ": " + answer + " after " + took + " ms");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void uploadsRefusedForOverloadOrWithoutATokenAreAnsweredToo() throws Exception {
        assertTrue(writeAllThenRead("/api/folders/", Map.of()).startsWith("HTTP/1.1 401"));
        String token = new OzClient(http).token();
        try (EngineSlots ignored = new EngineSlots(engine)) {
            String answer = writeAllThenRead("/api/folders/", Map.of(OzClient.TOKEN_HEADER, token));
            assertTrue(answer.startsWith("HTTP/1.1 429"), answer);
        }
        assertTrue(new OzClient(http).get("/api/users/me/").status() == 200, "the server serves on afterwards");
    }
}
