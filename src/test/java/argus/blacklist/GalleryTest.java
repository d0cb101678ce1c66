package argus.blacklist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The two-pass search (codes in slices on a machine of several cores, then the candidates' stored embeddings) finds
 * exactly what comparing the probe with every enrolled face in floats finds.
 */
class GalleryTest {
    private static final int DIMENSIONS = 512;
    private static final int FACES = 45_000;

    private final Random random = new Random(7);

    @Test
    void findsTheExactBestMatchesWithinAndAcrossCollections() {
        Gallery gallery = new Gallery(DIMENSIONS, 16);
        List<Gallery.Hit> enrolled = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        Map<UUID, float[]> stored = new HashMap<>();
        UUID[] collections = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        for (int i = 0; i < FACES; i++) {
            float[] embedding = unit(randomVector());
            Gallery.Hit face =
                    new Gallery.Hit(UUID.randomUUID(), UUID.randomUUID(), collections[i % collections.length], 0);
            gallery.add(face.imageId(), face.personId(), face.collectionId(), embedding);
            enrolled.add(face);
            embeddings.add(embedding);
            stored.put(face.imageId(), embedding);
        }
        Set<UUID> removed =
                Set.of(enrolled.get(3).imageId(), enrolled.get(FACES - 1).imageId());
        gallery.removeIf(face -> removed.contains(face.imageId()));

        for (int probeNumber = 0; probeNumber < 40; probeNumber++) {
            int near = random.nextInt(FACES);
            float[] probe = probeNumber % 2 == 0 ? unit(randomVector()) : unit(plusNoise(embeddings.get(near)));
            Set<UUID> within = probeNumber % 3 == 0 ? Set.of(collections[1]) : Set.of();
            List<Gallery.Hit> expected = new ArrayList<>();
            for (int i = 0; i < FACES; i++) {
                Gallery.Hit face = enrolled.get(i);
                if (!removed.contains(face.imageId()) && (within.isEmpty() || within.contains(face.collectionId()))) {
                    expected.add(new Gallery.Hit(
                            face.imageId(), face.personId(), face.collectionId(), dot(embeddings.get(i), probe)));
                }
            }
            expected.sort(Comparator.comparingDouble(Gallery.Hit::cosine).reversed());

            List<Gallery.Hit> found = Gallery.rescore(gallery.candidates(probe, 5, within), stored, probe, 5);

            assertEquals(
                    expected.subList(0, 5).stream().map(Gallery.Hit::imageId).toList(),
                    found.stream().map(Gallery.Hit::imageId).toList());
            for (int rank = 0; rank < 5; rank++) {
                assertEquals(expected.get(rank).cosine(), found.get(rank).cosine(), 1e-5);
            }
        }
    }

    private float[] randomVector() {
        float[] vector = new float[DIMENSIONS];
        for (int j = 0; j < DIMENSIONS; j++) {
            vector[j] = (float) random.nextGaussian();
        }
        return vector;
    }

    /** The same face seen again: the embedding moved by noise of about a third of its length. */
    private float[] plusNoise(float[] embedding) {
        float[] noisy = randomVector();
        for (int j = 0; j < DIMENSIONS; j++) {
            noisy[j] = embedding[j] + noisy[j] * 0.33f / (float) Math.sqrt(DIMENSIONS);
        }
        return noisy;
    }

    private static float[] unit(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        for (int j = 0; j < vector.length; j++) {
            vector[j] /= (float) norm;
        }
        return vector;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
