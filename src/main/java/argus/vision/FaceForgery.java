package argus.vision;

import argus.ArgusException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Face-swap forgery: MesoNet (Meso4, trained on DeepFake face swaps) classifies the face, cropped square with a little
 * margin, as genuine or forged. A small 2018 baseline: it reads the mesoscopic texture a face swap leaves, so it helps
 * with swapped faces and says little about re-captured (replayed) ones, which liveness covers.
 */
@Singleton
public class FaceForgery {
    private static final Logger LOG = LoggerFactory.getLogger(FaceForgery.class);
    static final String ROLE = "face_forgery";

    private final ModelPacks packs;
    private final String pack;
    private OnnxModel model;

    public FaceForgery(ModelPacks packs, @Value("${argus.vision.forgery-pack:mesonet}") String pack) {
        this.packs = packs;
        this.pack = pack;
    }

    /** Probability that the face was forged, in [0, 1]. */
    public double forgeryProbability(Mat bgr, FaceBox face) {
        OnnxModel meso = model();
        ModelSpec spec = meso.spec();
        try (Rect region = FaceCrops.region(bgr, face.square(), spec.cropScale()); Mat crop = new Mat(bgr, region)) {
            float real = meso.runSingle(crop, spec.channels(), spec.mean(), spec.std())[0];
            return 1 - real;
        }
    }

    /** Refuses (503) at once when the model is not installed, so that no check is accepted that cannot run. */
    public void requireModel() {
        model();
    }

    /** The model, loaded on first use: the service runs without it when no models directory provides the pack. */
    private synchronized OnnxModel model() {
        if (model == null) {
            try {
                model = packs.load(pack, packs.manifest(pack).models().get(ROLE));
            } catch (RuntimeException e) {
                LOG.warn("the face forgery model is unavailable: {}", e.getMessage());
                throw new ArgusException(HttpStatus.SERVICE_UNAVAILABLE, "MODEL_UNAVAILABLE",
                        "the face forgery model is not installed (model pack '" + pack + "')");
            }
        }
        return model;
    }
}
