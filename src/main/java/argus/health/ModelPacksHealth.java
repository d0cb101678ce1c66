package argus.health;

import argus.vision.FaceModels;
import argus.vision.ModelPacks;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * The model packs, loaded and checked against their SHA-256 at start-up. A pack whose files are not installed leaves
 * the instance serving what does not need it: the component is then {@code DEGRADED}, naming the packs and their
 * absent files, which is neither UP nor DOWN (the instance stays ready; the contracts needing those packs answer 503).
 */
@Singleton
@Readiness
public class ModelPacksHealth extends AbstractHealthIndicator<Map<String, Object>> {
    /** Neither operational nor not: sorts above UP and below DOWN when the health endpoint aggregates, and answers 200. */
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "some model packs are not installed", null, null);

    private final FaceModels models;
    private final ModelPacks packs;

    public ModelPacksHealth(FaceModels models, ModelPacks packs) {
        this.models = models;
        this.packs = packs;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, List<String>> missing = packs.missing();
        healthStatus = models.sessions() == 0 ? HealthStatus.DOWN : missing.isEmpty() ? HealthStatus.UP : DEGRADED;
        return Map.of(
                "facePack",
                models.facePack(),
                "livenessPack",
                models.liveness().pack(),
                "sessions",
                models.sessions(),
                "missingPacks",
                missing);
    }

    @Override
    public String getName() {
        return "modelPacks";
    }
}
