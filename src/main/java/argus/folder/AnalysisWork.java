package argus.folder;

import argus.ArgusException;
import argus.ErrorCode;
import argus.analysis.AnalysisOutcome;
import argus.analysis.AnalysisRequest;
import argus.analysis.AnalysisRunner;
import argus.analysis.AnalysisRunner.DecodeJob;
import argus.analysis.AnalysisRunner.Planned;
import argus.analysis.AnalysisType;
import argus.analysis.GestureCheck;
import argus.analysis.MediaEvidence;
import argus.vision.FrameSeries;
import argus.vision.MediaKind;
import argus.vision.MediaLimits;
import argus.vision.MediaOpener;
import argus.vision.MediaSource;
import argus.vision.Thumbnails;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs analyses on a folder's media, the same way for the single request and for queued jobs: the source media of
 * each analysis are chosen (by the client or by Oz's rules), every media is decoded once and shared, and previews
 * come from the frames already decoded.
 */
@Singleton
public class AnalysisWork {
    private static final int THUMBNAIL_QUALITY = 85;

    private final AnalysisRunner runner;
    private final MediaOpener opener;

    public AnalysisWork(AnalysisRunner runner, MediaOpener opener) {
        this.runner = runner;
        this.opener = opener;
    }

    /**
     * A media that analyses may use. {@code produced} marks an image an analysis made (a best shot): it is used only
     * when a client names it in {@code source_media}, never by the rules.
     */
    public record Candidate(UUID mediaId, MediaKind kind, List<String> tags, MediaSource source, boolean produced) {

        public Candidate(UUID mediaId, MediaKind kind, List<String> tags, MediaSource source) {
            this(mediaId, kind, tags, source, false);
        }
    }

    /** Previews of the media (when asked for), the source media of each analysis, and the outcomes, in request order. */
    public record Result(Map<UUID, byte[]> previews, List<List<UUID>> sources, List<AnalysisOutcome> outcomes) {}

    /** The source media of an analysis: the ones the client named, or the ones Oz's rules assign. */
    public static List<UUID> sources(AnalysisRequest request, List<Candidate> candidates) {
        if (request.sourceMedia() != null) {
            Set<UUID> known = new LinkedHashSet<>(
                    candidates.stream().map(Candidate::mediaId).toList());
            for (UUID id : request.sourceMedia()) {
                if (!known.contains(id)) {
                    throw new ArgusException(
                            ErrorCode.UNKNOWN_MEDIA,
                            "source_media names %s, which is not a media of the folder".formatted(id));
                }
            }
            return List.copyOf(new LinkedHashSet<>(request.sourceMedia()));
        }
        return candidates.stream()
                .filter(c -> !c.produced() && request.type().appliesTo(c.kind(), c.tags()))
                .map(Candidate::mediaId)
                .toList();
    }

    public Map<UUID, byte[]> previews(List<Candidate> candidates) {
        List<MediaEvidence> decoded = runner.decode(candidates.stream()
                .map(c -> new DecodeJob(c.mediaId(), c.tags(), c.source(), MediaSource::preview))
                .toList());
        try {
            return previewsOf(decoded);
        } finally {
            decoded.forEach(MediaEvidence::close);
        }
    }

    public Result analyze(
            UUID companyId, List<Candidate> candidates, List<AnalysisRequest> requests, boolean withPreviews) {
        List<List<UUID>> sources =
                requests.stream().map(request -> sources(request, candidates)).toList();
        Set<UUID> needed = new LinkedHashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            if (runner.realizes(requests.get(i).type())) {
                needed.addAll(sources.get(i));
            }
        }
        List<Candidate> toDecode = candidates.stream()
                .filter(c -> withPreviews || needed.contains(c.mediaId()))
                .toList();
        List<MediaEvidence> decoded = runner.decode(toDecode.stream()
                .map(c -> new DecodeJob(c.mediaId(), c.tags(), c.source(), source -> source.sample(frames(c))))
                .toList());
        try {
            Map<UUID, MediaEvidence> byId = new HashMap<>();
            decoded.forEach(evidence -> byId.put(evidence.mediaId(), evidence));
            List<Planned> planned = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                planned.add(new Planned(
                        requests.get(i), sources.get(i).stream().map(byId::get).toList(), companyId));
            }
            List<AnalysisOutcome> outcomes =
                    runner.run(planned.stream().filter(this::runnable).toList());
            List<AnalysisOutcome> ordered = new ArrayList<>();
            int next = 0;
            for (Planned p : planned) {
                AnalysisType type = p.request().type();
                ordered.add(
                        !runner.realizes(type)
                                ? AnalysisOutcome.systemFailure(
                                        ErrorCode.NOT_REALIZED,
                                        "%s analyses are not available in this installation".formatted(type))
                                : p.sources().isEmpty()
                                        ? AnalysisOutcome.unresolved(
                                                List.of(),
                                                "NO_SOURCE_MEDIA",
                                                "no media of the folder fits a %s analysis".formatted(type))
                                        : outcomes.get(next++));
            }
            return new Result(withPreviews ? previewsOf(decoded) : Map.of(), sources, ordered);
        } finally {
            decoded.forEach(MediaEvidence::close);
        }
    }

    private boolean runnable(Planned planned) {
        return runner.realizes(planned.request().type()) && !planned.sources().isEmpty();
    }

    /**
     * How many frames to sample: the configured number, or, for a video tagged with a gesture, enough to follow the
     * gesture (a fixed rate over the clip, within a bound); a shot set with a gesture has no clock, so all its frames
     * (within the same bound).
     */
    private int frames(Candidate candidate) {
        MediaLimits limits = opener.limits();
        Double duration = candidate.source().info().durationSeconds();
        Optional<GestureCheck.Gesture> gesture = GestureCheck.Gesture.requested(candidate.tags());
        if (candidate.kind() == MediaKind.SHOTS && gesture.isPresent()) {
            return (int) Math.min(
                    limits.maxGestureFrames(), candidate.source().info().frameCount());
        }
        if (candidate.kind() != MediaKind.VIDEO || gesture.isEmpty() || duration == null) {
            return limits.sampledFrames();
        }
        return limits.gestureFrames(duration, gesture.get() == GestureCheck.Gesture.EYES);
    }

    /** The middle sampled frame of each media, as a small JPEG. */
    private static Map<UUID, byte[]> previewsOf(List<MediaEvidence> decoded) {
        Map<UUID, byte[]> previews = new HashMap<>();
        for (MediaEvidence evidence : decoded) {
            FrameSeries media = evidence.media();
            var frame = media.frame(media.size() / 2);
            previews.put(
                    evidence.mediaId(), Thumbnails.jpeg(frame.image(), Thumbnails.PREVIEW_SIDE, THUMBNAIL_QUALITY));
        }
        return previews;
    }
}
