package argus.folder;

import argus.Digests;
import argus.analysis.AnalysisEngine;
import argus.analysis.AnalysisOutcome;
import argus.analysis.AnalysisRequest;
import argus.analysis.AnalysisRunner;
import argus.analysis.AnalysisRunner.DecodeJob;
import argus.analysis.AnalysisRunner.Planned;
import argus.analysis.AnalysisState;
import argus.analysis.MediaEvidence;
import argus.analysis.OutputImage;
import argus.analysis.Resolution;
import argus.auth.Caller;
import argus.storage.MediaStore;
import argus.vision.FrameSeries;
import argus.vision.MediaInfo;
import argus.vision.MediaKind;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import argus.vision.Thumbnails;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates folders: the legacy upload (media only) and the single request (media plus analyses run inline).
 * Everything is checked and computed before anything is published: files are committed and rows inserted only once
 * every media decoded and every analysis ended, so a refused request leaves nothing behind. The staged uploads stay
 * the caller's to discard (committed ones are already gone from the staging area).
 */
@Singleton
public class FolderService {
    private static final Logger LOG = LoggerFactory.getLogger(FolderService.class);
    private static final int THUMBNAIL_QUALITY = 85;

    private final MediaOpener opener;
    private final MediaStore store;
    private final AnalysisEngine engine;
    private final AnalysisRunner runner;
    private final FolderRecords records;
    private final JsonText json;

    public FolderService(MediaOpener opener, MediaStore store, AnalysisEngine engine, AnalysisRunner runner,
                         FolderRecords records, JsonText json) {
        this.opener = opener;
        this.store = store;
        this.engine = engine;
        this.runner = runner;
        this.records = records;
        this.json = json;
    }

    /** An upload opened as media, with the id it will have. */
    private record Opened(UUID mediaId, MediaUpload upload, MediaSource source) {
        MediaInfo info() {
            return source.info();
        }
    }

    /** What the work on the media produced: a preview per media, and the analyses' outcomes in request order. */
    private record Work(Map<UUID, byte[]> previews, List<List<UUID>> sources, List<AnalysisOutcome> outcomes) {
    }

    public FolderView create(Caller caller, FolderSubmission submission) {
        List<Opened> opened = new ArrayList<>();
        List<String> published = new ArrayList<>();
        try {
            for (MediaUpload upload : submission.media()) {
                opened.add(new Opened(UUID.randomUUID(), upload, open(upload)));
            }
            try (AnalysisEngine.Admission ignored = engine.admit()) {
                Work work = submission.analyses().isEmpty() ? previewOnly(opened) : analyze(opened, submission.analyses());
                return persist(caller, submission, opened, work, published);
            }
        } catch (RuntimeException e) {
            unpublish(published);
            throw e;
        } finally {
            opened.forEach(o -> o.source().close());
        }
    }

    private MediaSource open(MediaUpload upload) {
        try {
            return opener.open(upload.staged().path());
        } catch (MediaRejectedException e) {
            throw new MediaRejectedException(e.status(), e.code(), "media '%s': %s".formatted(upload.key(), e.getMessage()));
        }
    }

    private Work previewOnly(List<Opened> opened) {
        List<MediaEvidence> decoded = runner.decode(jobs(opened), MediaSource::preview);
        try {
            return new Work(previews(decoded), List.of(), List.of());
        } finally {
            decoded.forEach(MediaEvidence::close);
        }
    }

    private Work analyze(List<Opened> opened, List<AnalysisRequest> requests) {
        List<List<Opened>> sources = requests.stream()
                .map(request -> opened.stream().filter(o -> request.type().appliesTo(o.info().kind(), o.upload().tags())).toList())
                .toList();
        int frames = opener.limits().sampledFrames();
        List<MediaEvidence> decoded = runner.decode(jobs(opened), source -> source.sample(frames));
        try {
            Map<UUID, MediaEvidence> byId = new HashMap<>();
            decoded.forEach(evidence -> byId.put(evidence.mediaId(), evidence));
            List<Planned> planned = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                planned.add(new Planned(requests.get(i), sources.get(i).stream().map(o -> byId.get(o.mediaId())).toList()));
            }
            List<AnalysisOutcome> outcomes = runner.run(planned.stream().filter(p -> !p.sources().isEmpty()).toList());
            List<AnalysisOutcome> ordered = new ArrayList<>();
            int next = 0;
            for (Planned p : planned) {
                ordered.add(p.sources().isEmpty() ? AnalysisOutcome.unresolved(List.of(), "NO_SOURCE_MEDIA",
                        "no media of the folder fits a %s analysis".formatted(p.request().type())) : outcomes.get(next++));
            }
            List<List<UUID>> sourceIds = sources.stream().map(list -> list.stream().map(Opened::mediaId).toList()).toList();
            return new Work(previews(decoded), sourceIds, ordered);
        } finally {
            decoded.forEach(MediaEvidence::close);
        }
    }

    private static List<DecodeJob> jobs(List<Opened> opened) {
        return opened.stream().map(o -> new DecodeJob(o.mediaId(), o.upload().tags(), o.source())).toList();
    }

    /** The middle sampled frame of each media, as a small JPEG. */
    private static Map<UUID, byte[]> previews(List<MediaEvidence> decoded) {
        Map<UUID, byte[]> previews = new HashMap<>();
        for (MediaEvidence evidence : decoded) {
            FrameSeries media = evidence.media();
            var frame = media.frame(media.size() / 2);
            previews.put(evidence.mediaId(), Thumbnails.jpeg(frame.image(), Thumbnails.PREVIEW_SIDE, THUMBNAIL_QUALITY));
        }
        return previews;
    }

    private FolderView persist(Caller caller, FolderSubmission submission, List<Opened> opened, Work work, List<String> published) {
        UUID folderId = UUID.randomUUID();
        Instant created = now();
        String prefix = "%s/%s/".formatted(caller.companyId(), folderId);
        List<Media> media = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            Opened o = opened.get(i);
            Instant time = created.plusNanos(1000L * i);
            String key = prefix + o.mediaId() + "." + extension(o.info());
            String thumbKey = prefix + o.mediaId() + "_thumb.jpg";
            publish(published, key, () -> store.commit(o.upload().staged(), key));
            publish(published, thumbKey, () -> store.put(thumbKey, work.previews().get(o.mediaId())));
            media.add(new Media(o.mediaId(), folderId, caller.companyId(), o.upload().key(), o.upload().originalName(),
                    o.info().kind() == MediaKind.VIDEO ? MediaType.VIDEO_FOLDER : MediaType.IMAGE_FOLDER,
                    o.info().contentType(), json.write(o.upload().tags()), json.write(describe(o.info(), o.upload().staged().size())),
                    json.write(o.upload().metaData()), key, thumbKey, UUID.randomUUID(), o.upload().staged().size(),
                    o.upload().staged().sha256(), null, time, time));
        }
        UUID groupId = UUID.randomUUID();
        Instant finished = now();
        List<Analysis> analyses = new ArrayList<>();
        List<Media> outputs = new ArrayList<>();
        for (int i = 0; i < work.outcomes().size(); i++) {
            AnalysisRequest request = submission.analyses().get(i);
            AnalysisOutcome outcome = work.outcomes().get(i);
            UUID analysisId = UUID.randomUUID();
            for (OutputImage image : outcome.outputImages()) {
                outputs.add(outputImage(caller, folderId, prefix, analysisId, image, finished, published));
            }
            analyses.add(new Analysis(analysisId, folderId, caller.companyId(), groupId, request.type(), outcome.state(),
                    outcome.resolution(), json.write(request.params()), json.write(request.metaData()),
                    json.write(work.sources().get(i)), outcome.resultsData() == null ? null : json.write(outcome.resultsData()),
                    json.write(outcome.mediaResults()), outcome.errorCode(), outcome.errorMessage(),
                    created.plusNanos(1000L * i), finished));
        }
        Folder folder = new Folder(folderId, caller.companyId(), caller.userId(), submission.resolutionEndpoint(),
                folderStatus(analyses), "[]", Resolution.consolidate(analyses.stream().map(Analysis::resolutionStatus).toList()),
                json.write(submission.metaData()), created, analyses.isEmpty() ? created : finished);
        List<Media> rows = new ArrayList<>(media);
        rows.addAll(outputs);
        records.insert(folder, rows, analyses);
        return new FolderView(folder, media, outputs, analyses);
    }

    private Media outputImage(Caller caller, UUID folderId, String prefix, UUID analysisId, OutputImage image, Instant time,
                              List<String> published) {
        String key = prefix + image.mediaId() + ".jpg";
        publish(published, key, () -> store.put(key, image.jpeg()));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("width", image.width());
        info.put("height", image.height());
        info.put("codec", "jpeg");
        info.put("size_bytes", image.jpeg().length);
        return new Media(image.mediaId(), folderId, caller.companyId(), null, "best_shot.jpg", MediaType.IMAGE_FOLDER,
                "image/jpeg", json.write(List.of("photo_selfie")), json.write(info),
                json.write(Map.of("source_media_id", image.sourceMediaId().toString())), key, key, UUID.randomUUID(),
                image.jpeg().length, Digests.sha256Hex(image.jpeg()), analysisId, time, time);
    }

    /** The database keeps microseconds; responses built before a read-back must show the same times. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static FolderStatus folderStatus(List<Analysis> analyses) {
        if (analyses.isEmpty()) {
            return FolderStatus.INITIAL;
        }
        return analyses.stream().anyMatch(a -> a.state() == AnalysisState.FAILED) ? FolderStatus.FAILED : FolderStatus.FINISHED;
    }

    /** The probe data shown in a media's {@code info}. */
    private static Map<String, Object> describe(MediaInfo info, long size) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("width", info.width());
        described.put("height", info.height());
        if (info.kind() == MediaKind.VIDEO) {
            described.put("duration", info.durationSeconds());
            described.put("fps", info.fps());
            described.put("frames", info.frameCount());
            described.put("container", info.container());
        }
        described.put("codec", info.codec());
        described.put("rotation", info.rotation());
        described.put("size_bytes", size);
        return described;
    }

    private static String extension(MediaInfo info) {
        return switch (info.contentType()) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            case "video/webm" -> "webm";
            case "video/x-matroska" -> "mkv";
            case "video/x-msvideo" -> "avi";
            default -> "mp4";
        };
    }

    private interface StoreWrite {
        void run() throws IOException;
    }

    private static void publish(List<String> published, String key, StoreWrite write) {
        try {
            write.run();
            published.add(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key, e);
        }
    }

    private void unpublish(List<String> keys) {
        for (String key : keys) {
            try {
                store.delete(key);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not remove {} after a failed request", key, e);
            }
        }
    }

    public Optional<FolderView> find(Caller caller, UUID folderId) {
        return records.find(folderId, caller.companyId());
    }
}
