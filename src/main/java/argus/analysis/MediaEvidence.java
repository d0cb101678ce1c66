package argus.analysis;

import argus.vision.FaceBox;
import argus.vision.FaceEmbedder;
import argus.vision.FaceFinder;
import argus.vision.FaceLandmarks;
import argus.vision.FaceModels;
import argus.vision.FaceQuality;
import argus.vision.Frame;
import argus.vision.FrameSeries;
import argus.vision.HeadPose;
import argus.vision.MediaKind;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What the analyses learn from one decoded media. Each piece (faces per frame, best frames, embedding) is computed at
 * most once per request, by whichever analysis asks first, and shared with the others.
 */
public final class MediaEvidence implements AutoCloseable {
    /** A second face at least this large relative to the main one makes the frame ambiguous. */
    static final float SECOND_FACE_RATIO = 0.25f;

    private static final int EMBEDDING_FRAMES = 3;

    private final UUID mediaId;
    private final List<String> tags;
    private final FrameSeries media;
    private final FaceModels models;
    private final FrameFaces[] faces;
    private final FaceSignals[] signals;
    private final FaceLandmarks[] landmarks;
    private List<FaceSample> ranked;
    private Optional<float[]> embedding;

    public MediaEvidence(UUID mediaId, List<String> tags, FrameSeries media, FaceModels models) {
        this.mediaId = mediaId;
        this.tags = tags;
        this.media = media;
        this.models = models;
        this.faces = new FrameFaces[media.size()];
        this.signals = new FaceSignals[media.size()];
        this.landmarks = new FaceLandmarks[media.size()];
    }

    public UUID mediaId() {
        return mediaId;
    }

    public List<String> tags() {
        return tags;
    }

    public MediaKind kind() {
        return media.info().kind();
    }

    public FrameSeries media() {
        return media;
    }

    public FaceModels models() {
        return models;
    }

    public int frameCount() {
        return faces.length;
    }

    /** The faces of one sampled frame, found on first use (looking again in a turned copy if need be). */
    public synchronized FrameFaces facesAt(int index) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the analysis was stopped");
        }
        if (faces[index] == null) {
            Frame frame = media.frame(index);
            FaceFinder.Found found = models.finder().find(frame.image());
            faces[index] = new FrameFaces(frame, found.upright(), found.turned(), found.faces());
        }
        return faces[index];
    }

    /** The faces of every sampled frame. */
    public List<FrameFaces> faces() {
        return IntStream.range(0, faces.length).mapToObj(this::facesAt).toList();
    }

    /**
     * Landmarks and head pose of the prominent face of one sampled frame, computed on first use; empty when the frame
     * has no face or several.
     */
    public synchronized Optional<FaceSignals> signalsAt(int index) {
        FrameFaces frame = facesAt(index);
        if (!frame.hasSingleSubject()) {
            return Optional.empty();
        }
        if (signals[index] == null) {
            FaceBox face = frame.faces().getFirst();
            signals[index] = new FaceSignals(
                    frame.frame().timestampSeconds(),
                    face,
                    landmarksAt(index).orElseThrow(),
                    models.pose().estimate(frame.image(), face));
        }
        return Optional.of(signals[index]);
    }

    /** The 68 landmarks of the prominent face of one sampled frame, computed on first use; empty as for signals. */
    public synchronized Optional<FaceLandmarks> landmarksAt(int index) {
        FrameFaces frame = facesAt(index);
        if (!frame.hasSingleSubject()) {
            return Optional.empty();
        }
        if (landmarks[index] == null) {
            landmarks[index] =
                    models.landmarker().landmarks(frame.image(), frame.faces().getFirst());
        }
        return Optional.of(landmarks[index]);
    }

    /** Frames with exactly one prominent face, best first (sharp, large, confidently detected). */
    public synchronized List<FaceSample> rankedFaces() {
        if (ranked == null) {
            ranked = faces().stream()
                    .filter(FrameFaces::hasSingleSubject)
                    .map(f -> new FaceSample(
                            f,
                            f.faces().getFirst(),
                            FaceQuality.score(f.image(), f.faces().getFirst())))
                    .sorted(Comparator.comparingDouble(FaceSample::quality).reversed())
                    .toList();
        }
        return ranked;
    }

    /** The mean embedding of the best few frames, L2-normalised; empty when no frame has a single prominent face. */
    public synchronized Optional<float[]> embedding() {
        if (embedding == null) {
            List<FaceSample> best =
                    rankedFaces().stream().limit(EMBEDDING_FRAMES).toList();
            embedding = best.isEmpty() ? Optional.empty() : Optional.of(meanEmbedding(best));
        }
        return embedding;
    }

    private float[] meanEmbedding(List<FaceSample> samples) {
        float[] sum = null;
        for (FaceSample sample : samples) {
            var image = sample.frame().image();
            float[] vector = models.embedder().embed(image, models.landmarker().landmarks(image, sample.face()));
            if (sum == null) {
                sum = vector.clone();
            } else {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += vector[i];
                }
            }
        }
        return FaceEmbedder.normalize(sum);
    }

    @Override
    public synchronized void close() {
        for (FrameFaces frame : faces) {
            if (frame != null && frame.turned() != 0) {
                frame.image().close();
            }
        }
        media.close();
    }

    /**
     * The faces found in one frame, largest first, in {@code image}: the frame's own picture, or a copy turned by
     * {@code turned} degrees clockwise when the faces were only upright that way.
     */
    public record FrameFaces(Frame frame, Mat image, int turned, List<FaceBox> faces) {

        public boolean hasFace() {
            return !faces.isEmpty();
        }

        /** One face, or one face dominating much smaller ones (people far in the background). */
        public boolean hasSingleSubject() {
            return faces.size() == 1
                    || faces.size() > 1
                            && faces.get(1).area()
                                    < SECOND_FACE_RATIO * faces.get(0).area();
        }

        /** The share of the picture the prominent face covers. */
        public double faceShare() {
            return faces.getFirst().area() / ((double) image.cols() * image.rows());
        }

        /** The faces large enough to be a subject rather than background. */
        public List<FaceBox> prominent() {
            return faces.stream()
                    .filter(face ->
                            face.area() >= SECOND_FACE_RATIO * faces.getFirst().area())
                    .toList();
        }
    }

    /** What the face of one frame shows: where it is, its landmarks and its head pose. */
    public record FaceSignals(double timestampSeconds, FaceBox face, FaceLandmarks landmarks, HeadPose.Angles pose) {}

    /** A frame with its one prominent face and that face's quality score. */
    public record FaceSample(FrameFaces frame, FaceBox face, double quality) {}
}
