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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds model packs and turns their files into ONNX Runtime sessions. A pack is described by its {@code pack.json}
 * (kept with the application, or written into the models directory beside a trained pack's files); its files are read
 * from the models directory ({@code <dir>/<pack>/<file>}), or from the application for the packs the build fetches.
 * Each file is verified against the SHA-256 of its manifest and its declared input shape, so a wrong or damaged model
 * stops the service at start-up with a clear message instead of producing scores from the wrong network. A pack whose
 * files are absent is not an error: it is reported once and left out, and what needs it says so
 * ({@link ModelUnavailableException}).
 */
@Singleton
public class ModelPacks {
    private static final Logger LOG = LoggerFactory.getLogger(ModelPacks.class);

    private final Map<String, List<String>> missing = new ConcurrentSkipListMap<>();
    private final Map<String, Map<String, String>> loaded = new ConcurrentSkipListMap<>();
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

    /** The files of a pack found in neither the models directory nor the application. */
    public List<String> missingFiles(String pack, List<ModelSpec> specs) {
        return specs.stream()
                .map(ModelSpec::file)
                .filter(file -> !exists(pack, file))
                .toList();
    }

    /**
     * The pack's models, loaded and verified, or empty when any of their files is absent: the pack is then reported
     * once, in the log and in {@link #missing()}.
     */
    public Optional<List<OnnxModel>> loadIfPresent(String pack, List<ModelSpec> specs) {
        List<String> absent = missingFiles(pack, specs);
        if (absent.isEmpty()) {
            return Optional.of(loadAll(pack, specs));
        }
        if (missing.putIfAbsent(pack, absent) == null) {
            LOG.warn(
                    "Model pack '{}' is not installed: {} not found in {}; what needs it is unavailable",
                    pack,
                    String.join(", ", absent),
                    config.modelsPath()
                            .map(dir -> dir.toAbsolutePath()
                                    .normalize()
                                    .resolve(pack)
                                    .toString())
                            .orElse("a models directory (none configured)"));
        }
        return Optional.empty();
    }

    /** The packs loaded so far: each file with the SHA-256 it was verified against. */
    public Map<String, Map<String, String>> loaded() {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        loaded.forEach((pack, files) -> copy.put(pack, Map.copyOf(files)));
        return copy;
    }

    /** The packs found incomplete so far, with their absent files. */
    public Map<String, List<String>> missing() {
        return Map.copyOf(missing);
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
            loaded.computeIfAbsent(pack, name -> new ConcurrentSkipListMap<>()).put(spec.file(), actual.toLowerCase());
            Timer inference = Timer.builder("argus.model.inference")
                    .description("one ONNX Runtime inference, by pack and model file")
                    .tag("pack", pack)
                    .tag("model", spec.file())
                    .register(metrics);
            return new OnnxModel(environment, session, spec, inference);
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "model pack '" + pack + "': " + spec.file() + " is not a loadable ONNX model", e);
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

    private Optional<Path> inModelsDirectory(String pack, String file) {
        return config.modelsPath().map(dir -> dir.resolve(pack).resolve(file)).filter(Files::isRegularFile);
    }

    private boolean exists(String pack, String file) {
        return inModelsDirectory(pack, file).isPresent() || ModelPacks.class.getResource(resource(pack, file)) != null;
    }

    private static String resource(String pack, String file) {
        return "/models/" + pack + "/" + file;
    }

    /** A file of a pack: from the models directory when it is there, else from the application's own packs. */
    private InputStream open(String pack, String file) throws IOException {
        Optional<Path> inDirectory = inModelsDirectory(pack, file);
        if (inDirectory.isPresent()) {
            return Files.newInputStream(inDirectory.get());
        }
        InputStream resource = ModelPacks.class.getResourceAsStream(resource(pack, file));
        if (resource == null) {
            throw new IOException("%s of model pack '%s' is in neither %s nor the application"
                    .formatted(
                            file,
                            pack,
                            config.modelsPath()
                                    .map(dir -> dir.resolve(pack).toString())
                                    .orElse("a models directory (none configured)")));
        }
        return resource;
    }

    public List<OnnxModel> loadAll(String pack, List<ModelSpec> specs) {
        return specs.stream().map(spec -> load(pack, spec)).toList();
    }
}
