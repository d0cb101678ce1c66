package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.api.Downloads;
import argus.api.JsonPayloadReader;
import argus.api.Refusals;
import argus.auth.Caller;
import argus.report.ReportTemplate;
import argus.report.ReportTemplates;
import argus.storage.MediaStore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A company's report templates: made from a multipart body with a JSON {@code payload} part ({@code title},
 * {@code sections}, {@code legal_text}, {@code language}) and an optional {@code logo} part (PNG or JPEG).
 */
@Tag(name = "Oz reports")
@Refusals.Oz
@Controller("/api/report_templates")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportTemplateController {
    private final ReportTemplates templates;
    private final UploadReceiver uploads;
    private final MediaStore store;
    private final BaseUrls urls;
    private final JsonPayloadReader reader;

    ReportTemplateController(
            ReportTemplates templates,
            UploadReceiver uploads,
            MediaStore store,
            BaseUrls urls,
            JsonPayloadReader reader) {
        this.templates = templates;
        this.reader = reader;
        this.uploads = uploads;
        this.store = store;
        this.urls = urls;
    }

    @Serdeable
    record TemplateJson(
            @JsonProperty("template_id") String templateId,
            @JsonProperty("company_id") String companyId,
            String title,
            List<String> sections,
            @JsonProperty("legal_text") String legalText,
            String language,
            @JsonProperty("logo_url") @Nullable String logoUrl,
            @JsonProperty("time_created") String timeCreated) {
        static TemplateJson of(ReportTemplate template, String base) {
            return new TemplateJson(
                    template.id().toString(),
                    template.companyId().toString(),
                    template.title(),
                    template.sections().stream().map(String::toLowerCase).toList(),
                    template.legalText(),
                    template.language(),
                    template.logoKey() == null ? null : base + "/api/report_templates/" + template.id() + "/logo",
                    template.timeCreated().toString());
        }
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<TemplateJson> createReportTemplate(Caller caller, @Body MultipartBody body, HttpRequest<?> request) {
        return uploads.handle(body, upload -> {
            ReportTemplate created = templates.create(caller, draft(upload.payload(), logo(upload.files())));
            return HttpResponse.created(TemplateJson.of(created, urls.base(request)));
        });
    }

    /**
     * Changes the fields the JSON body names ({@code title}, {@code sections}, {@code legal_text}, {@code language});
     * {@code "remove_logo": true} drops the logo.
     */
    @Patch(uri = "/{templateId}", consumes = MediaType.APPLICATION_JSON)
    TemplateJson updateReportTemplate(
            Caller caller, @PathVariable UUID templateId, @Body byte[] body, HttpRequest<?> request) {
        Map<String, Object> payload = reader.readObject(body, "the request body");
        ReportTemplate updated = templates.update(caller, templateId, draft(payload, null), removeLogo(payload));
        return TemplateJson.of(updated, urls.base(request));
    }

    /** The same change as a multipart body: the {@code payload} part as above and a {@code logo} part to replace it. */
    @Patch(uri = "/{templateId}", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<TemplateJson> updateReportTemplateWithLogo(
            Caller caller, @PathVariable UUID templateId, @Body MultipartBody body, HttpRequest<?> request) {
        return uploads.handle(body, upload -> {
            Map<String, Object> payload = upload.payload();
            ReportTemplate updated =
                    templates.update(caller, templateId, draft(payload, logo(upload.files())), removeLogo(payload));
            return HttpResponse.ok(TemplateJson.of(updated, urls.base(request)));
        });
    }

    @Get
    List<TemplateJson> listReportTemplates(Caller caller, HttpRequest<?> request) {
        String base = urls.base(request);
        return templates.list(caller).stream()
                .map(t -> TemplateJson.of(t, base))
                .toList();
    }

    @Get("/{templateId}")
    TemplateJson getReportTemplate(Caller caller, @PathVariable UUID templateId, HttpRequest<?> request) {
        return TemplateJson.of(templates.find(caller, templateId), urls.base(request));
    }

    @Get("/{templateId}/logo")
    HttpResponse<StreamedFile> getReportTemplateLogo(Caller caller, @PathVariable UUID templateId) {
        ReportTemplate template = templates.withLogo(caller, templateId);
        return Downloads.inline(store, template.logoKey(), MediaType.of(template.logoType()), null);
    }

    @Delete("/{templateId}")
    HttpResponse<?> deleteReportTemplate(Caller caller, @PathVariable UUID templateId) {
        templates.delete(caller, templateId);
        return HttpResponse.noContent();
    }

    private static ReportTemplates.Draft draft(Map<String, Object> payload, byte @Nullable [] logo) {
        return new ReportTemplates.Draft(
                text(payload, "title"),
                strings(payload.get("sections")),
                text(payload, "legal_text"),
                text(payload, "language"),
                logo);
    }

    private static byte @Nullable [] logo(List<ReceivedFile> files) {
        byte[] logo = null;
        for (ReceivedFile file : files) {
            if (!file.key().equals("logo")) {
                throw new ArgusException(
                        ErrorCode.INVALID_MEDIA_KEY,
                        "a template takes one file part, 'logo', not '%s'".formatted(ArgusException.clip(file.key())));
            }
            logo = file.data().readAll();
        }
        return logo;
    }

    private static boolean removeLogo(Map<String, Object> payload) {
        Object value = payload.getOrDefault("remove_logo", false);
        if (value instanceof Boolean remove) {
            return remove;
        }
        throw new ArgusException(ErrorCode.INVALID_PAYLOAD, "remove_logo must be true or false");
    }

    private static @Nullable String text(Map<String, Object> payload, String name) {
        Object value = payload.get(name);
        if (value != null && !(value instanceof String)) {
            throw new ArgusException(ErrorCode.INVALID_PAYLOAD, name + " must be a string");
        }
        return (String) value;
    }

    private static @Nullable List<String> strings(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new ArgusException(ErrorCode.INVALID_PAYLOAD, "sections must be a list of section names");
    }
}
