package argus.bench;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import argus.analysis.AnalysisRunner;
import argus.analysis.MediaEvidence;
import argus.vision.FaceBox;
import argus.vision.FaceModels;
import argus.vision.MediaOpener;
import argus.vision.MediaSource;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Writes the face crops a liveness network sees, for training one: for every labelled face capture
 * ({@link LabelledMedia}), every sampled frame QUALITY would score, and every crop scale of the liveness pack, the
 * exact region the service feeds the network (at most {@link #MAX_SIDE} pixels, PNG), with an index
 * ({@code crops.tsv}: file, media, source, label, frame, scale, the share of the picture the face covers, and the
 * face box with the quarter turns the frame needed). The crops derive from the shared media: they stay outside the repository.
 *
 * <p>Run by the training profile: {@code -Dcrops.out=<dir>}.
 */
public final class LivenessCrops {
    private static final int MAX_SIDE = 256;

    private LivenessCrops() {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(System.getProperty("crops.out")));
        Map<String, Object> properties = Map.of(
                "argus.data-dir",
                Files.createTempDirectory("argus-crops").toString(),
                "argus.vision.liveness-pack",
                System.getProperty("crops.pack", "minifasnet"),
                "argus.auth.admin-password",
                UUID.randomUUID().toString());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            MediaOpener opener = context.getBean(MediaOpener.class);
            AnalysisRunner runner = context.getBean(AnalysisRunner.class);
            FaceModels models = context.getBean(FaceModels.class);
            List<String> index = new ArrayList<>(List.of("file\tmedia\tsource\tlabel\tframe\tscale\tface_share\tface"));
            for (LabelledMedia media : LabelledMedia.faceCaptures()) {
                try (MediaSource source = opener.open(media.file())) {
                    index.addAll(runner.withSamples(
                            source, opener.limits().sampledFrames(), evidence -> crops(evidence, models, media, out)));
                }
            }
            Files.write(out.resolve("crops.tsv"), index);
            System.out.printf(
                    "%d crops of %d media written to %s%n",
                    index.size() - 1, LabelledMedia.faceCaptures().size(), out);
        }
    }

    private static List<String> crops(MediaEvidence evidence, FaceModels models, LabelledMedia media, Path out) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < evidence.frameCount(); i++) {
            MediaEvidence.FrameFaces frame = evidence.facesAt(i);
            if (!frame.hasSingleSubject()) {
                continue;
            }
            Mat image = frame.image();
            FaceBox face = frame.faces().getFirst();
            for (Map.Entry<Float, Rect> region :
                    models.liveness().regions(image, face).entrySet()) {
                String name =
                        "%s-%d-%.1f.png".formatted(media.path().replaceAll("[^A-Za-z0-9.-]", "_"), i, region.getKey());
                write(new Mat(image, region.getValue()), out.resolve(name));
                rows.add(String.join(
                        "\t",
                        name,
                        media.path(),
                        media.source(),
                        media.label(),
                        Integer.toString(i),
                        region.getKey().toString(),
                        "%.3f".formatted(frame.faceShare()),
                        "%.0f,%.0f,%.0f,%.0f,%d"
                                .formatted(face.x1(), face.y1(), face.x2(), face.y2(), frame.turned())));
                region.getValue().close();
            }
        }
        return rows;
    }

    private static void write(Mat crop, Path file) {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(crop.cols(), crop.rows()));
        try (crop;
                Mat sized = new Mat()) {
            resize(
                    crop,
                    sized,
                    new Size((int) Math.round(crop.cols() * scale), (int) Math.round(crop.rows() * scale)),
                    0,
                    0,
                    INTER_AREA);
            if (!imwrite(file.toString(), sized)) {
                throw new UncheckedIOException(new IOException("cannot write " + file));
            }
        }
    }
}
