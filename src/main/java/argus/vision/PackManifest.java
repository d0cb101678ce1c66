package argus.vision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The {@code pack.json} describing a model pack: its face models by role ({@code detector}, {@code landmarks},
 * {@code embedding}) and its liveness ensemble. A pack may provide only some roles.
 */
@Serdeable
public record PackManifest(String name,
                           @Nullable String source,
                           @Nullable Map<String, ModelSpec> models,
                           @Nullable List<ModelSpec> liveness) {
}
