package argus.vision;

import io.micronaut.context.annotation.Context;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Face-swap forgery: MesoNet (Meso4, trained on DeepFake face swaps) classifies the face, cropped square with a little
 * margin, as genuine or forged. A small 2018 baseline: it reads the mesoscopic texture a face swap leaves, so it helps
 * with swapped faces and says little about re-captured (replayed) ones, which liveness covers. Compressed webcam
 * video of genuine faces reaches high scores too, so the pack's fitted {@code forgery_calibration} decides from where
 * a score means a swap, and below that where it cannot tell. Without the pack installed, every use is refused with
 * {@link ModelUnavailableException}.
 */
@Context
public class FaceForgery {
    static final String ROLE = "face_forgery";
    /** Without a fitted calibration: the model's own boundary. */
    private static final PackManifest.EvidenceBands OWN_BOUNDARY = new PackManifest.EvidenceBands(0.5, 0.5, null);

    private final String pack;
    private final OnnxModel model;
    private final PackManifest.EvidenceBands bands;

    public FaceForgery(ModelPacks packs, VisionConfig config) {
        PackManifest manifest = packs.manifest(config.forgeryPack());
        this.pack = manifest.name();
        this.model = packs.loadIfPresent(pack, List.of(manifest.models().get(ROLE)))
                .map(List::getFirst)
                .orElse(null);
        this.bands = manifest.forgeryCalibration() == null ? OWN_BOUNDARY : manifest.forgeryCalibration();
    }

    /** Refuses at once when the pack is not installed, before any work is accepted that would need it. */
    public void requireInstalled() {
        if (model == null) {
            throw new ModelUnavailableException(pack);
        }
    }

    public PackManifest.EvidenceBands bands() {
        return bands;
    }

    /** Probability that the face was forged, in [0, 1]. */
    public double forgeryProbability(Mat bgr, FaceBox face) {
        requireInstalled();
        ModelSpec spec = model.spec();
        try (Rect region = FaceCrops.region(bgr, face.square(), spec.cropScale());
                Mat crop = new Mat(bgr, region)) {
            float real = model.runSingle(crop, spec.channels(), spec.mean(), spec.std())[0];
            return 1 - real;
        }
    }
}
