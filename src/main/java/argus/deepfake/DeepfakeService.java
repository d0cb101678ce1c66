package argus.deepfake;

import argus.ArgusException;
import argus.ErrorCode;
import argus.Timestamps;
import argus.analysis.AnalysisEngine;
import argus.audio.AudioDecoder;
import argus.audio.SpeechAuthenticity;
import argus.auth.Caller;
import argus.forgery.FaceMediaForgery;
import argus.jobs.JobQueue;
import argus.storage.MediaStore;
import argus.vision.MediaKind;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import argus.webhook.Webhooks;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Submissions of the multi-format deepfake contract: the parameters are checked, the file's type detected (or the
 * declared one confirmed) — anything that is not a document, image, audio or video is refused with 415 — and the file
 * stored; the analysis is recorded {@code processing} and queued in one transaction. {@link DeepfakeWork} analyses it.
 */
@Singleton
public class DeepfakeService {
    private final Timestamps timestamps;
    public static final Set<String> FILE_TYPES = Set.of("document", "image", "audio", "video");
    /** Rough time of the analysis, by type, with an idle engine. */
    private static final Map<String, Integer> ESTIMATED_SECONDS =
            Map.of("document", 1, "image", 2, "audio", 5, "video", 5);

    private final AnalysisEngine engine;
    private final MediaOpener opener;
    private final AudioDecoder audio;
    private final MediaStore store;
    private final DeepfakeAnalysisRepository analyses;
    private final Webhooks webhooks;
    private final JobQueue queue;
    private final SpeechAuthenticity speech;
    private final FaceMediaForgery faces;

    public DeepfakeService(
            Timestamps timestamps,
            AnalysisEngine engine,
            MediaOpener opener,
            AudioDecoder audio,
            MediaStore store,
            DeepfakeAnalysisRepository analyses,
            Webhooks webhooks,
            JobQueue queue,
            SpeechAuthenticity speech,
            FaceMediaForgery faces) {
        this.timestamps = timestamps;
        this.speech = speech;
        this.faces = faces;
        this.engine = engine;
        this.opener = opener;
        this.audio = audio;
        this.store = store;
        this.analyses = analyses;
        this.webhooks = webhooks;
        this.queue = queue;
    }

    /** What the client sent besides the file. */
    public record Request(
            @Nullable String fileName,
            @Nullable String fileType,
            @Nullable String callbackUrl,
            @Nullable String externalId) {}

    public DeepfakeAnalysis submit(Caller caller, InputStream file, Request request) {
        caller.require(caller.role().createsFolders(), "submit media");
        if (request.fileType() != null && !FILE_TYPES.contains(request.fileType())) {
            throw new ArgusException(
                    ErrorCode.INVALID_FILE_TYPE, "file_type must be one of document, image, audio, video");
        }
        if (request.callbackUrl() != null) {
            webhooks.checkEndpoint(request.callbackUrl());
        }
        if (request.externalId() != null && request.externalId().length() > 255) {
            throw new ArgusException(ErrorCode.INVALID_EXTERNAL_ID, "external_id is at most 255 characters");
        }
        UUID id = UUID.randomUUID();
        String storageKey = "%s/deepfake/%s".formatted(caller.companyId(), id);
        MediaStore.StagedFile staged = store.stageUpload(file);
        String type;
        try {
            type = type(staged.path(), request.fileType());
            requireModelsFor(type, staged.path());
        } catch (RuntimeException refused) {
            store.discard(staged);
            throw refused;
        }
        store.keep(staged, storageKey, typed -> {});
        Instant now = timestamps.nowInMillis();
        return queue.submit(
                DeepfakeWork.KIND,
                id,
                caller.companyId(),
                storageKey,
                () -> analyses.save(new DeepfakeAnalysis(
                        id,
                        caller.companyId(),
                        caller.userId(),
                        request.fileName(),
                        type,
                        request.externalId(),
                        request.callbackUrl(),
                        "processing",
                        null,
                        null,
                        null,
                        null,
                        null,
                        now,
                        null,
                        storageKey)));
    }

    public Optional<DeepfakeAnalysis> find(Caller caller, UUID id) {
        return analyses.findById(id).filter(a -> caller.sees(a.companyId(), a.userId()));
    }

    public static int estimatedSeconds(DeepfakeAnalysis analysis) {
        return ESTIMATED_SECONDS.get(analysis.fileType());
    }

    /** The declared type, confirmed by the content, or the type the content shows; neither is a 415. */
    private String type(Path staged, @Nullable String declared) {
        boolean pdf = startsWith(staged, "%PDF-");
        String shown = pdf ? "document" : detect(staged);
        if (declared == null) {
            return shown;
        }
        boolean fits = declared.equals(shown) || declared.equals("document") && (pdf || shown.equals("image"));
        if (!fits) {
            throw unsupported("a valid " + declared);
        }
        return declared;
    }

    /** Audio is judged by the speech pack, pictures and the portrait on an image of a document by the face-swap pack. */
    private void requireModelsFor(String type, Path staged) {
        if (type.equals("audio")) {
            speech.requireInstalled();
        } else if (!startsWith(staged, "%PDF-")) {
            faces.requireInstalled();
        }
    }

    /** The type the content shows: a photo, a video, else audio; anything else is unsupported (415). */
    private String detect(Path staged) {
        try (MediaSource source = opener.open(staged)) {
            return source.info().kind() == MediaKind.VIDEO ? "video" : "image";
        } catch (MediaRejectedException notPictures) {
            try {
                engine.call(() -> audio.decode(staged, 0.0, 1.0), "reading the audio");
                return "audio";
            } catch (MediaRejectedException notSound) {
                throw unsupported("a document, image, audio or video file");
            }
        }
    }

    private static ArgusException unsupported(String expected) {
        return new ArgusException(ErrorCode.UNSUPPORTED_FILE_TYPE, "the file is not " + expected);
    }

    static boolean startsWith(Path file, String magic) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(magic.length()), magic.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
