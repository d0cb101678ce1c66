package argus.console;

import argus.ArgusException;
import argus.EnumNames;
import argus.ErrorCode;
import argus.analysis.AnalysisType;
import argus.analysis.Resolution;
import argus.api.Downloads;
import argus.auth.Accounts;
import argus.auth.Caller;
import argus.auth.Role;
import argus.blacklist.CollectionService;
import argus.evidence.Charts;
import argus.evidence.FolderCards;
import argus.folder.FolderQuery;
import argus.folder.FolderService;
import argus.folder.FolderStatus;
import argus.folder.FolderView;
import argus.folder.FrameStrips;
import argus.folder.Media;
import argus.folder.MetaDataMatch;
import argus.report.FolderReports;
import argus.report.ReportTemplates;
import argus.storage.MediaStore;
import argus.webhook.WebhookDeliveryRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The folders an analyst sees: the list with its filters, the review queue, one folder, its media, and decisions on it. */
@Hidden
@Controller(ConsoleSession.PATH)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class FolderPages {
    private static final List<Resolution> COUNTED = List.of(
            Resolution.SUCCESS,
            Resolution.DECLINED,
            Resolution.OPERATOR_REQUIRED,
            Resolution.FAILED,
            Resolution.PROCESSING);
    private static final int MAX_COMPANIES = 500;
    /** Deeper pages than this are not offered (the offset would overflow long before anyone pages that far). */
    private static final int MAX_PAGE = 100_000;

    private final FolderService folders;
    private final FolderCards cards;
    private final CollectionService collections;
    private final WebhookDeliveryRepository deliveries;
    private final MediaStore store;
    private final FrameStrips strips;
    private final Accounts accounts;
    private final ConsoleConfig config;
    private final FolderReports reports;
    private final ReportTemplates reportTemplates;

    FolderPages(
            FolderService folders,
            FolderCards cards,
            CollectionService collections,
            WebhookDeliveryRepository deliveries,
            MediaStore store,
            FrameStrips strips,
            Accounts accounts,
            ConsoleConfig config,
            FolderReports reports,
            ReportTemplates reportTemplates) {
        this.reportTemplates = reportTemplates;
        this.folders = folders;
        this.cards = cards;
        this.collections = collections;
        this.deliveries = deliveries;
        this.store = store;
        this.strips = strips;
        this.accounts = accounts;
        this.config = config;
        this.reports = reports;
    }

    /** The list's filters as the form sends them; empty fields are no filter. */
    record Filters(
            String resolution,
            String status,
            String from,
            String to,
            String type,
            String metaKey,
            String metaValue,
            String company) {
        static Filters of(HttpRequest<?> request) {
            var query = request.getParameters();
            return new Filters(
                    query.get("resolution", String.class, ""),
                    query.get("status", String.class, ""),
                    query.get("from", String.class, ""),
                    query.get("to", String.class, ""),
                    query.get("type", String.class, ""),
                    query.get("meta_key", String.class, ""),
                    query.get("meta_value", String.class, ""),
                    query.get("company", String.class, ""));
        }

        FolderQuery query(int limit, int offset, @Nullable Resolution verdict, @Nullable Double reviewZone) {
            List<MetaDataMatch> metaData =
                    metaKey.isBlank() ? List.of() : List.of(new MetaDataMatch(metaKey.strip(), metaValue, true));
            return new FolderQuery(
                    limit,
                    offset,
                    new FolderQuery.TimeRange(day(from, "from", 0), day(to, "to", 1)),
                    new FolderQuery.TimeRange(null, null),
                    null,
                    null,
                    company.isBlank() ? null : uuid(company, "company"),
                    verdict,
                    status.isBlank() ? null : constant(FolderStatus.class, status, "status"),
                    metaData,
                    type.isBlank() ? null : AnalysisType.parse(type),
                    reviewZone,
                    Sort.of(Sort.Order.desc("timeCreated")),
                    true);
        }

        /** The filters that are set, as a query string for the paging links (each value URL-encoded). */
        String queryString() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("resolution", resolution);
            fields.put("status", status);
            fields.put("from", from);
            fields.put("to", to);
            fields.put("type", type);
            fields.put("meta_key", metaKey);
            fields.put("meta_value", metaValue);
            fields.put("company", company);
            return fields.entrySet().stream()
                    .filter(e -> !e.getValue().isBlank())
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }

        @Nullable
        Resolution verdict() {
            return resolution.isBlank() ? null : constant(Resolution.class, resolution, "resolution");
        }

        /** The start of the day, or of the next day for an inclusive end. */
        private static @Nullable Instant day(String text, String name, int plusDays) {
            if (text.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip())
                        .plusDays(plusDays)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .minusNanos(plusDays * 1000L);
            } catch (DateTimeParseException e) {
                throw new ArgusException(
                        ErrorCode.INVALID_VALUE,
                        "%s must be a date (YYYY-MM-DD), not '%s'".formatted(name, ArgusException.clip(text)));
            }
        }
    }

    @Get("/folders")
    ModelAndView<Map<String, Object>> list(
            Caller caller, HttpRequest<?> request, @QueryValue(defaultValue = "0") int page) {
        Filters filters = Filters.of(request);
        Map<String, Object> model = listing(caller, filters, filters.verdict(), null, page);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Resolution verdict : COUNTED) {
            counts.put(verdict.name(), folders.count(caller, filters.query(1, 0, verdict, null)));
        }
        model.put("counts", counts);
        model.put("title", "Folders");
        return ConsolePage.of(request, "folders", model);
    }

    @Get("/review")
    ModelAndView<Map<String, Object>> review(
            Caller caller, HttpRequest<?> request, @QueryValue(defaultValue = "0") int page) {
        Filters filters = Filters.of(request);
        Map<String, Object> model = listing(caller, filters, filters.verdict(), config.reviewZone(), page);
        model.put("counts", Map.of());
        model.put("title", "Review queue");
        model.put("reviewZone", Charts.format(config.reviewZone()));
        return ConsolePage.of(request, "folders", model);
    }

    private Map<String, Object> listing(
            Caller caller, Filters filters, @Nullable Resolution verdict, @Nullable Double reviewZone, int page) {
        int index = Math.clamp(page, 0, MAX_PAGE);
        FolderQuery query = filters.query(config.pageSize(), index * config.pageSize(), verdict, reviewZone);
        var found = folders.list(caller, query);
        List<ConsolePage.Option> companies = caller.role().scope() == Role.Scope.ALL
                ? accounts.companies(caller, null, Pageable.from(0, MAX_COMPANIES)).getContent().stream()
                        .map(c -> new ConsolePage.Option(c.id().toString(), c.name()))
                        .toList()
                : List.of();
        Map<String, String> companyNames =
                companies.stream().collect(Collectors.toMap(ConsolePage.Option::value, ConsolePage.Option::label));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put(
                "rows",
                found.getContent().stream()
                        .map(view -> cards.row(view, companyNames))
                        .toList());
        model.put("total", found.getTotalSize());
        model.put("page", index);
        model.put("pages", Math.max(1, (found.getTotalSize() + config.pageSize() - 1) / config.pageSize()));
        model.put("filters", filters);
        model.put("types", List.of("QUALITY", "BIOMETRY", "BLACKLIST"));
        model.put("resolutions", COUNTED.stream().map(Resolution::name).toList());
        model.put(
                "statuses",
                List.of(FolderStatus.values()).stream().map(FolderStatus::name).toList());
        model.put("query", filters.queryString());
        model.put("companies", companies);
        return model;
    }

    @Get("/folders/{folderId}")
    ModelAndView<Map<String, Object>> folder(Caller caller, HttpRequest<?> request, @PathVariable UUID folderId) {
        FolderView view = folders.find(caller, folderId);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Folder " + folderId);
        model.put("folder", cards.detail(view, deliveries.findByFolderId(folderId)));
        model.put(
                "collections",
                caller.role().createsFolders() ? BlacklistPages.choices(collections, caller) : List.of());
        model.put(
                "reportTemplates",
                reportTemplates.forCompany(caller, view.folder().companyId()).stream()
                        .map(t -> new ConsolePage.Option(t.id().toString(), t.title()))
                        .toList());
        return ConsolePage.of(request, "folder", model);
    }

    @Serdeable
    record DecisionForm(
            @Nullable String csrf,
            @Nullable String analysis,
            @Nullable String resolution,
            @Nullable String comment) {}

    @Post(uri = "/folders/{folderId}/decision", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(
            Caller caller, HttpRequest<?> request, @PathVariable UUID folderId, @Body DecisionForm form) {
        ConsoleSession.checkForm(request, form.csrf());
        UUID analysis = form.analysis() == null || form.analysis().isBlank() ? null : uuid(form.analysis(), "analysis");
        Resolution resolution =
                constant(Resolution.class, form.resolution() == null ? "" : form.resolution(), "resolution");
        folders.decide(caller, folderId, analysis, resolution, form.comment() == null ? "" : form.comment());
        return HttpResponse.seeOther(URI.create("%s/folders/%s".formatted(ConsoleSession.PATH, folderId)));
    }

    @Get("/folders/{folderId}/media/{mediaId}")
    HttpResponse<StreamedFile> media(
            Caller caller, HttpRequest<?> request, @PathVariable UUID folderId, @PathVariable UUID mediaId) {
        Media media = folders.media(caller, folderId, mediaId);
        return Downloads.inline(
                store,
                media.storageKey(),
                MediaType.of(media.contentType()),
                request.getHeaders().get(HttpHeaders.RANGE));
    }

    @Get("/folders/{folderId}/media/{mediaId}/thumb")
    HttpResponse<StreamedFile> thumbnail(
            Caller caller, HttpRequest<?> request, @PathVariable UUID folderId, @PathVariable UUID mediaId) {
        Media media = folders.media(caller, folderId, mediaId);
        if (media.thumbKey() == null) {
            throw ArgusException.notFound("thumbnail of media " + mediaId);
        }
        return Downloads.inline(store, media.thumbKey(), MediaType.IMAGE_JPEG_TYPE, null);
    }

    /** The folder's evidence as a PDF to file. */
    @Get("/folders/{folderId}/report")
    HttpResponse<byte[]> report(
            Caller caller, @PathVariable UUID folderId, @QueryValue(defaultValue = "") String template) {
        return Downloads.report(
                reports.render(caller, folderId, template.isBlank() ? null : uuid(template, "template")));
    }

    /** A shot set's frames side by side in one picture. */
    @Get("/folders/{folderId}/media/{mediaId}/strip")
    HttpResponse<byte[]> strip(Caller caller, @PathVariable UUID folderId, @PathVariable UUID mediaId) {
        return HttpResponse.ok(strips.strip(caller, folderId, mediaId)).contentType(MediaType.IMAGE_JPEG_TYPE);
    }

    @Serdeable
    record EnrolForm(
            @Nullable String csrf,
            @Nullable String media,
            @Nullable String collection) {}

    /** Enrols the face of a folder's photo or best shot as a new person of a collection. */
    @Post(uri = "/folders/{folderId}/enrol", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enrol(Caller caller, HttpRequest<?> request, @PathVariable UUID folderId, @Body EnrolForm form) {
        ConsoleSession.checkForm(request, form.csrf());
        UUID collection = uuid(form.collection(), "collection");
        Media media = folders.media(caller, folderId, uuid(form.media(), "media"));
        try (var content = store.open(media.storageKey())) {
            collections.createPerson(
                    caller,
                    collection,
                    Map.of(
                            "source_folder_id",
                            folderId.toString(),
                            "source_media_id",
                            media.id().toString()),
                    content,
                    media.originalName());
            return HttpResponse.seeOther(URI.create("%s/blacklists/%s".formatted(ConsoleSession.PATH, collection)));
        } catch (IOException e) {
            throw new UncheckedIOException("stored media is unreadable: " + media.storageKey(), e);
        }
    }

    static UUID uuid(@Nullable String text, String name) {
        try {
            return UUID.fromString(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new ArgusException(
                    ErrorCode.INVALID_VALUE,
                    "%s must be an id, not '%s'".formatted(name, ArgusException.clip(String.valueOf(text))));
        }
    }

    static <E extends Enum<E>> E constant(Class<E> type, String text, String name) {
        return EnumNames.find(type, text)
                .orElseThrow(() -> new ArgusException(
                        ErrorCode.INVALID_VALUE, "unknown %s '%s'".formatted(name, ArgusException.clip(text))));
    }
}
