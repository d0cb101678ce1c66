package argus.health;

import argus.vision.FaceModels;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

import java.util.Map;

/** The model packs every analysis needs, loaded and checked against their SHA-256 at start-up. */
@Singleton
@Readiness
public class ModelPacksHealth extends AbstractHealthIndicator<Map<String, Object>> {
    private final FaceModels models;

    public ModelPacksHealth(FaceModels models) {
        this.models = models;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = models.sessions() > 0 ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("facePack", models.facePack(), "livenessPack", models.liveness().pack(), "sessions", models.sessions());
    }

    @Override
    public String getName() {
        return "modelPacks";
    }
}
