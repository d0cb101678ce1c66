package argus.vision;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every face model the analyses use, loaded and verified once at start-up and shared by all requests.
 */
@Context
public class FaceModels {
    private static final Logger LOG = LoggerFactory.getLogger(FaceModels.class);

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
        this.detector = new FaceDetector(track(packs.load(face.name(), role(face, "detector"))), config.detectionThreshold());
        this.finder = new FaceFinder(detector);
        this.landmarker = new FaceLandmarker(track(packs.load(face.name(), role(face, "landmarks"))));
        this.embedder = new FaceEmbedder(track(packs.load(face.name(), role(face, "embedding"))));
        this.pose = new HeadPose(track(packs.load(face.name(), role(face, "pose"))));
        PackManifest live = packs.manifest(config.livenessPack());
        if (live.liveness() == null) {
            throw new IllegalStateException("model pack '" + live.name() + "' has no liveness models");
        }
        this.liveness = new LivenessEnsemble(live.name(), packs.loadAll(live.name(), live.liveness()).stream().map(this::track).toList(),
                live.livenessCalibration() == null ? PackManifest.LivenessCalibration.NONE : live.livenessCalibration());
        LOG.info("Face models from pack '{}', liveness from pack '{}' ({} model(s))", face.name(), live.name(), live.liveness().size());
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
