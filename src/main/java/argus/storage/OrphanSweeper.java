package argus.storage;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a request that died mid-way (a crash, a kill) left in the store: staged uploads, and objects written
 * before their database rows were committed. Runs soon after start-up and then periodically; only objects older than
 * the grace period are considered, and only those no table refers to are removed.
 */
@Singleton
public class OrphanSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanSweeper.class);

    private final MediaStore store;
    private final List<StoredObjectOwner> owners;
    private final SweepConfig config;

    public OrphanSweeper(MediaStore store, List<StoredObjectOwner> owners, SweepConfig config) {
        this.store = store;
        this.owners = owners;
        this.config = config;
    }

    @Scheduled(initialDelay = "${argus.storage.sweep-delay:5s}", fixedDelay = "${argus.storage.sweep-interval:1h}")
    public void sweep() {
        Instant cutoff = Instant.now().minus(config.orphanGrace());
        try {
            int staged = store.discardStagedBefore(cutoff);
            int orphans = 0;
            try (Stream<String> keys = store.keysWrittenBefore(cutoff)) {
                for (String key : (Iterable<String>) keys::iterator) {
                    if (owners.stream().noneMatch(owner -> owner.refersTo(key))) {
                        store.delete(key);
                        orphans++;
                    }
                }
            }
            if (staged + orphans > 0) {
                LOG.info("orphan sweep removed {} staged uploads and {} unreferenced objects", staged, orphans);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("orphan sweep failed", e);
        }
    }
}
