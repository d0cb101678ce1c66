package argus.blacklist;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The enrolled faces of one company in memory for 1:N search, by brute force in two passes. A search is bound by
 * memory bandwidth, and a million faces would be 2 GB of floats, so only 8-bit codes of each embedding (with a scale)
 * are kept, a quarter of the bytes: the first pass ranks every face by the codes' integer dot product and keeps a few
 * dozen candidates, the second computes the exact cosine of those from their stored embeddings (the database's, which
 * the caller fetches). Quantisation moves a cosine by about 0.001, far less than the gap between the best matches and
 * the rest of a large gallery, so the exact best matches are among the candidates. A large gallery's first pass runs
 * in slices on the common pool, one per core. Not thread-safe; {@link FaceIndex} guards it.
 */
public final class Gallery {
    private static final int CODE_RANGE = 127;
    private static final int MIN_CANDIDATES = 32;
    private static final int CANDIDATES_PER_RESULT = 8;
    /** Below this many faces a slice is not worth a thread of its own. */
    private static final int FACES_PER_SLICE = 20_000;

    private final int dimensions;
    private byte[] codes;
    private float[] scales;
    /** Image and person ids as two longs each (most, then least significant bits): no object per face. */
    private long[] images;

    private long[] persons;
    private UUID[] collections;
    private int size;

    public Gallery(int dimensions, int capacity) {
        this.dimensions = dimensions;
        this.codes = new byte[dimensions * Math.max(1, capacity)];
        this.scales = new float[Math.max(1, capacity)];
        this.images = new long[2 * Math.max(1, capacity)];
        this.persons = new long[2 * Math.max(1, capacity)];
        this.collections = new UUID[Math.max(1, capacity)];
    }

    /** One enrolled face found close to the probe: cosine similarity of their embeddings. */
    public record Hit(UUID imageId, UUID personId, UUID collectionId, float cosine) {}

    public int size() {
        return size;
    }

    public void add(UUID imageId, UUID personId, UUID collectionId, float[] embedding) {
        if (embedding.length != dimensions) {
            throw new IllegalArgumentException(
                    "embedding of " + embedding.length + " dimensions, " + dimensions + " expected");
        }
        if (size == scales.length) {
            int capacity = scales.length * 2;
            codes = Arrays.copyOf(codes, capacity * dimensions);
            scales = Arrays.copyOf(scales, capacity);
            images = Arrays.copyOf(images, 2 * capacity);
            persons = Arrays.copyOf(persons, 2 * capacity);
            collections = Arrays.copyOf(collections, capacity);
        }
        scales[size] = quantize(embedding, codes, size * dimensions);
        put(images, size, imageId);
        put(persons, size, personId);
        collections[size] = collectionId;
        size++;
    }

    /** Removes the faces matching the predicate's ids (the last face moves into each freed slot). */
    public void removeIf(java.util.function.Predicate<Hit> doomed) {
        for (int i = size - 1; i >= 0; i--) {
            if (doomed.test(hit(i, 0))) {
                int last = --size;
                System.arraycopy(codes, last * dimensions, codes, i * dimensions, dimensions);
                scales[i] = scales[last];
                System.arraycopy(images, 2 * last, images, 2 * i, 2);
                System.arraycopy(persons, 2 * last, persons, 2 * i, 2);
                collections[i] = collections[last];
                collections[last] = null;
            }
        }
    }

    private Hit hit(int position, float cosine) {
        return new Hit(
                new UUID(images[2 * position], images[2 * position + 1]),
                new UUID(persons[2 * position], persons[2 * position + 1]),
                collections[position],
                cosine);
    }

    private static void put(long[] ids, int position, UUID id) {
        ids[2 * position] = id.getMostSignificantBits();
        ids[2 * position + 1] = id.getLeastSignificantBits();
    }

    /**
     * The first pass: the faces whose codes come closest to the probe's, enough of them to hold the {@code limit} best
     * matches, optionally within some collections only; their cosines are approximate until {@link #rescore}d.
     */
    public List<Hit> candidates(float[] probe, int limit, Set<UUID> within) {
        return Arrays.stream(positions(probe, Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT), within))
                .mapToObj(i -> hit(i, 0))
                .toList();
    }

    /** The second pass: the {@code limit} best candidates by exact cosine, best first; candidates gone meanwhile drop out. */
    public static List<Hit> rescore(List<Hit> candidates, Map<UUID, float[]> embeddings, float[] probe, int limit) {
        return candidates.stream()
                .filter(hit -> embeddings.containsKey(hit.imageId()))
                .map(hit -> new Hit(
                        hit.imageId(), hit.personId(), hit.collectionId(), dot(embeddings.get(hit.imageId()), probe)))
                .sorted(Comparator.comparingDouble(Hit::cosine).reversed())
                .limit(limit)
                .toList();
    }

    /**
     * The first pass, over slices of a large gallery in parallel: each slice's {@code count} best candidates, together.
     */
    private int[] positions(float[] probe, int count, Set<UUID> within) {
        byte[] probeCodes = new byte[dimensions];
        quantize(probe, probeCodes, 0);
        int slices = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), size / FACES_PER_SLICE));
        return IntStream.range(0, slices)
                .parallel()
                .mapToObj(slice -> positions(probeCodes, count, within, (int) ((long) size * slice / slices), (int)
                        ((long) size * (slice + 1) / slices)))
                .flatMapToInt(Arrays::stream)
                .toArray();
    }

    /**
     * The positions in {@code [from, to)} of the {@code count} faces whose codes come closest to the probe's, kept in
     * a min-heap on the approximate score so that a closer face replaces the weakest kept one.
     */
    private int[] positions(byte[] probeCodes, int count, Set<UUID> within, int from, int to) {
        int[] kept = new int[count];
        float[] keptScores = new float[count];
        int filled = 0;
        for (int i = from; i < to; i++) {
            if (!within.isEmpty() && !within.contains(collections[i])) {
                continue;
            }
            float score = scales[i] * CodeProducts.BEST.dot(codes, i * dimensions, probeCodes);
            if (filled < count) {
                kept[filled] = i;
                keptScores[filled] = score;
                siftUp(kept, keptScores, filled++);
            } else if (score > keptScores[0]) {
                kept[0] = i;
                keptScores[0] = score;
                siftDown(kept, keptScores, count);
            }
        }
        return Arrays.copyOf(kept, filled);
    }

    private static void siftUp(int[] heap, float[] scores, int at) {
        while (at > 0 && scores[at] < scores[(at - 1) / 2]) {
            swap(heap, scores, at, (at - 1) / 2);
            at = (at - 1) / 2;
        }
    }

    private static void siftDown(int[] heap, float[] scores, int size) {
        int at = 0;
        while (true) {
            int smallest = at;
            for (int child = 2 * at + 1; child <= 2 * at + 2 && child < size; child++) {
                if (scores[child] < scores[smallest]) {
                    smallest = child;
                }
            }
            if (smallest == at) {
                return;
            }
            swap(heap, scores, at, smallest);
            at = smallest;
        }
    }

    private static void swap(int[] heap, float[] scores, int a, int b) {
        int position = heap[a];
        heap[a] = heap[b];
        heap[b] = position;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }

    /** Writes the vector's 8-bit codes at {@code offset} and returns the scale that maps a code back to a component. */
    private float quantize(float[] vector, byte[] target, int offset) {
        float largest = 0;
        for (float component : vector) {
            largest = Math.max(largest, Math.abs(component));
        }
        if (largest == 0) {
            return 0;
        }
        for (int j = 0; j < dimensions; j++) {
            target[offset + j] = (byte) Math.round(vector[j] * CODE_RANGE / largest);
        }
        return largest / CODE_RANGE;
    }

    private static float dot(float[] embedding, float[] probe) {
        float sum = 0;
        for (int j = 0; j < probe.length; j++) {
            sum += embedding[j] * probe[j];
        }
        return sum;
    }
}
