package argus.vision;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which model packs the vision layer loads, and how.
 *
 * @param modelsDir          the models directory: the files of the packs no registry serves ({@code <dir>/<pack>/<file>}),
 *                           and packs of its own ({@code <dir>/<pack>/pack.json} beside their files)
 * @param facePack           pack providing the detector, landmarks and embedding models
 * @param livenessPack       pack providing the anti-spoofing ensemble; none set: the strongest one installed
 * @param forgeryPack        pack providing the face-swap detector
 * @param detectionThreshold detector confidence for a face to count
 * @param inferenceThreads   ONNX Runtime threads per inference; 1 keeps each request on one core so that the engine's
 *                           pool decides the parallelism
 */
@ConfigurationProperties("argus.vision")
public record VisionConfig(
        @Nullable String modelsDir,
        @Bindable(defaultValue = "faceplugin") String facePack,
        @Nullable String livenessPack,
        @Bindable(defaultValue = "mesonet") String forgeryPack,
        @Bindable(defaultValue = "0.7") float detectionThreshold,
        @Bindable(defaultValue = "1") int inferenceThreads) {

    /** The models directory, if one is configured (an empty setting means none). */
    public Optional<Path> modelsPath() {
        return modelsDir == null || modelsDir.isBlank() ? Optional.empty() : Optional.of(Path.of(modelsDir));
    }

    /** The liveness pack asked for, if one is. */
    public Optional<String> requestedLivenessPack() {
        return livenessPack == null || livenessPack.isBlank() ? Optional.empty() : Optional.of(livenessPack);
    }
}
