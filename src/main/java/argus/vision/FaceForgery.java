package argus.vision;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Context;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Face-swap forgery: MesoNet (Meso4, trained on DeepFake face swaps) classifies the face, cropped square with a little
 * margin, as genuine or forged. A small 2018 baseline: it reads the mesoscopic texture a face swap leaves, so it helps
 * with swapped faces and says little about re-captured (replayed) ones, which liveness covers.
 */
@Context
public class FaceForgery {
    static final String ROLE = "face_forgery";

    private final OnnxModel model;

    public FaceForgery(ModelPacks packs, @Value("${argus.vision.forgery-pack:mesonet}") String pack) {
        this.model = packs.load(pack, packs.manifest(pack).models().get(ROLE));
    }

    /** Probability that the face was forged, in [0, 1]. */
    public double forgeryProbability(Mat bgr, FaceBox face) {
        ModelSpec spec = model.spec();
        try (Rect region = FaceCrops.region(bgr, face.square(), spec.cropScale()); Mat crop = new Mat(bgr, region)) {
            float real = model.runSingle(crop, spec.channels(), spec.mean(), spec.std())[0];
            return 1 - real;
        }
    }
}
