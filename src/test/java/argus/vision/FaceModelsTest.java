package argus.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.TestMedia;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The face models against the shared real photos: detection, liveness separation and face-match separation. */
@MicronautTest(startApplication = false)
class FaceModelsTest {
    @Inject
    MediaOpener opener;

    @Inject
    FaceModels models;

    @Inject
    ModelPacks packs;

    @Test
    void noFaceIsFoundInPhotosWithoutFaces() throws IOException {
        for (Path photo : photos("nonface")) {
            try (MediaSource source = opener.open(photo);
                    FrameSeries media = source.sample(1)) {
                assertEquals(
                        List.of(),
                        models.detector().detect(media.frames().getFirst().image()),
                        photo.toString());
            }
        }
    }

    /**
     * The raw ensembles (nothing fitted: the networks were trained elsewhere) on every liveness photo of the shared set
     * where a face is found, as the service finds it. Floors are the AUCs measured on the whole set (16 sources, 113
     * bona fide and 130 attack photos), so that a change in detection or cropping that costs separation shows:
     * MiniFASNet 0.8815, the npm pack 0.8454.
     */
    @Test
    void theShippedDefaultPackSeparatesRealFromSpoofPhotos() throws IOException {
        assertSeparates(models.liveness(), 0.881);
    }

    @Test
    void theNpmPackSeparatesRealFromSpoofPhotosLessWell() throws IOException {
        PackManifest faceplugin = packs.manifest("faceplugin");
        assertSeparates(
                new LivenessEnsemble(
                        "faceplugin",
                        packs.loadAll("faceplugin", faceplugin.liveness()),
                        PackManifest.LivenessCalibration.NONE),
                0.845);
    }

    /**
     * A measurement, not a claim: how often the device-frame cue ({@link DeviceFrame}) fires on the shared photos. It
     * fires on few replays (most are cropped inside the device, or the device's edge is hidden) and on no real photo:
     * evidence too thin, and on one class only, for a weight; the evaluation reports it without weighting it.
     */
    @Test
    void theDeviceFrameIsCountedOnBothClasses() throws IOException {
        List<Double> live = enclosures(photos("liveness/real"));
        List<Double> replayed = enclosures(photos("liveness/spoof").stream()
                .filter(p -> p.getFileName().toString().contains("replay"))
                .toList());
        assertEquals(
                "0 of 108",
                live.stream().filter(value -> value > 0).count() + " of " + live.size(),
                "real photos framed");
        assertEquals(
                "2 of 74",
                replayed.stream().filter(value -> value > 0).count() + " of " + replayed.size(),
                "replay photos framed");
    }

    private List<Double> enclosures(List<Path> photos) {
        List<Double> values = new ArrayList<>();
        for (Path photo : photos) {
            try (MediaSource source = opener.open(photo);
                    FrameSeries media = source.sample(1)) {
                var image = media.frames().getFirst().image();
                models.detector().detect(image).stream()
                        .findFirst()
                        .ifPresent(face ->
                                values.add(DeviceFrame.around(image, face).value()));
            }
        }
        return values;
    }

    private void assertSeparates(LivenessEnsemble liveness, double minimumAuc) throws IOException {
        List<Double> real = spoofScores(liveness, photos("liveness/real"));
        List<Double> spoof = spoofScores(liveness, photos("liveness/spoof"));
        double auc = auc(spoof, real);
        assertTrue(auc >= minimumAuc, "%s: ROC AUC %.4f".formatted(liveness.pack(), auc));
        assertTrue(
                mean(spoof) > mean(real),
                "%s: spoof mean %.3f, real mean %.3f".formatted(liveness.pack(), mean(spoof), mean(real)));
    }

    @Test
    void embeddingsSeparateSamePersonFromStrangers() throws IOException {
        List<Path> photos = photos("match");
        List<float[]> embeddings = new ArrayList<>();
        for (Path photo : photos) {
            try (MediaSource source = opener.open(photo);
                    FrameSeries media = source.sample(1)) {
                var image = media.frames().getFirst().image();
                FaceBox face = models.detector().detect(image).getFirst();
                embeddings.add(
                        models.embedder().embed(image, models.landmarker().landmarks(image, face)));
            }
        }
        double genuineMin = 1;
        double impostorMax = 0;
        for (int i = 0; i < photos.size(); i++) {
            for (int j = i + 1; j < photos.size(); j++) {
                double similarity = models.embedder().similarity(embeddings.get(i), embeddings.get(j));
                if (photos.get(i).getParent().equals(photos.get(j).getParent())) {
                    genuineMin = Math.min(genuineMin, similarity);
                } else {
                    impostorMax = Math.max(impostorMax, similarity);
                }
            }
        }
        // at the default BIOMETRY threshold 0.85 no stranger is accepted and no genuine pair refused
        assertTrue(genuineMin >= 0.85, "least similar genuine pair " + genuineMin);
        assertTrue(impostorMax < 0.85, "most similar impostor pair " + impostorMax);
    }

    private List<Double> spoofScores(LivenessEnsemble liveness, List<Path> photos) {
        List<Double> scores = new ArrayList<>();
        for (Path photo : photos) {
            try (MediaSource source = opener.open(photo);
                    FrameSeries media = source.sample(1)) {
                FaceFinder.Found found =
                        models.finder().find(media.frames().getFirst().image());
                if (!found.faces().isEmpty()) {
                    scores.add((double) liveness.spoofProbability(
                            found.upright(), found.faces().getFirst()));
                }
            }
        }
        assertTrue(scores.size() >= photos.size() - 1, "faces found in only " + scores.size() + " of " + photos.size());
        return scores;
    }

    private static List<Path> photos(String folder) throws IOException {
        try (Stream<Path> walk = Files.walk(TestMedia.root().resolve(folder))) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".png"))
                    .sorted()
                    .toList();
        }
    }

    /** Probability that a positive scores above a negative (ties count half). */
    static double auc(List<Double> positives, List<Double> negatives) {
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / (positives.size() * (double) negatives.size());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
