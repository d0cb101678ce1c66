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
    private UUID[] images;
    private UUID[] persons;
    private UUID[] collections;
    private int size;

    public Gallery(int dimensions, int capacity) {
        this.dimensions = dimensions;
        this.codes = new byte[dimensions * Math.max(1, capacity)];
        this.scales = new float[Math.max(1, capacity)];
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
            codes = Arrays.copyOf(codes, capacity * dimensions);
            scales = Arrays.copyOf(scales, capacity);
            images = Arrays.copyOf(images, capacity);
            persons = Arrays.copyOf(persons, capacity);
            collections = Arrays.copyOf(collections, capacity);
        }
        scales[size] = quantize(embedding, codes, size * dimensions);
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
                System.arraycopy(codes, last * dimensions, codes, i * dimensions, dimensions);
                scales[i] = scales[last];
                images[i] = images[last];
                persons[i] = persons[last];
                collections[i] = collections[last];
                images[last] = null;
                persons[last] = null;
                collections[last] = null;
            }
        }
    }

    /**
     * The first pass: the faces whose codes come closest to the probe's, enough of them to hold the {@code limit} best
     * matches, optionally within some collections only; their cosines are approximate until {@link #rescore}d.
     */
    public List<Hit> candidates(float[] probe, int limit, Set<UUID> within) {
        return Arrays.stream(positions(probe, Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT), within))
                .mapToObj(i -> new Hit(images[i], persons[i], collections[i], 0))
                .toList();
    }

    /** The second pass: the {@code limit} best candidates by exact cosine, best first; candidates gone meanwhile drop out. */
    public static List<Hit> rescore(List<Hit> candidates, Map<UUID, float[]> embeddings, float[] probe, int limit) {
        return candidates.stream().filter(hit -> embeddings.containsKey(hit.imageId()))
                .map(hit -> new Hit(hit.imageId(), hit.personId(), hit.collectionId(), dot(embeddings.get(hit.imageId()), probe)))
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
        return IntStream.range(0, slices).parallel()
                .mapToObj(slice -> positions(probeCodes, count, within, (int) ((long) size * slice / slices), (int) ((long) size * (slice + 1) / slices)))
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
            float score = scales[i] * codeDot(i * dimensions, probeCodes);
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

    /** A plain loop: the JIT compiles it to faster code than an unrolled one with several sums (measured). */
    private int codeDot(int offset, byte[] probeCodes) {
        int sum = 0;
        for (int j = 0; j < dimensions; j++) {
            sum += codes[offset + j] * probeCodes[j];
        }
        return sum;
    }

    private static float dot(float[] embedding, float[] probe) {
        float sum = 0;
        for (int j = 0; j < probe.length; j++) {
            sum += embedding[j] * probe[j];
        }
        return sum;
    }
}
