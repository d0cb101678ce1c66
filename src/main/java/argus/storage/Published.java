package argus.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The objects a request has written to the store, so that a request that fails after all removes them again. */
public final class Published {
    private static final Logger LOG = LoggerFactory.getLogger(Published.class);

    public interface StoreWrite {
        void run() throws IOException;
    }

    private final MediaStore store;
    private final List<String> keys = new ArrayList<>();

    public Published(MediaStore store) {
        this.store = store;
    }

    public void write(String key, StoreWrite write) {
        try {
            write.run();
            keys.add(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key, e);
        }
    }

    public void rollback() {
        for (String key : keys) {
            try {
                store.delete(key);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not remove {} after a failed request", key, e);
            }
        }
        keys.clear();
    }
}
