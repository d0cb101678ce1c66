package argus.ops;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.ServerProcess;
import argus.TestMedia;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM while a single request is being analysed and queued jobs wait: the request is answered in full, the process
 * exits within the grace period, and after a restart every queued analysis finishes (nothing stays PROCESSING).
 */
class GracefulShutdownTest {
    private static final String VIDEO = "video/selfie-real-portrait.mp4";

    @TempDir
    Path work;

    private ServerProcess start(int port) throws Exception {
        return ServerProcess.start(work.resolve("data"), port, Map.of(
                "ARGUS_ADMIN_EMAIL", OzClient.ADMIN_EMAIL, "ARGUS_ADMIN_PASSWORD", OzClient.ADMIN_PASSWORD,
                "ARGUS_ANALYSIS_THREADS", "1", "ARGUS_SHUTDOWN_GRACE", "20s"), work.resolve("server.log"));
    }

    @Test
    void aTerminatedServerFinishesItsRequestAndLeavesNoWorkBehind() throws Exception {
        int port = ServerProcess.freePort();
        List<String> queued = new ArrayList<>();
        ServerProcess server = start(port);
        try (HttpClient http = HttpClient.create(URI.create("http://localhost:" + port).toURL())) {
            OzClient oz = new OzClient(http);
            for (int i = 0; i < 4; i++) {
                String folderId = (String) oz.postFolder(Map.of("video1", TestMedia.file(VIDEO)), "{}").body().get("folder_id");
                Reply started = oz.post("/api/folders/" + folderId + "/analyses/", "{\"analyses\": [{\"type\": \"quality\"}, {\"type\": \"biometry\"}]}");
                started.items().forEach(analysis -> queued.add((String) analysis.get("analysis_id")));
            }
            CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(
                    () -> oz.postFolder(Map.of("video1", TestMedia.file(VIDEO)), "{\"analyses\": [{\"type\": \"quality\"}]}"));
            awaitBothSlotsBusy(oz);

            long signalled = System.nanoTime();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
            Reply answered = inFlight.get(30, TimeUnit.SECONDS);
            stopped.get(40, TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - signalled);

            assertEquals(201, answered.status(), answered.body().toString());
            assertEquals("FINISHED", OzClient.firstAnalysis(answered).get("state"));
            assertTrue(seconds <= 25, "exited " + seconds + " s after SIGTERM, grace period 20 s");
        }

        try (ServerProcess restarted = start(port);
             HttpClient http = HttpClient.create(URI.create("http://localhost:" + port).toURL())) {
            OzClient oz = new OzClient(http);
            long deadline = System.currentTimeMillis() + 90_000;
            List<String> pending = new ArrayList<>(queued);
            while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
                pending.removeIf(id -> !"PROCESSING".equals(oz.get("/api/analyses/" + id + "/").body().get("state")));
                Thread.sleep(200);
            }
            assertEquals(List.of(), pending, "analyses still PROCESSING after the restart");
            String log = Files.readString(work.resolve("server.log"));
            assertTrue(log.contains("job worker") && !log.contains("resuming job"),
                    "no job waited for its lease to expire: running ones were finished or handed back at the shutdown");
        }
    }

    /** The single request holds one slot and a queued job the other: the request is being analysed now. */
    private static void awaitBothSlotsBusy(OzClient oz) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String scrape = oz.send(HttpRequest.GET("/prometheus")).response().getBody(String.class).orElse("");
            if (scrape.lines().anyMatch(line -> line.startsWith("argus_admission_slots_in_use ") && line.endsWith(" 2.0"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the single request never got a slot beside the queued jobs");
    }
}
