package argus.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.TestMedia;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong or damaged model file stops start-up with a message that says what is wrong; an absent one leaves its pack
 * out, reported with the files it lacks.
 */
class ModelPacksTest {
    private static final String MINIFASNET = "2.7_80x80_MiniFASNetV2.onnx";
    private static final String SHA = "0e9ae6c95ec453ec971f767b08d5e2481756137be08959c8b23cf9dd1f641c8a";

    @TempDir
    Path models;

    private ModelPacks packs() {
        return new ModelPacks(
                new VisionConfig(models.toString(), "faceplugin", null, "mesonet", 0.7f, 1),
                JsonMapper.createDefault(),
                new SimpleMeterRegistry());
    }

    private void pack(String sha, String shape, byte[] model) throws IOException {
        Path dir = Files.createDirectories(models.resolve("custom"));
        Files.write(dir.resolve(MINIFASNET), model);
        Files.writeString(dir.resolve("pack.json"), """
                {"name": "custom", "liveness": [{"file": "%s", "sha256": "%s", "input": %s,
                 "channels": "BGR", "mean": 0, "std": 1, "crop_scale": 2.7, "live_index": 1}]}""".formatted(MINIFASNET, sha, shape));
    }

    private static byte[] realModel() throws IOException {
        Path shared =
                TestMedia.root().resolveSibling("models").resolve("minifasnet").resolve(MINIFASNET);
        return Files.readAllBytes(shared);
    }

    @Test
    void aDirectoryPackLoads() throws IOException {
        pack(SHA, "[1, 3, 80, 80]", realModel());
        ModelPacks packs = packs();
        assertEquals(
                1, packs.loadAll("custom", packs.manifest("custom").liveness()).size());
    }

    @Test
    void aDamagedFileIsRefusedByItsChecksum() throws IOException {
        byte[] damaged = realModel();
        damaged[damaged.length / 2] ^= 0x5A;
        pack(SHA, "[1, 3, 80, 80]", damaged);
        ModelPacks packs = packs();
        IllegalStateException error = assertThrows(
                IllegalStateException.class,
                () -> packs.loadAll("custom", packs.manifest("custom").liveness()));
        assertTrue(error.getMessage().contains("SHA-256"), error.getMessage());
    }

    @Test
    void aModelWithAnotherInputShapeIsRefused() throws IOException {
        pack(SHA, "[1, 3, 128, 128]", realModel());
        ModelPacks packs = packs();
        IllegalStateException error = assertThrows(
                IllegalStateException.class,
                () -> packs.loadAll("custom", packs.manifest("custom").liveness()));
        assertTrue(error.getMessage().contains("takes input [1, 3, 80, 80]"), error.getMessage());
    }

    @Test
    void aPackWithoutItsFilesIsLeftOutAndReported() throws IOException {
        pack(SHA, "[1, 3, 80, 80]", realModel());
        Files.delete(models.resolve("custom").resolve(MINIFASNET));
        ModelPacks packs = packs();
        assertEquals(
                Optional.empty(),
                packs.loadIfPresent("custom", packs.manifest("custom").liveness()));
        assertEquals(Map.of("custom", List.of(MINIFASNET)), packs.missing());
        assertEquals(
                List.of(),
                packs.missingFiles("faceplugin", packs.manifest("faceplugin").liveness()),
                "the build's own pack");
    }

    @Test
    void aMissingPackIsNamed() {
        ModelPacks packs = packs();
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> packs.manifest("nowhere"));
        assertTrue(error.getMessage().contains("nowhere"), error.getMessage());
    }
}
