package argus.analysis;

import argus.ArgusException;
import argus.ErrorCode;
import argus.vision.MediaKind;
import argus.vision.MediaRejectedException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Face embeddings of photos to enrol (blacklist persons), computed on the bounded engine. A photo must show exactly one
 * usable face; anything else is refused with the reason, naming the photo.
 */
@Singleton
public class Enrollment {
    private final AnalysisEngine engine;
    private final AnalysisRunner runner;

    public Enrollment(AnalysisEngine engine, AnalysisRunner runner) {
        this.engine = engine;
        this.runner = runner;
    }

    /** The embedding of each photo, in order; the jobs' sources must be photos. */
    public List<float[]> embed(List<AnalysisRunner.DecodeJob> photos, List<String> names) {
        for (int i = 0; i < photos.size(); i++) {
            if (photos.get(i).source().info().kind() != MediaKind.IMAGE) {
                throw MediaRejectedException.unsupported(
                        "'%s': persons are enrolled from photos, not videos".formatted(names.get(i)));
            }
        }
        try (AnalysisEngine.Admission ignored = engine.admit()) {
            List<MediaEvidence> decoded = runner.decode(photos);
            try {
                List<float[]> embeddings = new ArrayList<>();
                for (int i = 0; i < decoded.size(); i++) {
                    embeddings.add(singleFace(decoded.get(i), names.get(i)));
                }
                return embeddings;
            } finally {
                decoded.forEach(MediaEvidence::close);
            }
        }
    }

    private static float[] singleFace(MediaEvidence evidence, String name) {
        MediaEvidence.FrameFaces faces = evidence.facesAt(0);
        if (!faces.hasFace()) {
            throw new ArgusException(
                    ErrorCode.NO_FACE_DETECTED, "'%s': no face was found in the photo".formatted(name));
        }
        if (!faces.hasSingleSubject()) {
            throw new ArgusException(
                    ErrorCode.MULTIPLE_FACES,
                    "'%s': the photo shows several faces; enrol one person per photo".formatted(name));
        }
        Optional<float[]> embedding = evidence.embedding();
        return embedding.orElseThrow(
                () -> new ArgusException(ErrorCode.NO_FACE_DETECTED, "'%s': no usable face".formatted(name)));
    }
}
