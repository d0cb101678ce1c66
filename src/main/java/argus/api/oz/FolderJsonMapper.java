package argus.api.oz;

import argus.ErrorCode;
import argus.analysis.AnalysisType;
import argus.analysis.MediaResult;
import argus.blacklist.BlacklistAnalyzer;
import argus.blacklist.CollectionService;
import argus.folder.Analysis;
import argus.folder.Folder;
import argus.folder.FolderView;
import argus.folder.Media;
import argus.folder.MediaType;
import argus.folder.OperatorDecision;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Turns stored folders into Oz JSON; download URLs are absolute, under the given base URL. */
@Singleton
public class FolderJsonMapper {
    private final CollectionService collections;

    FolderJsonMapper(CollectionService collections) {
        this.collections = collections;
    }

    public FolderJson toJson(FolderView view, @Nullable String baseUrl) {
        Folder folder = view.folder();
        Optional<OperatorDecision> decision = view.decision(null);
        List<MediaJson> media =
                view.media().stream().map(m -> media(m, folder, baseUrl)).toList();
        return new FolderJson(
                folder.companyId(),
                OzTime.seconds(folder.timeCreated()),
                folder.id(),
                folder.userId(),
                folder.resolutionEndpoint(),
                folder.resolutionStatus().name(),
                folder.resolutionComment(),
                folder.systemResolution().name(),
                folder.metaData(),
                Map.of(),
                media,
                OzTime.seconds(folder.timeUpdated()),
                analyses(view, view.analyses(), baseUrl),
                decision.map(OperatorDecision::userId).orElse(null),
                decision.map(d -> d.resolution().name()).orElse(null),
                decision.map(OperatorDecision::comment).orElse(null),
                decision.map(d -> OzTime.seconds(d.timeCreated())).orElse(null));
    }

    /** A media; without a base URL (nothing stored, Instant mode) it has no download URLs. */
    MediaJson media(Media media, Folder folder, @Nullable String baseUrl) {
        String base =
                baseUrl == null ? null : "%s/api/folders/%s/media/%s/".formatted(baseUrl, media.folderId(), media.id());
        String original = base == null ? null : base + "original/";
        String video = media.mediaType() != MediaType.IMAGE_FOLDER ? original : null;
        return new MediaJson(
                media.companyId(),
                media.folderId(),
                OzTime.seconds(folder.timeCreated()),
                media.originalName(),
                original,
                video,
                media.id(),
                media.mediaType().name(),
                media.tags(),
                media.info(),
                OzTime.seconds(media.timeCreated()),
                OzTime.seconds(media.timeUpdated()),
                media.metaData(),
                Map.of(),
                base == null || media.thumbKey() == null ? null : base + "thumb/",
                media.imageId());
    }

    /** Analyses of the folder, their source media and output images taken from the folder's media. */
    List<AnalysisJson> analyses(FolderView view, List<Analysis> analyses, @Nullable String baseUrl) {
        Map<UUID, MediaJson> media = new HashMap<>();
        view.media().forEach(m -> media.put(m.id(), media(m, view.folder(), baseUrl)));
        view.outputImages().forEach(m -> media.put(m.id(), media(m, view.folder(), baseUrl)));
        BigDecimal folderCreated = OzTime.seconds(view.folder().timeCreated());
        return analyses.stream()
                .map(a -> analysis(a, folderCreated, media, view.decision(a.id())))
                .toList();
    }

    private AnalysisJson analysis(
            Analysis analysis,
            BigDecimal folderCreated,
            Map<UUID, MediaJson> media,
            Optional<OperatorDecision> decision) {
        List<ResultsMediaJson> results =
                analysis.resultsMedia().stream().map(r -> result(r, media)).toList();
        List<MediaJson> sources = analysis.sourceMedia().stream()
                .map(media::get)
                .filter(Objects::nonNull)
                .toList();
        String system = analysis.resolutionStatus().name();
        String resolution = decision.map(d -> d.resolution().name()).orElse(system);
        Map<String, Object> params = analysis.params();
        return new AnalysisJson(
                analysis.companyId(),
                analysis.groupId(),
                analysis.folderId(),
                folderCreated,
                analysis.id(),
                analysis.state().name(),
                decision.map(OperatorDecision::userId).orElse(null),
                decision.map(OperatorDecision::comment).orElse(null),
                results,
                analysis.resultsData(),
                analysis.metaData(),
                Map.of(),
                OzTime.seconds(analysis.timeCreated()),
                OzTime.seconds(analysis.timeUpdated()),
                code(analysis.errorCode()),
                analysis.errorMessage(),
                details(analysis.errorCode()),
                sources,
                analysis.type().name(),
                params,
                analysis.id(),
                resolution,
                resolution,
                decision.map(d -> system).orElse(null),
                decision.map(d -> OzTime.seconds(d.timeCreated())).orElse(null),
                collection(analysis, params));
    }

    private AnalysisJson.@Nullable CollectionRef collection(Analysis analysis, Map<String, Object> params) {
        if (analysis.type().engine() != AnalysisType.BLACKLIST
                || !(params.get(BlacklistAnalyzer.COLLECTION) instanceof String id)) {
            return null;
        }
        try {
            return collections
                    .ofCompany(analysis.companyId(), UUID.fromString(id))
                    .map(c -> new AnalysisJson.CollectionRef(c.id(), c.alias()))
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResultsMediaJson result(MediaResult result, Map<UUID, MediaJson> media) {
        List<MediaJson> images = result.outputImages().stream()
                .map(media::get)
                .filter(Objects::nonNull)
                .toList();
        MediaJson source = media.get(result.sourceMediaId());
        String type = source == null ? "" : source.mediaType();
        UUID id = result.sourceMediaId();
        return new ResultsMediaJson(
                id,
                id,
                type.equals(MediaType.VIDEO_FOLDER.name()) ? id : null,
                type.equals(MediaType.IMAGE_FOLDER.name()) ? id : null,
                type.equals(MediaType.SHOTS_FOLDER.name()) ? id : null,
                result.resolution().name(),
                result.resultsData(),
                images,
                code(result.errorCode()),
                result.errorMessage(),
                details(result.errorCode()));
    }

    private static @Nullable Integer code(@Nullable String reason) {
        return reason == null
                ? null
                : ErrorCode.ofReason(reason)
                        .orElse(ErrorCode.INVALID_VALUE)
                        .oz()
                        .number();
    }

    private static @Nullable Map<String, Object> details(@Nullable String reason) {
        return reason == null ? null : Map.of("reason", reason);
    }
}
