package argus.vision;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which model packs the vision layer loads, and how.
 *
 * @param modelsDir          a directory of packs ({@code <dir>/<pack>/pack.json} and model files) that adds to or
 *                           overrides the packs shipped with Argus
 * @param facePack           pack providing the detector, landmarks and embedding models
 * @param livenessPack       pack providing the anti-spoofing ensemble
 * @param detectionThreshold detector confidence for a face to count
 * @param inferenceThreads   ONNX Runtime threads per inference; 1 keeps each request on one core so that the engine's
 *                           pool decides the parallelism
 */
@ConfigurationProperties("argus.vision")
public record VisionConfig(@Nullable String modelsDir,
                           @Bindable(defaultValue = "faceplugin") String facePack,
                           @Bindable(defaultValue = "minifasnet") String livenessPack,
                           @Bindable(defaultValue = "0.7") float detectionThreshold,
                           @Bindable(defaultValue = "1") int inferenceThreads) {

    /** The models directory, if one is configured (an empty setting means none). */
    public Optional<Path> modelsPath() {
        return modelsDir == null || modelsDir.isBlank() ? Optional.empty() : Optional.of(Path.of(modelsDir));
    }
}
