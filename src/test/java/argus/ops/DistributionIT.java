package argus.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.ServerProcess;
import argus.TestMedia;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive of {@code ./mvnw -Pdist package}, unpacked and started as an operator would on a machine without a JDK
 * (an environment with no JAVA_HOME and no java on the PATH, the models directory {@code ../shared/models} given in
 * {@code ARGUS_MODELS_DIR}): it becomes ready with every pack installed, signs in, and analyses a selfie (the jlinked
 * runtime holds every module the natives, the models and the server need).
 */
class DistributionIT {
    private static final String BOUNDARY = "argus-dist-boundary";

    @TempDir
    Path work;

    @Test
    void theArchiveRunsWithoutAJdkSignsInAndAnalyses() throws Exception {
        Path archive = Path.of(System.getProperty("argus.dist"));
        Process untar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", work.toString())
                .inheritIO()
                .start();
        assertEquals(0, untar.waitFor());
        Path home = work.resolve(archive.getFileName().toString().replace(".tar.gz", ""));
        assertTrue(Files.isExecutable(home.resolve("bin/argus")));
        assertTrue(Files.isExecutable(home.resolve("runtime/bin/java")));
        assertFalse(Files.exists(home.resolve("runtime/bin/javac")), "a runtime, not a JDK");

        Path tools = Files.createDirectories(work.resolve("tools"));
        Files.createSymbolicLink(tools.resolve("dirname"), Path.of("/usr/bin/dirname"));
        int port = ServerProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/argus").toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        builder.environment().clear();
        builder.environment().put("PATH", tools.toString());
        builder.environment().put("HOME", work.toString());
        builder.environment().put("ARGUS_PORT", Integer.toString(port));
        builder.environment().put("ARGUS_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("ARGUS_ADMIN_EMAIL", OzClient.ADMIN_EMAIL);
        builder.environment().put("ARGUS_ADMIN_PASSWORD", OzClient.ADMIN_PASSWORD);
        builder.environment()
                .put(
                        "ARGUS_MODELS_DIR",
                        TestMedia.root()
                                .resolveSibling("models")
                                .toAbsolutePath()
                                .toString());
        Process server = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String base = "http://127.0.0.1:" + port;
            awaitReady(http, base, server);
            String health = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertTrue(
                    health.matches("(?s).*\"livenessPack\":\\s*\"minifasnet\".*")
                            && health.matches("(?s).*\"missingPacks\":\\s*\\{}.*"),
                    health);

            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/authorize/auth"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"credentials\": {\"email\": \"%s\", \"password\": \"%s\"}}"
                                            .formatted(OzClient.ADMIN_EMAIL, OzClient.ADMIN_PASSWORD)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            Matcher token =
                    Pattern.compile("\"access_token\":\\s*\"([0-9a-f]+)\"").matcher(login.body());
            assertTrue(token.find(), login.body());

            HttpResponse<String> folder = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/folders/"))
                            .header("X-Forensic-Access-Token", token.group(1))
                            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(selfieWithQuality()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, folder.statusCode(), folder.body());
            assertTrue(folder.body().contains("\"state\": \"FINISHED\""), folder.body());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "stopped on SIGTERM");
        }
    }

    private static void awaitReady(HttpClient http, String base, Process server) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            assertTrue(server.isAlive(), "the distribution exited");
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/health/readiness"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready within two minutes");
    }

    private static byte[] selfieWithQuality() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo1\"; filename=\"selfie.jpg\"\r\n"
                                + "Content-Type: image/jpeg\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(TestMedia.file("match/df-a/img1.jpg")));
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"payload\"\r\n\r\n"
                        + "{\"analyses\": [{\"type\": \"quality\"}]}\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
