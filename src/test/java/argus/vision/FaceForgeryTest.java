package argus.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.TestMedia;
import argus.forgery.FaceMediaForgery;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * MesoNet on the shared face-swap crops (36 forged, 24 genuine, 5 sources), through the evidence the contracts use
 * (the prominent face of each picture): forged faces score above genuine ones more often than not. The floor is the
 * ROC AUC measured on the whole set (0.6308: a weak separation), nothing fitted; how the scores become verdicts is fitted and scored leave-one-source-out by the
 * evaluation command.
 */
@MicronautTest(startApplication = false)
class FaceForgeryTest {
    @Inject
    MediaOpener opener;

    @Inject
    FaceMediaForgery forgery;

    private List<Double> scores(String folder) throws IOException {
        try (Stream<Path> files =
                Files.list(TestMedia.root().resolve("deepfake").resolve(folder))) {
            return files.sorted()
                    .map(photo -> {
                        try (MediaSource source = opener.open(photo)) {
                            Double score =
                                    forgery.assess(source, UUID.randomUUID()).faceSwap();
                            assertNotNull(score, photo + ": no face judged");
                            return score;
                        }
                    })
                    .toList();
        }
    }

    @Test
    void forgedFacesScoreAboveGenuineOnes() throws IOException {
        List<Double> forged = scores("fake");
        List<Double> genuine = scores("real");
        assertEquals(36, forged.size());
        assertEquals(24, genuine.size());
        double auc = FaceModelsTest.auc(forged, genuine);
        assertTrue(auc >= 0.630, "ROC AUC %.4f (forged %s, genuine %s)".formatted(auc, forged, genuine));
    }
}
