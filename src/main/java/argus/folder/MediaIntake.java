package argus.folder;

import argus.Digests;
import argus.analysis.OutputImage;
import argus.storage.MediaStore;
import argus.storage.Published;
import argus.vision.MediaInfo;
import argus.vision.MediaKind;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Turns uploads into media: opened and checked by their content, then stored with a preview and described. */
@Singleton
public class MediaIntake {
    private final MediaOpener opener;
    private final MediaStore store;

    public MediaIntake(MediaOpener opener, MediaStore store) {
        this.opener = opener;
        this.store = store;
    }

    /** An upload opened as media, with the id it will have. */
    public record Opened(UUID mediaId, MediaUpload upload, MediaSource source) {
        MediaInfo info() {
            return source.info();
        }

        AnalysisWork.Candidate candidate() {
            return new AnalysisWork.Candidate(mediaId, source.info().kind(), upload.tags(), source);
        }
    }

    /** Opens every upload; a file that is not acceptable media refuses them all (and closes those opened). */
    public List<Opened> open(List<MediaUpload> uploads) {
        List<Opened> opened = new ArrayList<>();
        try {
            for (MediaUpload upload : uploads) {
                try {
                    opened.add(new Opened(UUID.randomUUID(), upload, opener.open(upload.data(), true)));
                } catch (MediaRejectedException e) {
                    throw new MediaRejectedException(
                            e.code(), "media '%s': %s".formatted(upload.key(), e.getMessage()));
                }
            }
            return opened;
        } catch (RuntimeException e) {
            close(opened);
            throw e;
        }
    }

    public static void close(List<Opened> opened) {
        opened.forEach(o -> o.source().close());
    }

    /**
     * Describes the uploads as media rows of the folder and, when {@code published} is given, commits them and their
     * previews to the store. Without it (Instant mode) nothing is stored and the rows have no storage keys.
     */
    List<Media> rows(
            UUID companyId,
            UUID folderId,
            List<Opened> opened,
            Map<UUID, byte[]> previews,
            Instant time,
            @Nullable Published published) {
        List<Media> rows = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            Opened o = opened.get(i);
            Instant created = time.plusNanos(1000L * i);
            long size = o.upload().data().size();
            String key = "";
            String thumbKey = null;
            String sha256 = "";
            if (published != null) {
                MediaStore.StagedFile staged =
                        Objects.requireNonNull(o.upload().staged(), "only staged uploads are stored");
                String storageKey = "%s/%s/%s.%s".formatted(companyId, folderId, o.mediaId(), extension(o.info()));
                String previewKey = "%s/%s/%s_thumb.jpg".formatted(companyId, folderId, o.mediaId());
                published.write(storageKey, () -> store.commit(staged, storageKey));
                published.write(previewKey, () -> store.put(previewKey, previews.get(o.mediaId())));
                key = storageKey;
                thumbKey = previewKey;
                sha256 = staged.sha256();
            }
            rows.add(new Media(
                    o.mediaId(),
                    folderId,
                    companyId,
                    o.upload().key(),
                    o.upload().originalName(),
                    MediaType.of(o.info().kind()),
                    o.info().contentType(),
                    o.upload().tags(),
                    describe(o.info(), size),
                    o.upload().metaData(),
                    key,
                    thumbKey,
                    UUID.randomUUID(),
                    size,
                    sha256,
                    null,
                    created,
                    created));
        }
        return rows;
    }

    /**
     * Describes an image an analysis produced (a best shot) as a media of the folder, referenced from the analysis,
     * and stores it when {@code published} is given.
     */
    Media outputImage(
            UUID companyId,
            UUID folderId,
            UUID analysisId,
            OutputImage image,
            Instant time,
            @Nullable Published published) {
        String key = "";
        if (published != null) {
            String storageKey = "%s/%s/%s.jpg".formatted(companyId, folderId, image.mediaId());
            published.write(storageKey, () -> store.put(storageKey, image.jpeg()));
            key = storageKey;
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("width", image.width());
        info.put("height", image.height());
        info.put("codec", "jpeg");
        info.put("size_bytes", image.jpeg().length);
        return new Media(
                image.mediaId(),
                folderId,
                companyId,
                null,
                "best_shot.jpg",
                MediaType.IMAGE_FOLDER,
                "image/jpeg",
                List.of("photo_selfie"),
                info,
                Map.of("source_media_id", image.sourceMediaId().toString()),
                key,
                published == null ? null : key,
                UUID.randomUUID(),
                image.jpeg().length,
                published == null ? "" : Digests.sha256Hex(image.jpeg()),
                analysisId,
                time,
                time);
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
        if (info.kind() == MediaKind.SHOTS) {
            described.put("frames", info.frameCount());
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
            case "application/zip" -> "zip";
            default -> "mp4";
        };
    }
}
