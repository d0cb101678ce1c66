package argus.vision;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import argus.Digests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds model packs and turns their files into ONNX Runtime sessions. Each file is verified against the SHA-256 of its
 * manifest and its declared input shape, so a wrong or damaged model stops the service at start-up with a clear
 * message instead of producing scores from the wrong network.
 */
@Singleton
public class ModelPacks {
    private final VisionConfig config;
    private final JsonMapper json;
    private final MeterRegistry metrics;
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();

    public ModelPacks(VisionConfig config, JsonMapper json, MeterRegistry metrics) {
        this.config = config;
        this.json = json;
        this.metrics = metrics;
    }

    public PackManifest manifest(String pack) {
        try (InputStream in = open(pack, "pack.json")) {
            return json.readValue(in, PackManifest.class);
        } catch (IOException e) {
            throw new IllegalStateException("model pack '" + pack + "': unreadable pack.json: " + e.getMessage(), e);
        }
    }

    public OnnxModel load(String pack, ModelSpec spec) {
        byte[] bytes;
        try (InputStream in = open(pack, spec.file())) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("model pack '" + pack + "': cannot read " + spec.file(), e);
        }
        String actual = Digests.sha256Hex(bytes);
        if (!actual.equalsIgnoreCase(spec.sha256())) {
            throw new IllegalStateException("model pack '%s': %s has SHA-256 %s, the manifest expects %s"
                    .formatted(pack, spec.file(), actual, spec.sha256()));
        }
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(config.inferenceThreads());
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(bytes, options);
            checkInputShape(pack, spec, session);
            Timer inference = Timer.builder("argus.model.inference").description("one ONNX Runtime inference, by pack and model file")
                    .tag("pack", pack).tag("model", spec.file()).register(metrics);
            return new OnnxModel(environment, session, spec, inference);
        } catch (OrtException e) {
            throw new IllegalStateException("model pack '" + pack + "': " + spec.file() + " is not a loadable ONNX model", e);
        }
    }

    private static void checkInputShape(String pack, ModelSpec spec, OrtSession session) throws OrtException {
        NodeInfo input = session.getInputInfo().values().iterator().next();
        long[] declared = ((TensorInfo) input.getInfo()).getShape();
        long[] expected = spec.input().stream().mapToLong(Long::longValue).toArray();
        if (!Arrays.equals(declared, expected)) {
            throw new IllegalStateException("model pack '%s': %s takes input %s, the manifest says %s"
                    .formatted(pack, spec.file(), Arrays.toString(declared), Arrays.toString(expected)));
        }
    }

    /** A file of a pack: from the configured models directory when it is there, else from the build's resources. */
    private InputStream open(String pack, String file) throws IOException {
        Optional<Path> directory = config.modelsPath().map(dir -> dir.resolve(pack));
        if (directory.isPresent() && Files.isRegularFile(directory.get().resolve(file))) {
            return Files.newInputStream(directory.get().resolve(file));
        }
        InputStream resource = ModelPacks.class.getResourceAsStream("/models/" + pack + "/" + file);
        if (resource == null) {
            throw new IOException("%s of model pack '%s' is in neither %s nor the built-in packs".formatted(
                    file, pack, directory.map(Path::toString).orElse("a models directory (none configured)")));
        }
        return resource;
    }

    public List<OnnxModel> loadAll(String pack, List<ModelSpec> specs) {
        return specs.stream().map(spec -> load(pack, spec)).toList();
    }
}
