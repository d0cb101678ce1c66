package argus.api;

import static argus.OzClient.list;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.ServerProcess;
import argus.TestMedia;
import io.micronaut.http.client.HttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a server with queued and running analyses, then a restart on the same data: every acknowledged folder
 * is intact and no analysis stays PROCESSING (jobs are resumed once their lease runs out).
 */
class CrashRecoveryTest {

    @TempDir
    Path work;

    private ServerProcess start(int port) throws Exception {
        return ServerProcess.start(
                work.resolve("data"),
                port,
                Map.of(
                        "ARGUS_ADMIN_EMAIL",
                        OzClient.ADMIN_EMAIL,
                        "ARGUS_ADMIN_PASSWORD",
                        OzClient.ADMIN_PASSWORD,
                        "ARGUS_MODELS_DIR",
                        TestMedia.root()
                                .resolveSibling("models")
                                .toAbsolutePath()
                                .toString(),
                        "ARGUS_LIVENESS_PACK",
                        "minifasnet",
                        "ARGUS_ANALYSIS_THREADS",
                        "1",
                        "ARGUS_JOB_LEASE",
                        "3s"),
                work.resolve("server.log"));
    }

    @Test
    void nothingStaysProcessingAfterAKillAndARestart() throws Exception {
        int port = ServerProcess.freePort();
        List<String> folders = new ArrayList<>();
        List<String> analyses = new ArrayList<>();
        List<String> audioTasks = new ArrayList<>();
        ServerProcess server = start(port);
        try (HttpClient http =
                HttpClient.create(URI.create("http://localhost:" + port).toURL())) {
            OzClient oz = new OzClient(http);
            for (int i = 0; i < 3; i++) {
                Reply task = oz.postFiles(
                        "/api/technology/experimental/authenticity-verification",
                        Map.of("file", TestMedia.file("audio/bonafide/alsa-voices.wav")),
                        null);
                assertEquals(202, task.status(), task.body().toString());
                audioTasks.add(task.response().getHeaders().get("X-Location"));
            }
            for (int i = 0; i < 4; i++) {
                Reply folder = oz.postFolder(Map.of("video1", TestMedia.file("video/selfie-real-portrait.mp4")), "{}");
                assertEquals(201, folder.status(), folder.body().toString());
                String id = (String) folder.body().get("folder_id");
                folders.add(id);
                Reply started = oz.post(
                        "/api/folders/" + id + "/analyses/",
                        "{\"analyses\": [{\"type\": \"quality\"}, {\"type\": \"biometry\"}]}");
                assertEquals(201, started.status(), started.body().toString());
                list(started.body().get("items")).forEach(a -> analyses.add((String) a.get("analysis_id")));
            }
        } finally {
            server.kill();
        }

        try (ServerProcess restarted = start(port);
                HttpClient http =
                        HttpClient.create(URI.create("http://localhost:" + port).toURL())) {
            OzClient oz = new OzClient(http);
            long deadline = System.currentTimeMillis() + 90_000;
            List<String> pending = new ArrayList<>(analyses);
            List<String> queuedAudio = new ArrayList<>(audioTasks);
            while (!(pending.isEmpty() && queuedAudio.isEmpty()) && System.currentTimeMillis() < deadline) {
                pending.removeIf(id -> !"PROCESSING"
                        .equals(oz.get("/api/analyses/" + id + "/").body().get("state")));
                queuedAudio.removeIf(location -> "done"
                        .equals(object(oz.get(location).body().get("task")).get("state")));
                Thread.sleep(250);
            }
            assertEquals(List.of(), pending, "analyses still PROCESSING after the restart");
            assertEquals(List.of(), queuedAudio, "audio tasks not done after the restart");
            String log = Files.readString(work.resolve("server.log"));
            assertTrue(log.contains("resuming job"), "no job was interrupted by the kill");
            assertFalse(log.contains(OzClient.ADMIN_PASSWORD) || log.contains(oz.token()), "a secret reached the log");
            byte[] original = Files.readAllBytes(TestMedia.file("video/selfie-real-portrait.mp4"));
            for (String id : folders) {
                Reply folder = oz.getFolder(id);
                assertTrue(
                        List.of("FINISHED", "FAILED").contains(folder.body().get("resolution_status")),
                        folder.body().toString());
                String url =
                        (String) list(folder.body().get("media")).getFirst().get("original_url");
                assertArrayEquals(original, oz.download(url, oz.token()).body(), "media of folder " + id);
            }
        }
    }
}
