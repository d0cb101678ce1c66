package argus.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.micrometer.core.instrument.Timer;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * An ONNX Runtime session built once and shared by every thread (sessions are safe for concurrent runs). Pictures
 * are turned into the model's NCHW input natively (resize, channel order, normalisation in one OpenCV pass) and handed
 * to ONNX Runtime without a copy.
 */
public final class OnnxModel implements AutoCloseable {
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final ModelSpec spec;
    private final String inputName;
    private final long[] shape;
    private final Timer inference;

    OnnxModel(OrtEnvironment environment, OrtSession session, ModelSpec spec, Timer inference) {
        this.inference = inference;
        this.environment = environment;
        this.session = session;
        this.spec = spec;
        this.inputName = session.getInputNames().iterator().next();
        this.shape = spec.input().stream().mapToLong(Long::longValue).toArray();
    }

    public ModelSpec spec() {
        return spec;
    }

    /**
     * Runs the model on an 8-bit picture (BGR, or grey for one-channel models) resized to the model's input, with
     * pixel values mapped to {@code (value - mean) / std}, and returns every output, flattened, by name.
     */
    public Map<String, float[]> run(Mat picture, ChannelOrder order, float mean, float std) {
        return run(picture, order, new float[] {mean, mean, mean}, new float[] {std, std, std});
    }

    /**
     * {@link #run(Mat, ChannelOrder, float, float)} with a mean and a deviation per channel (in the model's channel
     * order), as networks trained with ImageNet statistics expect.
     */
    public Map<String, float[]> run(Mat picture, ChannelOrder order, float[] mean, float[] std) {
        try (Size size = new Size(spec.inputWidth(), spec.inputHeight());
                Scalar means = new Scalar(mean[0], mean[1], mean[2], 0);
                Mat blob =
                        blobFromImage(picture, 1.0 / std[0], size, means, order == ChannelOrder.RGB, false, CV_32F)) {
            FloatBuffer planes = blob.createBuffer();
            rescalePlanes(planes, std);
            return run(planes);
        }
    }

    /** blobFromImage scales every channel by the first deviation; the others are corrected plane by plane. */
    private void rescalePlanes(FloatBuffer planes, float[] std) {
        int channels = (int) shape[1];
        int plane = (int) (shape[2] * shape[3]);
        for (int c = 1; c < channels; c++) {
            if (std[c] != std[0]) {
                float factor = std[0] / std[c];
                for (int i = c * plane; i < (c + 1) * plane; i++) {
                    planes.put(i, planes.get(i) * factor);
                }
            }
        }
    }

    private Map<String, float[]> run(FloatBuffer input) {
        long start = System.nanoTime();
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, shape);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            Map<String, float[]> outputs = new HashMap<>();
            result.forEach(entry -> outputs.put(entry.getKey(), flatten((OnnxTensor) entry.getValue())));
            inference.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return outputs;
        } catch (OrtException e) {
            throw new IllegalStateException("inference failed in " + spec.file(), e);
        }
    }

    /** Runs the model on a raw input of its declared shape (an audio window, say) and returns every output by name. */
    public Map<String, float[]> run(float[] input) {
        return run(FloatBuffer.wrap(input));
    }

    /** {@link #run} for a model with a single output. */
    public float[] runSingle(Mat picture, ChannelOrder order, float mean, float std) {
        return run(picture, order, mean, std).values().iterator().next();
    }

    private static float[] flatten(OnnxTensor tensor) {
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
