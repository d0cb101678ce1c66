package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.analysis.AnalysisRequest;
import argus.analysis.AnalysisRunner;
import argus.analysis.AnalysisType;
import argus.api.ApiConfig;
import argus.auth.Caller;
import argus.blacklist.BlacklistAnalyzer;
import argus.blacklist.CollectionService;
import argus.folder.FolderSubmission;
import argus.folder.MediaTags;
import argus.folder.MediaUpload;
import argus.webhook.Webhooks;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Validates an Oz {@code payload} ({@code folder:meta_data}, {@code media:meta_data}, {@code media:tags},
 * {@code analyses}, {@code resolution_endpoint}) against the files that came with it. Every mistake in what applies
 * is refused with a precise code before any work starts; tags or metadata for a media key that came with no file are
 * ignored, as real clients send them for parts they leave empty.
 */
@Singleton
class OzPayloadParser {
    private final ApiConfig config;
    private final AnalysisRunner runner;
    private final Webhooks webhooks;
    private final CollectionService collections;

    OzPayloadParser(ApiConfig config, AnalysisRunner runner, Webhooks webhooks, CollectionService collections) {
        this.config = config;
        this.runner = runner;
        this.webhooks = webhooks;
        this.collections = collections;
    }

    FolderSubmission parse(Caller caller, Map<String, Object> payload, List<ReceivedFile> files) {
        List<MediaUpload> media = media(payload, files);
        List<AnalysisRequest> analyses = analyses(caller, payload.get("analyses"), false);
        if (!analyses.isEmpty() && files.isEmpty()) {
            // an empty file part is dropped by the HTTP layer, so it also ends up here
            throw new ArgusException(ErrorCode.MISSING_MEDIA, "analyses need at least one non-empty media file");
        }
        Object endpoint = payload.containsKey("resolution_endpoint")
                ? payload.get("resolution_endpoint")
                : payload.get("folder:resolution_endpoint");
        return new FolderSubmission(object(payload, "folder:meta_data"), media, analyses, endpoint(endpoint));
    }

    /** The uploaded files with the tags and metadata the payload gives them. */
    List<MediaUpload> media(Map<String, Object> payload, List<ReceivedFile> files) {
        Map<String, Object> mediaMeta = object(payload, "media:meta_data");
        Map<String, Object> mediaTags = object(payload, "media:tags");
        List<MediaUpload> media = new ArrayList<>();
        for (ReceivedFile file : files) {
            List<String> tags = tags(file.key(), mediaTags.get(file.key()));
            media.add(new MediaUpload(
                    file.key(),
                    file.filename(),
                    file.data(),
                    file.staged(),
                    tags,
                    object(mediaMeta, file.key(), "media:meta_data." + file.key())));
        }
        return media;
    }

    /** What a request body asks to start on an existing folder: its analyses and, optionally, a webhook. */
    record AnalysesToStart(
            List<AnalysisRequest> requests, @Nullable String resolutionEndpoint) {}

    AnalysesToStart analysesToStart(Caller caller, Map<String, Object> body) {
        return new AnalysesToStart(
                analyses(caller, body.get("analyses"), true), endpoint(body.get("resolution_endpoint")));
    }

    private static List<String> tags(String key, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(tag -> !(tag instanceof String))) {
            throw wrongType("media:tags." + key + " must be a list of strings");
        }
        List<String> tags = list.stream().map(String.class::cast).distinct().toList();
        MediaTags.validate(key, tags);
        return tags;
    }

    private List<AnalysisRequest> analyses(Caller caller, Object value, boolean sourceMediaAllowed) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType("analyses must be a list");
        }
        if (list.size() > config.maxAnalyses()) {
            throw new ArgusException(
                    ErrorCode.TOO_MANY_ANALYSES,
                    "a request asks for at most %d analyses".formatted(config.maxAnalyses()));
        }
        List<AnalysisRequest> requests = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                throw wrongType("analyses[%d] must be an object".formatted(i));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> analysis = (Map<String, Object>) item;
            if (analysis.get("type") == null) {
                throw new ArgusException(ErrorCode.MISSING_FIELD, "analyses[%d].type is required".formatted(i));
            }
            if (!(analysis.get("type") instanceof String type)) {
                throw wrongType("analyses[%d].type must be a string".formatted(i));
            }
            Map<String, Object> params = object(analysis, "params", "analyses[%d].params".formatted(i));
            // one real client puts the source media of a collection check among its params
            Object sourceMedia =
                    analysis.containsKey("source_media") ? analysis.get("source_media") : params.get("source_media");
            AnalysisRequest request = new AnalysisRequest(
                    AnalysisType.parse(ArgusException.clip(type)),
                    params,
                    object(analysis, "meta_data", "analyses[%d].meta_data".formatted(i)),
                    sourceMediaAllowed ? ids(sourceMedia, "analyses[%d].source_media".formatted(i)) : null);
            runner.validate(request);
            if (request.type().engine() == AnalysisType.BLACKLIST
                    && params.get(BlacklistAnalyzer.COLLECTION) instanceof String collection) {
                // a collection that does not exist would make the search pass for want of anyone to find
                collections.collection(caller, UUID.fromString(collection));
            }
            requests.add(request);
        }
        return requests;
    }

    private static List<UUID> ids(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw invalid(path + " must be a non-empty list of media ids");
        }
        List<UUID> ids = new ArrayList<>();
        for (Object item : list) {
            try {
                ids.add(UUID.fromString(
                        String.valueOf(item instanceof Map<?, ?> media ? media.get("media_id") : item)));
            } catch (IllegalArgumentException e) {
                throw invalid(path + " holds something that is not a media id");
            }
        }
        return ids;
    }

    private String endpoint(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String url) || url.length() > 2048) {
            throw invalid("resolution_endpoint must be an http(s) URL of at most 2048 characters");
        }
        webhooks.checkEndpoint(url);
        return url;
    }

    private static Map<String, Object> object(Map<String, Object> parent, String field) {
        return object(parent, field, field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String field, String path) {
        Object value = parent.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(path + " must be a JSON object");
        }
        return (Map<String, Object>) map;
    }

    /** A value of the wrong JSON type: Oz's "invalid type". */
    private static ArgusException wrongType(String message) {
        return new ArgusException(ErrorCode.INVALID_TYPE, message);
    }

    private static ArgusException invalid(String message) {
        return new ArgusException(ErrorCode.INVALID_PAYLOAD, message);
    }
}
