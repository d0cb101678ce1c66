package argus.api;

import static argus.OzClient.firstAnalysis;
import static argus.OzClient.firstResult;
import static argus.OzClient.list;
import static argus.OzClient.number;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import argus.folder.AnalysisRepository;
import argus.folder.FolderRepository;
import argus.folder.MediaRepository;
import argus.storage.StorageConfig;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Instant mode: real analyses in the answer, and afterwards no row and no file anywhere, not even a temporary one. */
@MicronautTest
class InstantModeTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    FolderRepository folders;

    @Inject
    MediaRepository media;

    @Inject
    AnalysisRepository analyses;

    @Inject
    StorageConfig storage;

    @Test
    void analysesRunAndNothingIsWritten() throws IOException {
        OzClient oz = new OzClient(http);
        oz.token();
        long rowsBefore = folders.count() + media.count() + analyses.count();
        List<Path> filesBefore = files(storage.dataDir());
        List<Path> tempBefore = files(Path.of(System.getProperty("java.io.tmpdir")));

        Reply reply = oz.postFiles(
                "/api/instant/folders/",
                Map.of(
                        "video1",
                        TestMedia.file("video/replay-phone.mp4"),
                        "photo1",
                        TestMedia.file("liveness/real/tv-real-02.jpg")),
                "{\"analyses\": [{\"type\": \"quality\", \"params\": {\"extract_best_shot\": true}}, {\"type\": \"biometry\"}]}");

        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals("FINISHED", reply.body().get("resolution_status"));
        assertEquals("DECLINED", reply.body().get("system_resolution"), "the replayed video is an attack");
        List<Map<String, Object>> results = list(firstAnalysis(reply).get("results_media"));
        assertEquals(2, results.size());
        assertTrue(results.stream()
                .anyMatch(r -> number(object(r.get("results_data")).get("confidence_spoofing")) >= 0.5));
        assertEquals(1, list(firstResult(reply).get("output_images")).size());
        for (Map<String, Object> item : list(reply.body().get("media"))) {
            assertNull(item.get("original_url"));
            assertNull(item.get("thumb_url"));
        }
        assertEquals(404, oz.getFolder(reply.body().get("folder_id")).status());

        assertEquals(rowsBefore, folders.count() + media.count() + analyses.count(), "rows were written");
        assertEquals(filesBefore, files(storage.dataDir()), "files were written under the data directory");
        assertEquals(tempBefore, files(Path.of(System.getProperty("java.io.tmpdir"))), "temporary files remain");
    }

    @Test
    void instantModeNeedsAnalyses() {
        Reply reply = new OzClient(http)
                .postFiles("/api/instant/folders/", Map.of("photo1", TestMedia.file("match/df-a/img1.jpg")), "{}");
        assertEquals(400, reply.status());
        assertEquals("MISSING_ANALYSES", reply.errorCode());
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains(".mv.db")
                            && !p.toString().contains("hsperfdata")
                            && !p.toString().endsWith(".trace.db"))
                    .sorted()
                    .toList();
        } catch (java.io.UncheckedIOException e) {
            return List.of();
        }
    }
}
