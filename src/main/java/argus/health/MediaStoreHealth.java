package argus.health;

import argus.storage.MediaStore;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;

/** Ready only while the media store (local directory or bucket) takes a write: uploads would fail otherwise. */
@Singleton
@Readiness
public class MediaStoreHealth extends AbstractHealthIndicator<Map<String, Object>> {
    private final MediaStore store;

    public MediaStoreHealth(MediaStore store) {
        this.store = store;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        try {
            store.checkWritable();
            healthStatus = HealthStatus.UP;
            return Map.of("store", store.getClass().getSimpleName());
        } catch (IOException | RuntimeException e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of(
                    "store",
                    store.getClass().getSimpleName(),
                    "error",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public String getName() {
        return "mediaStore";
    }
}
