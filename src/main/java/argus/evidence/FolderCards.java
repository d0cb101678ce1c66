package argus.evidence;

import argus.JsonText;
import argus.analysis.AnalysisType;
import argus.analysis.MediaResult;
import argus.folder.Analysis;
import argus.folder.Folder;
import argus.folder.FolderView;
import argus.folder.Media;
import argus.folder.MediaType;
import argus.folder.OperatorDecision;
import argus.webhook.WebhookDelivery;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the console shows of folders: a row of the list, and the whole folder with each analysis's evidence. Every
 * value is text or a number, ready for a template; the templates escape all of it.
 */
@Singleton
public class FolderCards {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Where the console is served; the cards link into it. */
    public static final String CONSOLE = "/console";

    private final JsonText json;

    public FolderCards(JsonText json) {
        this.json = json;
    }

    public record Verdict(String type, String resolution, String score) {}

    public record Row(
            String id,
            String created,
            String company,
            String systemResolution,
            String operatorStatus,
            @Nullable String thumbnail,
            String metaData,
            List<Verdict> verdicts) {}

    public record MediaCard(
            String id,
            String name,
            String type,
            String tags,
            String url,
            @Nullable String thumbnail,
            boolean photo,
            boolean video,
            boolean shots,
            boolean output) {}

    public record Match(String personId, String collectionId, String personImageId, String confidence, String photo) {}

    public record Result(
            String mediaId,
            String mediaName,
            String resolution,
            String score,
            String error,
            @Nullable Charts.BarChart cues,
            List<Fact> cueValues,
            @Nullable Charts.LineChart frames,
            @Nullable Gesture gesture,
            List<MediaCard> bestShots,
            List<Match> matches,
            String confidences) {}

    public record Gesture(String tag, boolean performed, String reason, Charts.LineChart chart) {}

    public record Fact(String name, String value) {}

    public record Decision(String target, String resolution, String comment, String by, String at) {}

    public record Card(
            String id,
            String type,
            String state,
            String systemResolution,
            String resolution,
            String score,
            String threshold,
            String error,
            List<Result> results,
            List<MediaCard> sources,
            String collection,
            @Nullable Decision decision) {}

    public record Delivery(
            String url, String state, int attempts, String lastStatus, String lastError, String updated) {}

    public record Detail(
            String id,
            String company,
            String user,
            String created,
            String updated,
            String status,
            String systemResolution,
            List<Fact> metaData,
            List<Fact> context,
            List<MediaCard> media,
            List<Card> analyses,
            @Nullable Decision decision,
            List<Decision> history,
            List<Delivery> deliveries) {}

    /** A row of the list; the company is named when its name is known (to those who see every company). */
    public Row row(FolderView view, Map<String, String> companyNames) {
        Folder folder = view.folder();
        String thumbnail = view.media().stream()
                .filter(m -> m.thumbKey() != null)
                .findFirst()
                .map(m -> thumbnailUrl(folder.id(), m))
                .orElse(null);
        List<Verdict> verdicts = view.analyses().stream()
                .map(a -> new Verdict(a.type().name(), resolution(a, view.decision(a.id())), score(a.score())))
                .toList();
        String company = folder.companyId().toString();
        return new Row(
                folder.id().toString(),
                time(folder.timeCreated()),
                companyNames.getOrDefault(company, company),
                folder.systemResolution().name(),
                view.decision(null).map(d -> d.resolution().name()).orElse(""),
                thumbnail,
                compact(folder.metaData()),
                verdicts);
    }

    public Detail detail(FolderView view, List<WebhookDelivery> deliveries) {
        Folder folder = view.folder();
        Map<UUID, MediaCard> media = new HashMap<>();
        view.media().forEach(m -> media.put(m.id(), media(folder.id(), m, false)));
        view.outputImages().forEach(m -> media.put(m.id(), media(folder.id(), m, true)));
        List<Fact> context = new ArrayList<>();
        context.add(new Fact("session", text(folder.sessionId())));
        context.add(new Fact("device", text(folder.deviceInfo())));
        context.add(new Fact("location", text(folder.geoLocation())));
        context.add(new Fact("webhook", text(folder.resolutionEndpoint())));
        List<Card> cards = view.analyses().stream()
                .map(a -> card(a, media, view.decision(a.id())))
                .toList();
        Map<UUID, String> types = new HashMap<>();
        view.analyses().forEach(a -> types.put(a.id(), a.type().name()));
        List<Decision> history = view.decisions().reversed().stream()
                .map(d ->
                        decision(d, d.analysisId() == null ? "folder" : types.getOrDefault(d.analysisId(), "analysis")))
                .toList();
        return new Detail(
                folder.id().toString(),
                folder.companyId().toString(),
                folder.userId().toString(),
                time(folder.timeCreated()),
                time(folder.timeUpdated()),
                folder.resolutionStatus().name(),
                folder.systemResolution().name(),
                fields(folder.metaData()),
                context,
                view.media().stream().map(m -> media.get(m.id())).toList(),
                cards,
                view.decision(null).map(d -> decision(d, "folder")).orElse(null),
                history,
                deliveries.stream().map(FolderCards::delivery).toList());
    }

    private Card card(Analysis analysis, Map<UUID, MediaCard> media, Optional<OperatorDecision> decision) {
        List<Result> results = analysis.resultsMedia().stream()
                .map(r -> result(analysis, r, media))
                .toList();
        List<MediaCard> sources = analysis.sourceMedia().stream()
                .map(media::get)
                .filter(Objects::nonNull)
                .toList();
        Object collection = analysis.params().get("collection_id");
        String error = analysis.errorCode() == null ? "" : analysis.errorCode() + ": " + text(analysis.errorMessage());
        return new Card(
                analysis.id().toString(),
                analysis.type().name(),
                analysis.state().name(),
                analysis.resolutionStatus().name(),
                resolution(analysis, decision),
                score(analysis.score()),
                score(analysis.threshold()),
                error,
                results,
                sources,
                collection == null ? "" : collection.toString(),
                decision.map(d -> decision(d, analysis.type().name())).orElse(null));
    }

    @SuppressWarnings("unchecked")
    private Result result(Analysis analysis, MediaResult result, Map<UUID, MediaCard> media) {
        Map<String, Object> data = result.resultsData();
        MediaCard source = media.get(result.sourceMediaId());
        String error = result.errorCode() == null ? "" : result.errorCode() + ": " + text(result.errorMessage());
        Charts.BarChart cues = null;
        List<Fact> cueValues = new ArrayList<>();
        if (data.get("liveness_cues") instanceof Map<?, ?> found) {
            Map<String, Object> liveness = (Map<String, Object>) found;
            if (liveness.get("log_odds") instanceof Map<?, ?> logOdds) {
                cues = Charts.logOdds((Map<String, Object>) logOdds);
            }
            liveness.forEach((name, value) -> {
                if (!(value instanceof Map<?, ?>)) {
                    cueValues.add(new Fact(name.replace('_', ' '), String.valueOf(value)));
                }
            });
        }
        Charts.LineChart frames =
                data.get("frame_scores") instanceof List<?> scores && scores.size() > 1 && analysis.threshold() != null
                        ? Charts.frameScores((List<Map<String, Object>>) scores, analysis.threshold())
                        : null;
        Gesture gesture = null;
        if (data.get("gesture") instanceof Map<?, ?> checked && checked.get("timeline") instanceof Map<?, ?> timeline) {
            gesture = new Gesture(
                    String.valueOf(checked.get("tag")),
                    Boolean.TRUE.equals(checked.get("performed")),
                    checked.get("reason") == null ? "" : checked.get("reason").toString(),
                    Charts.timeline((Map<String, Object>) timeline));
        }
        List<Match> matches = new ArrayList<>();
        if (data.get("matches") instanceof List<?> hits) {
            for (Object hit : hits) {
                Map<String, Object> match = (Map<String, Object>) hit;
                matches.add(new Match(
                        String.valueOf(match.get("person_id")),
                        String.valueOf(match.get("collection_id")),
                        String.valueOf(match.get("person_image_id")),
                        score(Charts.number(match.get("confidence"))),
                        photoUrl(match.get("collection_id"), match.get("person_id"), match.get("person_image_id"))));
            }
        }
        String confidences = analysis.type().engine() == AnalysisType.BIOMETRY && data.containsKey("min_confidence")
                ? "lowest %s, highest %s"
                        .formatted(
                                score(Charts.number(data.get("min_confidence"))),
                                score(Charts.number(data.get("max_confidence"))))
                : "";
        Object confidence =
                data.containsKey("confidence_spoofing") ? data.get("confidence_spoofing") : data.get("max_confidence");
        return new Result(
                result.sourceMediaId().toString(),
                source == null ? "" : source.name(),
                result.resolution().name(),
                confidence == null ? "" : score(Charts.number(confidence)),
                error,
                cues,
                cueValues,
                frames,
                gesture,
                result.outputImages().stream()
                        .map(media::get)
                        .filter(Objects::nonNull)
                        .toList(),
                matches,
                confidences);
    }

    private MediaCard media(UUID folderId, Media media, boolean output) {
        String url = "%s/folders/%s/media/%s".formatted(CONSOLE, folderId, media.id());
        return new MediaCard(
                media.id().toString(),
                media.originalName(),
                media.mediaType().name(),
                String.join(", ", media.tags()),
                url,
                media.thumbKey() == null ? null : url + "/thumb",
                media.mediaType() == MediaType.IMAGE_FOLDER,
                media.mediaType() == MediaType.VIDEO_FOLDER,
                media.mediaType() == MediaType.SHOTS_FOLDER,
                output);
    }

    /** Where the console shows a blacklisted person's photo. */
    public static String photoUrl(Object collectionId, Object personId, Object imageId) {
        return "%s/blacklists/%s/persons/%s/images/%s".formatted(CONSOLE, collectionId, personId, imageId);
    }

    private static String thumbnailUrl(UUID folderId, Media media) {
        return "%s/folders/%s/media/%s/thumb".formatted(CONSOLE, folderId, media.id());
    }

    private static Decision decision(OperatorDecision decision, String target) {
        return new Decision(
                target,
                decision.resolution().name(),
                decision.comment(),
                decision.userEmail(),
                time(decision.timeCreated()));
    }

    private static Delivery delivery(WebhookDelivery delivery) {
        return new Delivery(
                delivery.url(),
                delivery.state().name(),
                delivery.attempts(),
                delivery.lastStatus() == null ? "" : delivery.lastStatus().toString(),
                text(delivery.lastError()),
                time(delivery.timeUpdated()));
    }

    private static String resolution(Analysis analysis, Optional<OperatorDecision> decision) {
        return decision.map(d -> d.resolution().name())
                .orElse(analysis.resolutionStatus().name());
    }

    private static String score(@Nullable Double score) {
        return score == null ? "" : Charts.format(score);
    }

    public static String time(Instant time) {
        return TIME.format(time);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** Metadata on one line, shortened for a list row. */
    private String compact(Map<String, Object> metaData) {
        String text = json.write(metaData);
        return text.length() > 160 ? text.substring(0, 157) + "…" : text;
    }

    /** Each top-level metadata field: a text as it is, anything else as JSON. */
    private List<Fact> fields(Map<String, Object> metaData) {
        return metaData.entrySet().stream()
                .map(e -> new Fact(e.getKey(), e.getValue() instanceof String text ? text : json.write(e.getValue())))
                .toList();
    }
}
