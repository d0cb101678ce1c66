package argus.bench;

import argus.ServerProcess;
import argus.TestMedia;
import argus.TestVideos;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmark and the reliability run share: the server process, the phone-like clip, the single request. */
final class BenchServer {
    static final String ADMIN_EMAIL = "bench@argus.local";
    static final String ADMIN_PASSWORD = "bench-password";
    static final String QUALITY_PAYLOAD =
            "{\"media:tags\": {\"video1\": [\"video_selfie\", \"video_selfie_blank\"]}, \"analyses\": [{\"type\": \"quality\"}]}";
    private static final String BOUNDARY = "argus-bench-boundary";

    final ServerProcess process;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    final String token;

    private BenchServer(ServerProcess process) throws Exception {
        this.process = process;
        this.base = "http://localhost:" + process.port;
        this.token = login();
    }

    /** The server as its own process on {@code dataDir}, with the given liveness pack and extra environment. */
    static BenchServer start(Path dataDir, int port, String liveness, Map<String, String> extra, Path log)
            throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(
                "ARGUS_ADMIN_EMAIL",
                ADMIN_EMAIL,
                "ARGUS_ADMIN_PASSWORD",
                ADMIN_PASSWORD,
                "ARGUS_MODELS_DIR",
                TestMedia.root().resolveSibling("models").toAbsolutePath().toString(),
                "ARGUS_LIVENESS_PACK",
                liveness));
        environment.putAll(extra);
        return new BenchServer(ServerProcess.start(dataDir, port, environment, log));
    }

    /** A phone-like recording: H.264 High profile with CABAC at 6 Mbit/s, 720x1280, made from the real 3-s selfie clip. */
    static Path phoneClip(Path dir) throws Exception {
        return TestVideos.encode(
                TestMedia.file("video/selfie-real-3s.mp4"),
                dir.resolve("selfie-720p.mp4"),
                new TestVideos.Encoding("mp4", "libopenh264", 6_000_000, Map.of("profile", "high", "coder", "cabac")),
                -1,
                0,
                720,
                1280,
                3);
    }

    /** A single request's body (one video part and the payload), built once so that clients spend little CPU. */
    static byte[] multipart(byte[] video, String payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"video1\"; filename=\"selfie.mp4\"\r\n"
                                + "Content-Type: video/mp4\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(video);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"payload\"\r\n\r\n" + payload
                        + "\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    HttpRequest createFolder(byte[] multipartBody) {
        return HttpRequest.newBuilder(URI.create(base + "/api/folders/"))
                .header("X-Forensic-Access-Token", token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody))
                .build();
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("X-Forensic-Access-Token", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("X-Forensic-Access-Token", token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("X-Forensic-Access-Token", token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String login() throws Exception {
        String credentials =
                "{\"credentials\": {\"email\": \"%s\", \"password\": \"%s\"}}".formatted(ADMIN_EMAIL, ADMIN_PASSWORD);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/authorize/auth"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(credentials))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return first(response.body(), "access_token")
                .orElseThrow(() -> new IllegalStateException("login failed: " + response.body()));
    }

    /** The string values of a JSON field wherever it occurs in {@code json}, in order. */
    static List<String> all(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":\\s*\"([^\"]*)\"").matcher(json);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    /** Whether a folder answer holds a finished analysis (Oz answers put a space after each colon). */
    static boolean finished(String json) {
        return all(json, "state").contains("FINISHED");
    }

    static java.util.Optional<String> first(String json, String field) {
        return all(json, field).stream().findFirst();
    }

    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
