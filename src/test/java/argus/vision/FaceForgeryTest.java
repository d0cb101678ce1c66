package argus.vision;

import argus.TestMedia;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MesoNet on the shared face-swap crops: every forged face scores above every genuine one. */
@MicronautTest(startApplication = false)
class FaceForgeryTest {
    @Inject
    MediaOpener opener;
    @Inject
    FaceModels models;
    @Inject
    FaceForgery forgery;

    private List<Double> scores(String folder) throws IOException {
        try (Stream<Path> files = Files.list(TestMedia.root().resolve("deepfake").resolve(folder))) {
            return files.sorted().map(photo -> {
                try (MediaSource source = opener.open(photo); FrameSeries media = source.sample(1)) {
                    var image = media.frames().getFirst().image();
                    List<FaceBox> faces = models.detector().detect(image);
                    assertEquals(1, faces.size(), photo + ": faces");
                    return forgery.forgeryProbability(image, faces.getFirst());
                }
            }).toList();
        }
    }

    @Test
    void forgedFacesScoreAboveGenuineOnes() throws IOException {
        List<Double> forged = scores("fake");
        List<Double> genuine = scores("real");
        assertTrue(forged.stream().mapToDouble(Double::doubleValue).min().orElseThrow()
                > genuine.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), "forged " + forged + ", genuine " + genuine);
    }
}
