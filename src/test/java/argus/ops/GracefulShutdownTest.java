package argus.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.ServerProcess;
import argus.TestMedia;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a single request is being analysed and queued jobs wait: the request is answered in full, the process
 * exits within the grace period, and after a restart every queued analysis finishes (nothing stays PROCESSING).
 */
class GracefulShutdownTest {
    private static final String VIDEO = "video/selfie-real-portrait.mp4";
    private static final int GRACE_SECONDS = 20;
    /** The JVM's own teardown after the grace period, which a loaded machine slows. */
    private static final int EXIT_MARGIN_SECONDS = 15;

    private static final long DEADLINE_MILLIS = 180_000;

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
                        "ARGUS_ANALYSIS_THREADS",
                        "1",
                        "ARGUS_SHUTDOWN_GRACE",
                        GRACE_SECONDS + "s"),
                work.resolve("server.log"));
    }

    @Test
    void aTerminatedServerFinishesItsRequestAndLeavesNoWorkBehind() throws Exception {
        int port = ServerProcess.freePort();
        List<String> queued = new ArrayList<>();
        ServerProcess server = start(port);
        try (HttpClient http =
                HttpClient.create(URI.create("http://localhost:" + port).toURL())) {
            OzClient oz = new OzClient(http);
            for (int i = 0; i < 8; i++) {
                String folderId = (String) oz.postFolder(Map.of("video1", TestMedia.file(VIDEO)), "{}")
                        .body()
                        .get("folder_id");
                Reply started = oz.post(
                        "/api/folders/" + folderId + "/analyses/",
                        "{\"analyses\": [{\"type\": \"quality\"}, {\"type\": \"biometry\"}]}");
                started.items().forEach(analysis -> queued.add((String) analysis.get("analysis_id")));
            }
            CompletableFuture<Reply> inFlight = singleRequestBesideQueuedJobs(oz);

            long signalled = System.nanoTime();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
            Reply answered = inFlight.get(120, TimeUnit.SECONDS);
            stopped.get(120, TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - signalled);

            assertEquals(201, answered.status(), answered.body().toString());
            assertEquals("FINISHED", OzClient.firstAnalysis(answered).get("state"));
            assertTrue(
                    seconds <= GRACE_SECONDS + EXIT_MARGIN_SECONDS,
                    "exited " + seconds + " s after SIGTERM, grace period " + GRACE_SECONDS + " s");
        }

        try (ServerProcess restarted = start(port);
                HttpClient http =
                        HttpClient.create(URI.create("http://localhost:" + port).toURL())) {
            OzClient oz = new OzClient(http);
            long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
            List<String> pending = new ArrayList<>(queued);
            while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
                pending.removeIf(id -> !"PROCESSING"
                        .equals(oz.get("/api/analyses/" + id + "/").body().get("state")));
                Thread.sleep(200);
            }
            assertEquals(List.of(), pending, "analyses still PROCESSING after the restart");
            String log = Files.readString(work.resolve("server.log"));
            assertTrue(
                    log.contains("job worker") && !log.contains("resuming job"),
                    "no job waited for its lease to expire: running ones were finished or handed back at the shutdown");
        }
    }

    /**
     * A single request being analysed while a queued job holds the other slot. A request can slip between two queued
     * jobs and be answered before the state is seen (more likely on a busy machine): then it is sent again, until one
     * is caught in that state or the deadline passes.
     */
    private static CompletableFuture<Reply> singleRequestBesideQueuedJobs(OzClient oz) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            CompletableFuture<Reply> request = CompletableFuture.supplyAsync(() -> oz.postFolder(
                    Map.of("video1", TestMedia.file(VIDEO)), "{\"analyses\": [{\"type\": \"quality\"}]}"));
            while (!request.isDone() && System.currentTimeMillis() < deadline) {
                if (bothSlotsBusy(oz)) {
                    return request;
                }
                Thread.sleep(20);
            }
            assertEquals(201, request.join().status(), "a single request sent before the shutdown was refused");
        }
        throw new AssertionError(
                "no single request was seen beside a queued job within " + DEADLINE_MILLIS / 1000 + " s");
    }

    private static boolean bothSlotsBusy(OzClient oz) {
        String scrape = oz.send(HttpRequest.GET("/prometheus"))
                .response()
                .getBody(String.class)
                .orElse("");
        return scrape.lines()
                .anyMatch(line -> line.startsWith("argus_admission_slots_in_use ") && line.endsWith(" 2.0"));
    }
}
