package argus.console;

import argus.api.Downloads;
import argus.api.MultipartCollector;
import argus.auth.Caller;
import argus.evidence.FolderCards;
import argus.report.ReportTemplate;
import argus.report.ReportTemplates;
import argus.storage.MediaStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Report templates: everyone in a company sees its templates; its administrators make, change and remove them. */
@Hidden
@Controller(ConsoleSession.PATH + "/report-templates")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportTemplatePages {
    private static final URI LIST = URI.create(ConsoleSession.PATH + "/report-templates");
    private static final List<String> SECTIONS = Arrays.stream(ReportTemplate.Section.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT))
            .toList();

    private final ReportTemplates templates;
    private final MediaStore store;

    ReportTemplatePages(ReportTemplates templates, MediaStore store) {
        this.templates = templates;
        this.store = store;
    }

    record TemplateCard(
            String id,
            String title,
            String language,
            List<String> sections,
            String legalText,
            boolean hasLogo,
            String company,
            String created) {
        static TemplateCard of(ReportTemplate template) {
            return new TemplateCard(
                    template.id().toString(),
                    template.title(),
                    template.language(),
                    template.sections().stream()
                            .map(s -> s.toLowerCase(Locale.ROOT))
                            .toList(),
                    template.legalText(),
                    template.logoKey() != null,
                    template.companyId().toString(),
                    FolderCards.time(template.timeCreated()));
        }
    }

    @Get
    ModelAndView<Map<String, Object>> list(Caller caller, HttpRequest<?> request) {
        List<TemplateCard> cards =
                templates.list(caller).stream().map(TemplateCard::of).toList();
        return ConsolePage.of(
                request,
                "report-templates",
                Map.of(
                        "title",
                        "Report templates",
                        "templates",
                        cards,
                        "allSections",
                        SECTIONS,
                        "languages",
                        ReportTemplates.LANGUAGES,
                        "manages",
                        ReportTemplates.manages(caller.role())));
    }

    /** A new template from the form: its checked {@code section} boxes, language, legal text and an optional logo. */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> create(Caller caller, HttpRequest<?> request, @Body MultipartBody body) {
        TemplateForm form = TemplateForm.read(request, body);
        templates.create(caller, form.draft());
        return HttpResponse.seeOther(LIST);
    }

    /** Every field of the form replaces the template's; an empty logo field keeps the logo unless it is to be removed. */
    @Post(uri = "/{templateId}/edit", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> edit(
            Caller caller, HttpRequest<?> request, @PathVariable UUID templateId, @Body MultipartBody body) {
        TemplateForm form = TemplateForm.read(request, body);
        templates.update(caller, templateId, form.draft(), form.removeLogo());
        return HttpResponse.seeOther(LIST);
    }

    @Post(uri = "/{templateId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(
            Caller caller, HttpRequest<?> request, @PathVariable UUID templateId, @Body ConsoleSession.CsrfForm form) {
        ConsoleSession.checkForm(request, form.csrf());
        templates.delete(caller, templateId);
        return HttpResponse.seeOther(LIST);
    }

    @Get("/{templateId}/logo")
    HttpResponse<StreamedFile> logo(Caller caller, @PathVariable UUID templateId) {
        ReportTemplate template = templates.withLogo(caller, templateId);
        return Downloads.inline(store, template.logoKey(), MediaType.of(template.logoType()), null);
    }

    /**
     * A template's form as the browser sent it. Read from the whole body because the checked {@code section} boxes
     * arrive as parts of one name, and a bound {@code @Part} list would hold only the first.
     */
    record TemplateForm(
            String title,
            List<String> sections,
            @Nullable String language,
            String legalText,
            byte @Nullable [] logo,
            boolean removeLogo) {
        private static final int MAX_PARTS = 32;

        static TemplateForm read(HttpRequest<?> request, MultipartBody body) {
            List<CompletedPart> parts = MultipartCollector.collect(body, MAX_PARTS);
            try {
                ConsoleSession.checkForm(request, text(parts, "csrf"));
                List<String> sections = parts.stream()
                        .filter(part -> part.getName().equals("section"))
                        .map(TemplateForm::text)
                        .toList();
                byte[] logo = parts.stream()
                        .filter(part -> part.getName().equals("logo") && part instanceof CompletedFileUpload)
                        .map(TemplateForm::bytes)
                        .filter(bytes -> bytes.length > 0)
                        .findFirst()
                        .orElse(null);
                return new TemplateForm(
                        Objects.requireNonNullElse(text(parts, "title"), ""),
                        sections,
                        text(parts, "language"),
                        Objects.requireNonNullElse(text(parts, "legal_text"), ""),
                        logo,
                        text(parts, "remove_logo") != null);
            } finally {
                MultipartCollector.discard(parts);
            }
        }

        /** No checked box is a template of no optional section, not of all; an empty file field keeps the logo. */
        ReportTemplates.Draft draft() {
            return new ReportTemplates.Draft(title, sections, legalText, language, logo);
        }

        private static @Nullable String text(List<CompletedPart> parts, String name) {
            return parts.stream()
                    .filter(part -> part.getName().equals(name))
                    .findFirst()
                    .map(TemplateForm::text)
                    .orElse(null);
        }

        private static String text(CompletedPart part) {
            return new String(bytes(part), StandardCharsets.UTF_8);
        }

        private static byte[] bytes(CompletedPart part) {
            try {
                return part.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("the form could not be read", e);
            }
        }
    }
}
