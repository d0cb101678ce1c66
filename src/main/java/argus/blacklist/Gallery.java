package argus.blacklist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

/**
 * The enrolled faces of one company in memory for 1:N search: unit embeddings packed in one float array and compared
 * by brute-force dot products (eight accumulators, so the JIT keeps the pipeline full: about 15 ms for 100 000 faces
 * on one core here). Not thread-safe; {@link FaceIndex} guards it.
 */
public final class Gallery {
    private final int dimensions;
    private float[] vectors;
    private UUID[] images;
    private UUID[] persons;
    private UUID[] collections;
    private int size;

    public Gallery(int dimensions, int capacity) {
        this.dimensions = dimensions;
        this.vectors = new float[dimensions * Math.max(1, capacity)];
        this.images = new UUID[Math.max(1, capacity)];
        this.persons = new UUID[Math.max(1, capacity)];
        this.collections = new UUID[Math.max(1, capacity)];
    }

    /** One enrolled face found close to the probe: cosine similarity of their embeddings. */
    public record Hit(UUID imageId, UUID personId, UUID collectionId, float cosine) {
    }

    public int size() {
        return size;
    }

    public void add(UUID imageId, UUID personId, UUID collectionId, float[] embedding) {
        if (embedding.length != dimensions) {
            throw new IllegalArgumentException("embedding of " + embedding.length + " dimensions, " + dimensions + " expected");
        }
        if (size == images.length) {
            int capacity = images.length * 2;
            vectors = Arrays.copyOf(vectors, capacity * dimensions);
            images = Arrays.copyOf(images, capacity);
            persons = Arrays.copyOf(persons, capacity);
            collections = Arrays.copyOf(collections, capacity);
        }
        System.arraycopy(embedding, 0, vectors, size * dimensions, dimensions);
        images[size] = imageId;
        persons[size] = personId;
        collections[size] = collectionId;
        size++;
    }

    /** Removes the faces matching the predicate's ids (the last face moves into each freed slot). */
    public void removeIf(java.util.function.Predicate<Hit> doomed) {
        for (int i = size - 1; i >= 0; i--) {
            if (doomed.test(new Hit(images[i], persons[i], collections[i], 0))) {
                int last = --size;
                System.arraycopy(vectors, last * dimensions, vectors, i * dimensions, dimensions);
                images[i] = images[last];
                persons[i] = persons[last];
                collections[i] = collections[last];
                images[last] = null;
                persons[last] = null;
                collections[last] = null;
            }
        }
    }

    /** The {@code limit} most similar faces, best first, optionally within some collections only. */
    public List<Hit> search(float[] probe, int limit, Set<UUID> within) {
        PriorityQueue<Hit> best = new PriorityQueue<>(Comparator.comparingDouble(Hit::cosine));
        for (int i = 0; i < size; i++) {
            if (!within.isEmpty() && !within.contains(collections[i])) {
                continue;
            }
            float cosine = dot(vectors, i * dimensions, probe);
            if (best.size() < limit) {
                best.add(new Hit(images[i], persons[i], collections[i], cosine));
            } else if (cosine > best.peek().cosine()) {
                best.poll();
                best.add(new Hit(images[i], persons[i], collections[i], cosine));
            }
        }
        List<Hit> hits = new ArrayList<>(best);
        hits.sort(Comparator.comparingDouble(Hit::cosine).reversed());
        return hits;
    }

    private float dot(float[] matrix, int offset, float[] probe) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        for (; j + 8 <= dimensions; j += 8) {
            s0 += matrix[offset + j] * probe[j];
            s1 += matrix[offset + j + 1] * probe[j + 1];
            s2 += matrix[offset + j + 2] * probe[j + 2];
            s3 += matrix[offset + j + 3] * probe[j + 3];
            s4 += matrix[offset + j + 4] * probe[j + 4];
            s5 += matrix[offset + j + 5] * probe[j + 5];
            s6 += matrix[offset + j + 6] * probe[j + 6];
            s7 += matrix[offset + j + 7] * probe[j + 7];
        }
        for (; j < dimensions; j++) {
            s0 += matrix[offset + j] * probe[j];
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    }
}
