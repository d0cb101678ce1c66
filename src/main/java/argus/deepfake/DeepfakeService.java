package argus.deepfake;

import argus.ArgusException;
import argus.analysis.AnalysisEngine;
import argus.audio.AudioDecoder;
import argus.audio.SpeechAuthenticity;
import argus.auth.Caller;
import argus.auth.Role;
import argus.folder.JsonText;
import argus.forgery.FaceMediaForgery;
import argus.storage.MediaStore;
import argus.vision.MediaKind;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import argus.webhook.Webhooks;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Deepfake analysis of any file on the shared engine: photos and videos by their faces ({@link FaceMediaForgery}:
 * face swap and re-capture), audio by its speech ({@link SpeechAuthenticity}, the most synthetic channel decides),
 * images of documents by the portrait on them. A PDF cannot honestly be analysed here and gets an explicit
 * {@code unsupported} verdict, never a score. The analysis runs within an engine slot before the request is
 * acknowledged; it is recorded, and its callback queued, in one transaction. The file is not kept.
 */
@Singleton
public class DeepfakeService {
    public static final Set<String> FILE_TYPES = Set.of("document", "image", "audio", "video");
    private static final double MANIPULATED_FROM = 0.5;

    private final AnalysisEngine engine;
    private final MediaOpener opener;
    private final FaceMediaForgery faces;
    private final AudioDecoder audio;
    private final SpeechAuthenticity speech;
    private final MediaStore store;
    private final DeepfakeAnalysisRepository analyses;
    private final Webhooks webhooks;
    private final JsonText json;
    private final ApplicationEventPublisher<DeepfakeFinished> events;

    public DeepfakeService(AnalysisEngine engine, MediaOpener opener, FaceMediaForgery faces, AudioDecoder audio,
                           SpeechAuthenticity speech, MediaStore store, DeepfakeAnalysisRepository analyses, Webhooks webhooks,
                           JsonText json, ApplicationEventPublisher<DeepfakeFinished> events) {
        this.engine = engine;
        this.opener = opener;
        this.faces = faces;
        this.audio = audio;
        this.speech = speech;
        this.store = store;
        this.analyses = analyses;
        this.webhooks = webhooks;
        this.json = json;
        this.events = events;
    }

    /** What the client sent besides the file. */
    public record Request(@Nullable String fileName, @Nullable String fileType, @Nullable String callbackUrl, @Nullable String externalId) {
    }

    private record Finding(String fileType, String verdict, @Nullable Double probability, String message, Map<String, Object> details) {
    }

    public DeepfakeAnalysis analyze(Caller caller, InputStream file, Request request) {
        caller.require(caller.role().createsFolders(), "submit media");
        if (request.fileType() != null && !FILE_TYPES.contains(request.fileType())) {
            throw ArgusException.badRequest("INVALID_FILE_TYPE", "file_type must be one of document, image, audio, video");
        }
        if (request.callbackUrl() != null) {
            webhooks.checkEndpoint(request.callbackUrl());
        }
        if (request.externalId() != null && request.externalId().length() > 255) {
            throw ArgusException.badRequest("INVALID_EXTERNAL_ID", "external_id is at most 255 characters");
        }
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (AnalysisEngine.Admission ignored = engine.admit()) {
            MediaStore.StagedFile staged = store.stageUpload(file);
            try {
                Finding finding = find(caller, staged, request.fileType());
                return record(new DeepfakeAnalysis(UUID.randomUUID(), caller.companyId(), caller.userId(), request.fileName(),
                        finding.fileType(), request.externalId(), request.callbackUrl(), finding.verdict(),
                        finding.probability() == null ? null : round(finding.verdict().equals("manipulated") ? finding.probability() : 1 - finding.probability()),
                        finding.probability(), finding.message(), json.write(finding.details()), created,
                        Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            } finally {
                store.discard(staged);
            }
        }
    }

    /** Records the analysis and, through the event, queues its callback in the same transaction. */
    @Transactional
    protected DeepfakeAnalysis record(DeepfakeAnalysis analysis) {
        DeepfakeAnalysis saved = analyses.save(analysis);
        events.publishEvent(new DeepfakeFinished(saved));
        return saved;
    }

    public Optional<DeepfakeAnalysis> find(Caller caller, UUID id) {
        Optional<DeepfakeAnalysis> analysis = caller.role().scope() == Role.Scope.ALL ? analyses.findById(id)
                : analyses.findByIdAndCompanyId(id, caller.companyId());
        return analysis.filter(a -> caller.sees(a.companyId(), a.userId()));
    }

    public Map<String, Object> details(DeepfakeAnalysis analysis) {
        return json.object(analysis.details());
    }

    private Finding find(Caller caller, MediaStore.StagedFile staged, @Nullable String declared) {
        boolean pdf = startsWith(staged, "%PDF-");
        String type = declared != null ? declared : pdf ? "document" : detect(staged);
        return switch (type) {
            case "audio" -> speechFinding(staged);
            case "document" -> pdf
                    ? new Finding(type, "unsupported", null, "documents are analysed as images of the document; PDF files are not supported", Map.of())
                    : faceFinding(caller, staged, type, "no portrait was found on the document");
            default -> faceFinding(caller, staged, type, "no single face was found");
        };
    }

    /** The type the content shows: a photo, a video, else audio; anything else is unsupported (415). */
    private String detect(MediaStore.StagedFile staged) {
        try (MediaSource source = opener.open(staged.path())) {
            return source.info().kind() == MediaKind.VIDEO ? "video" : "image";
        } catch (MediaRejectedException notPictures) {
            try {
                engine.call(() -> audio.decode(staged.path(), 0.0, 1.0), "reading the audio");
                return "audio";
            } catch (MediaRejectedException notSound) {
                throw unsupported("a document, image, audio or video file");
            }
        }
    }

    private Finding faceFinding(Caller caller, MediaStore.StagedFile staged, String type, String noFace) {
        try (MediaSource source = opener.open(staged.path())) {
            boolean video = source.info().kind() == MediaKind.VIDEO;
            if (type.equals("video") != video) {
                throw unsupported("a valid " + type);
            }
            FaceMediaForgery.Evidence evidence = faces.assess(source, caller.companyId());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("face_swap_probability", evidence.faceSwap());
            details.put("recapture_probability", evidence.replay());
            details.put("frames_analyzed", evidence.frames());
            if (evidence.probability() == null) {
                return new Finding(type, type.equals("document") ? "unsupported" : "inconclusive", null,
                        evidence.reason() == null ? noFace : evidence.reason(), details);
            }
            return new Finding(type, evidence.probability() >= MANIPULATED_FROM ? "manipulated" : "authentic", round(evidence.probability()),
                    "analysed the face in %d frame(s)".formatted(evidence.frames()), details);
        } catch (MediaRejectedException e) {
            throw unsupported("a valid " + type);
        }
    }

    /** The most synthetic of the channels with enough speech decides; without any, the result is inconclusive. */
    private Finding speechFinding(MediaStore.StagedFile staged) {
        List<SpeechAuthenticity.ChannelScore> channels;
        try {
            channels = engine.call(() -> speech.score(audio.decode(staged.path(), null, null)), "the audio analysis");
        } catch (MediaRejectedException e) {
            throw unsupported("valid audio");
        }
        Map<String, Object> details = Map.of("channels", channels.stream().map(c -> {
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("channel_number", c.channel());
            channel.put("speech_length", c.speechSeconds());
            channel.put("genuine_speech_log_odds", c.score());
            return channel;
        }).toList());
        Optional<Double> synthetic = channels.stream().filter(c -> c.score() != null).map(c -> 1 / (1 + Math.exp(c.score()))).max(Double::compare);
        if (synthetic.isEmpty()) {
            return new Finding("audio", "inconclusive", null, "less than 3 s of speech in every channel", details);
        }
        double probability = round(synthetic.get());
        return new Finding("audio", probability >= MANIPULATED_FROM ? "manipulated" : "authentic", probability,
                "analysed the speech of %d channel(s)".formatted(channels.size()), details);
    }

    private static ArgusException unsupported(String expected) {
        return new ArgusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_FILE_TYPE", "the file is not " + expected);
    }

    private static boolean startsWith(MediaStore.StagedFile staged, String magic) {
        try (InputStream in = Files.newInputStream(staged.path())) {
            byte[] head = in.readNBytes(magic.length());
            return Arrays.equals(head, magic.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
