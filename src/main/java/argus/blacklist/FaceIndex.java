package argus.blacklist;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * Each company's enrolled faces in memory, for fast 1:N search. The database is the truth: every change bumps the
 * company's faces version in the same transaction, a search first reads that version (one indexed lookup), and a
 * gallery built from an older version is reloaded. Changes made by this instance are applied in place, so only
 * another instance's changes cost a reload.
 */
@Singleton
public class FaceIndex {
    private static final int LOAD_PAGE = 5_000;
    private final PersonImageRepository images;
    private final FacesVersionRepository versions;
    private final Map<UUID, Entry> companies = new ConcurrentHashMap<>();
    private final Timer searches;

    public FaceIndex(PersonImageRepository images, FacesVersionRepository versions, MeterRegistry metrics) {
        this.images = images;
        this.versions = versions;
        this.searches = Timer.builder("argus.gallery.search")
                .description("whole 1:N searches (both passes)")
                .register(metrics);
        Gauge.builder("argus.gallery.faces", this, FaceIndex::faces)
                .description("enrolled faces held in memory by this instance")
                .register(metrics);
    }

    private static final class Entry {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private volatile Gallery gallery;
        private long version = -1;
    }

    /** The {@code limit} enrolled faces most similar to the probe, best first, by exact cosine. */
    public List<Gallery.Hit> search(UUID companyId, float[] probe, int limit, Set<UUID> collections) {
        return searches.record(() -> searchNow(companyId, probe, limit, collections));
    }

    private long faces() {
        return companies.values().stream()
                .mapToLong(entry -> {
                    Gallery gallery = entry.gallery;
                    return gallery == null ? 0 : gallery.size();
                })
                .sum();
    }

    private List<Gallery.Hit> searchNow(UUID companyId, float[] probe, int limit, Set<UUID> collections) {
        Entry entry = current(companyId, probe.length);
        List<Gallery.Hit> candidates;
        entry.lock.readLock().lock();
        try {
            candidates = entry.gallery.candidates(probe, limit, collections);
        } finally {
            entry.lock.readLock().unlock();
        }
        Map<UUID, float[]> embeddings = new HashMap<>();
        images.findByIdIn(candidates.stream().map(Gallery.Hit::imageId).toList())
                .forEach(row -> embeddings.put(row.id(), Embeddings.decode(row.embedding())));
        return Gallery.rescore(candidates, embeddings, probe, limit);
    }

    private Entry current(UUID companyId, int dimensions) {
        long version = versions.facesVersion(companyId);
        Entry entry = companies.computeIfAbsent(companyId, id -> new Entry());
        entry.lock.writeLock().lock();
        try {
            if (entry.version != version) {
                // Released before the new one is read: both at once would need twice the memory.
                entry.gallery = null;
                entry.gallery = load(companyId, dimensions);
                entry.version = version;
            }
            return entry;
        } finally {
            entry.lock.writeLock().unlock();
        }
    }

    /**
     * Reads the company's faces page by page (a million of them are gigabytes of rows) into a new gallery. Collections
     * are few: each is held once rather than once per face.
     */
    private Gallery load(UUID companyId, int dimensions) {
        Gallery gallery = new Gallery(dimensions, images.countByCompanyId(companyId));
        Map<UUID, UUID> collections = new HashMap<>();
        List<PersonImage> page = images.firstPage(companyId, LOAD_PAGE);
        while (!page.isEmpty()) {
            for (PersonImage row : page) {
                gallery.add(
                        row.id(),
                        row.personId(),
                        collections.computeIfAbsent(row.collectionId(), id -> id),
                        Embeddings.decode(row.embedding()));
            }
            page = page.size() < LOAD_PAGE
                    ? List.of()
                    : images.pageAfter(companyId, page.getLast().id(), LOAD_PAGE);
        }
        return gallery;
    }

    /** Applies a committed enrolment made here, if the gallery was current just before it. */
    void added(UUID companyId, long version, List<PersonImage> rows, List<float[]> embeddings) {
        apply(companyId, version, gallery -> {
            for (int i = 0; i < rows.size(); i++) {
                gallery.add(
                        rows.get(i).id(), rows.get(i).personId(), rows.get(i).collectionId(), embeddings.get(i));
            }
        });
    }

    /** Applies a committed removal made here, if the gallery was current just before it. */
    void removed(UUID companyId, long version, Predicate<Gallery.Hit> doomed) {
        apply(companyId, version, gallery -> gallery.removeIf(doomed));
    }

    private void apply(UUID companyId, long version, java.util.function.Consumer<Gallery> change) {
        Entry entry = companies.get(companyId);
        if (entry == null) {
            return;
        }
        entry.lock.writeLock().lock();
        try {
            if (entry.gallery != null && entry.version == version - 1) {
                change.accept(entry.gallery);
                entry.version = version;
            }
        } finally {
            entry.lock.writeLock().unlock();
        }
    }
}
