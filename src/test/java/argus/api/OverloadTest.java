package argus.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import argus.analysis.AnalysisEngine;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** With every engine slot taken, a request is refused at once with 429 and Retry-After, and served once a slot frees. */
@MicronautTest
@Property(name = "argus.analysis.threads", value = "1")
@Property(name = "argus.analysis.queue", value = "1")
class OverloadTest {
    private static final String QUALITY = "{\"analyses\": [{\"type\": \"quality\"}]}";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AnalysisEngine engine;

    @Test
    void fullEngineAnswers429WithRetryAfter() {
        OzClient oz = new OzClient(http);
        oz.token();
        try (AnalysisEngine.Admission first = engine.admit();
                AnalysisEngine.Admission second = engine.admit()) {
            long start = System.nanoTime();
            Reply refused = oz.postFolder(Map.of("video1", TestMedia.file("video/selfie-real-3s.mp4")), QUALITY);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(429, refused.status());
            assertEquals("TOO_MANY_REQUESTS", refused.errorCode());
            assertEquals("2", refused.response().getHeaders().get(HttpHeaders.RETRY_AFTER));
            assertTrue(millis < 2000, "refusal took " + millis + " ms");
        }
        Reply served = oz.postFolder(Map.of("video1", TestMedia.file("video/selfie-real-3s.mp4")), QUALITY);
        assertEquals(201, served.status());
    }

    @Test
    void concurrentBurstIsServedOrRefusedNeverFailed() throws Exception {
        OzClient oz = new OzClient(http);
        oz.token();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(clients.submit(
                        () -> oz.postFolder(Map.of("video1", TestMedia.file("video/replay-monitor.mp4")), QUALITY)));
            }
            int served = 0;
            int refused = 0;
            for (Future<Reply> reply : replies) {
                int status = reply.get().status();
                assertTrue(status == 201 || status == 429, "unexpected status " + status);
                served += status == 201 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
            assertTrue(served >= 1, "nothing was served");
            assertEquals(8, served + refused);
        } finally {
            clients.shutdownNow();
        }
        assertEquals(0, engine.busySlots());
    }
}
