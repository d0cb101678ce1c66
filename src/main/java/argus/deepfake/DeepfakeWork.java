package argus.deepfake;

import argus.ErrorCode;
import argus.Timestamps;
import argus.analysis.AnalysisEngine;
import argus.analysis.Scores;
import argus.audio.AudioDecoder;
import argus.audio.SpeechAuthenticity;
import argus.forgery.FaceMediaForgery;
import argus.jobs.QueuedWork;
import argus.storage.MediaStore;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import argus.vision.PackManifest;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Analyses a queued file on the engine: photos and videos by their faces ({@link FaceMediaForgery}: face swap and
 * re-capture), audio by its speech ({@link SpeechAuthenticity}, the most synthetic channel decides), images of
 * documents by the portrait on them. A PDF cannot honestly be analysed here and gets an explicit {@code unsupported}
 * verdict, never a score. The outcome is recorded, and its callback queued, in one transaction; the file is removed.
 */
@Singleton
public class DeepfakeWork implements QueuedWork {
    private final Timestamps timestamps;
    static final String KIND = "DEEPFAKE";

    private final DeepfakeAnalysisRepository analyses;
    private final MediaStore store;
    private final MediaOpener opener;
    private final FaceMediaForgery faces;
    private final AudioDecoder audio;
    private final SpeechAuthenticity speech;
    private final AnalysisEngine engine;
    private final ApplicationEventPublisher<DeepfakeFinished> events;

    public DeepfakeWork(
            Timestamps timestamps,
            DeepfakeAnalysisRepository analyses,
            MediaStore store,
            MediaOpener opener,
            FaceMediaForgery faces,
            AudioDecoder audio,
            SpeechAuthenticity speech,
            AnalysisEngine engine,
            ApplicationEventPublisher<DeepfakeFinished> events) {
        this.timestamps = timestamps;
        this.analyses = analyses;
        this.store = store;
        this.opener = opener;
        this.faces = faces;
        this.audio = audio;
        this.speech = speech;
        this.engine = engine;
        this.events = events;
    }

    @Override
    public String kind() {
        return KIND;
    }

    private record Finding(String verdict, @Nullable Double probability, String message, Map<String, Object> details) {}

    @Override
    public void run(UUID analysisId) {
        Optional<DeepfakeAnalysis> queued =
                analyses.findById(analysisId).filter(a -> a.status().equals("processing"));
        if (queued.isEmpty()) {
            return;
        }
        DeepfakeAnalysis analysis = queued.get();
        Instant now;
        try (MediaStore.LocalFile file = store.fetch(analysis.storageKey())) {
            Finding finding = find(analysis, file.path());
            now = timestamps.nowInMillis();
            Double confidence =
                    finding.probability() == null || finding.verdict().equals("inconclusive")
                            ? null
                            : Scores.round(
                                    finding.verdict().equals("manipulated")
                                            ? finding.probability()
                                            : 1 - finding.probability());
            record(analysis.completed(
                    finding.verdict(), confidence, finding.probability(), finding.message(), finding.details(), now));
        } catch (MediaRejectedException e) {
            record(analysis.failed(e.getMessage(), timestamps.nowInMillis()));
        } catch (IOException e) {
            record(analysis.failed("the stored file cannot be read", timestamps.nowInMillis()));
        }
        store.deleteQuietly(analysis.storageKey());
    }

    @Override
    public void abandon(UUID analysisId, ErrorCode code, String reason) {
        analyses.findById(analysisId)
                .filter(a -> a.status().equals("processing"))
                .ifPresent(analysis -> {
                    record(analysis.failed(reason, timestamps.nowInMillis()));
                    store.deleteQuietly(analysis.storageKey());
                });
    }

    /** Records the outcome and, through the event, queues its callback in the same transaction. */
    @Transactional
    protected void record(DeepfakeAnalysis analysis) {
        events.publishEvent(new DeepfakeFinished(analyses.update(analysis)));
    }

    private Finding find(DeepfakeAnalysis analysis, Path file) {
        return switch (analysis.fileType()) {
            case "audio" -> speechFinding(file);
            case "document" ->
                DeepfakeService.startsWith(file, "%PDF-")
                        ? new Finding(
                                "unsupported",
                                null,
                                "documents are analysed as images of the document; PDF files are not supported",
                                Map.of())
                        : faceFinding(analysis, file, "no portrait was found on the document");
            default -> faceFinding(analysis, file, "no single face was found");
        };
    }

    private Finding faceFinding(DeepfakeAnalysis analysis, Path file, String noFace) {
        try (MediaSource source = opener.open(file)) {
            FaceMediaForgery.Evidence evidence = faces.assess(source, analysis.companyId());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("face_swap_probability", evidence.faceSwap());
            details.put("recapture_probability", evidence.replay());
            details.put("frames_analyzed", evidence.frames());
            if (!evidence.judged()) {
                return new Finding(
                        analysis.fileType().equals("document") ? "unsupported" : "inconclusive",
                        null,
                        evidence.reason() == null ? noFace : evidence.reason(),
                        details);
            }
            return new Finding(
                    verdict(evidence.verdict()),
                    Scores.round(evidence.probability()),
                    "analysed the face in %d frame(s): %s".formatted(evidence.frames(), evidence.reason()),
                    details);
        }
    }

    private static String verdict(PackManifest.EvidenceBands.Verdict verdict) {
        return verdict.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The most synthetic of the channels with enough speech decides, through the speech model's fitted bands (a score
     * in the band where genuine speech over phone codecs and noisy rooms also lands is inconclusive); without any
     * channel with enough speech, the result is inconclusive.
     */
    private Finding speechFinding(Path file) {
        List<SpeechAuthenticity.ChannelScore> channels =
                engine.call(() -> speech.score(audio.decode(file, null, null)), "the audio analysis");
        Map<String, Object> details = Map.of(
                "channels",
                channels.stream()
                        .map(c -> {
                            Map<String, Object> channel = new LinkedHashMap<>();
                            channel.put("channel_number", c.channel());
                            channel.put("speech_length", c.speechSeconds());
                            channel.put("genuine_speech_log_odds", c.score());
                            return channel;
                        })
                        .toList());
        Optional<Double> lowest = channels.stream()
                .map(SpeechAuthenticity.ChannelScore::score)
                .filter(java.util.Objects::nonNull)
                .min(Double::compare);
        if (lowest.isEmpty()) {
            return new Finding("inconclusive", null, "less than 3 s of speech in every channel", details);
        }
        double probability = Scores.round(speech.onVerdictScale(lowest.get()));
        PackManifest.EvidenceBands.Verdict verdict = speech.verdict(lowest.get());
        String why = verdict == PackManifest.EvidenceBands.Verdict.INCONCLUSIVE
                ? "the speech scores between synthetic and genuine, where genuine speech over phone codecs or in noisy rooms also lands"
                : "analysed the speech of %d channel(s)".formatted(channels.size());
        return new Finding(verdict(verdict), probability, why, details);
    }
}
