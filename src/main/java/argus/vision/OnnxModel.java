package argus.vision;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.util.Map;

/** An ONNX Runtime session built once and shared by every thread (sessions are safe for concurrent runs). */
public final class OnnxModel implements AutoCloseable {
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final ModelSpec spec;
    private final String inputName;
    private final long[] shape;

    OnnxModel(OrtEnvironment environment, OrtSession session, ModelSpec spec) {
        this.environment = environment;
        this.session = session;
        this.spec = spec;
        this.inputName = session.getInputNames().iterator().next();
        this.shape = spec.input().stream().mapToLong(Long::longValue).toArray();
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Runs the model on one input and returns every output, flattened, by name. */
    public Map<String, float[]> run(float[] input) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            Map<String, float[]> outputs = new java.util.HashMap<>();
            result.forEach(entry -> outputs.put(entry.getKey(), flatten((OnnxTensor) entry.getValue())));
            return outputs;
        } catch (OrtException e) {
            throw new IllegalStateException("inference failed in " + spec.file(), e);
        }
    }

    /** Runs a model with a single output. */
    public float[] runSingle(float[] input) {
        return run(input).values().iterator().next();
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
