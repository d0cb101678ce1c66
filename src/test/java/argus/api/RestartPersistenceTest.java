package argus.api;

import static argus.OzClient.list;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder acknowledged before a restart is served identically, files included, by the restarted server. */
class RestartPersistenceTest {
    @TempDir
    Path dataDir;

    private EmbeddedServer start() {
        return ApplicationContext.run(EmbeddedServer.class, Map.of("argus.data-dir", dataDir.toString()), "test");
    }

    @Test
    void folderSurvivesARestart() throws Exception {
        Map<String, Object> created;
        try (EmbeddedServer server = start();
                HttpClient http = HttpClient.create(server.getURL())) {
            Reply reply = new OzClient(http)
                    .postFolder(
                            Map.of("video1", TestMedia.file("video/selfie-real-3s.mp4")),
                            "{\"folder:meta_data\": {\"case\": 7}, \"analyses\": [{\"type\": \"quality\", \"params\": {\"extract_best_shot\": true}}]}");
            assertEquals(201, reply.status());
            created = reply.body();
        }
        try (EmbeddedServer server = start();
                HttpClient http = HttpClient.create(server.getURL())) {
            OzClient oz = new OzClient(http);
            Reply read = oz.getFolder(created.get("folder_id"));
            assertEquals(200, read.status());
            assertEquals(withoutHost(created), withoutHost(read.body()));
            String url = (String) list(read.body().get("media")).getFirst().get("original_url");
            assertArrayEquals(
                    Files.readAllBytes(TestMedia.file("video/selfie-real-3s.mp4")),
                    oz.download(url, oz.token()).body());
        }
    }

    /** The two servers listen on different ports, so download URLs differ by their host part only. */
    private static String withoutHost(Map<String, Object> folder) {
        return folder.toString().replaceAll("http://[^/]+/", "http://host/");
    }
}
