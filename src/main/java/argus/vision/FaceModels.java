package argus.vision;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every face model the analyses use, loaded and verified once at start-up and shared by all requests. The face pack
 * is required; the liveness pack is the one asked for, else the strongest installed (measured by the evaluation
 * command: MiniFASNet before the face pack's own network, which every installation has).
 */
@Context
public class FaceModels {
    private static final Logger LOG = LoggerFactory.getLogger(FaceModels.class);
    static final List<String> LIVENESS_BY_STRENGTH = List.of("minifasnet");

    private final FaceDetector detector;
    private final FaceFinder finder;
    private final FaceLandmarker landmarker;
    private final FaceEmbedder embedder;
    private final HeadPose pose;
    private final LivenessEnsemble liveness;
    private final List<OnnxModel> sessions = new ArrayList<>();
    private final String facePack;

    public FaceModels(ModelPacks packs, VisionConfig config) {
        PackManifest face = packs.manifest(config.facePack());
        this.facePack = face.name();
        this.detector =
                new FaceDetector(track(packs.load(face.name(), role(face, "detector"))), config.detectionThreshold());
        this.finder = new FaceFinder(detector);
        this.landmarker = new FaceLandmarker(track(packs.load(face.name(), role(face, "landmarks"))));
        this.embedder = new FaceEmbedder(track(packs.load(face.name(), role(face, "embedding"))));
        this.pose = new HeadPose(track(packs.load(face.name(), role(face, "pose"))));
        this.liveness = liveness(
                packs,
                Stream.concat(
                                Stream.concat(config.requestedLivenessPack().stream(), LIVENESS_BY_STRENGTH.stream()),
                                Stream.of(face.name()))
                        .distinct()
                        .toList());
        LOG.info("Face models from pack '{}', liveness from pack '{}'", face.name(), liveness.pack());
    }

    /** The first of the candidate packs whose liveness models are all installed. */
    private LivenessEnsemble liveness(ModelPacks packs, List<String> candidates) {
        for (String candidate : candidates) {
            PackManifest pack = packs.manifest(candidate);
            if (pack.liveness() == null) {
                throw new IllegalStateException("model pack '" + pack.name() + "' has no liveness models");
            }
            Optional<List<OnnxModel>> models = packs.loadIfPresent(pack.name(), pack.liveness());
            if (models.isPresent()) {
                return new LivenessEnsemble(
                        pack.name(),
                        models.get().stream().map(this::track).toList(),
                        pack.livenessCalibration() == null
                                ? PackManifest.LivenessCalibration.NONE
                                : pack.livenessCalibration());
            }
        }
        throw new IllegalStateException("no liveness pack is installed among " + candidates);
    }

    private static ModelSpec role(PackManifest pack, String role) {
        Map<String, ModelSpec> models = pack.models() == null ? Map.of() : pack.models();
        ModelSpec spec = models.get(role);
        if (spec == null) {
            throw new IllegalStateException("model pack '" + pack.name() + "' has no '" + role + "' model");
        }
        return spec;
    }

    private OnnxModel track(OnnxModel model) {
        sessions.add(model);
        return model;
    }

    public String facePack() {
        return facePack;
    }

    /** ONNX Runtime sessions open. */
    public int sessions() {
        return sessions.size();
    }

    public FaceDetector detector() {
        return detector;
    }

    public FaceFinder finder() {
        return finder;
    }

    public FaceLandmarker landmarker() {
        return landmarker;
    }

    public FaceEmbedder embedder() {
        return embedder;
    }

    public HeadPose pose() {
        return pose;
    }

    public LivenessEnsemble liveness() {
        return liveness;
    }

    @PreDestroy
    void close() throws Exception {
        for (OnnxModel session : sessions) {
            session.close();
        }
    }
}
