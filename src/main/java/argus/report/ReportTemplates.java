package argus.report;

import argus.ArgusException;
import argus.ErrorCode;
import argus.Timestamps;
import argus.auth.Caller;
import argus.auth.Role;
import argus.storage.MediaStore;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * A company's report templates: its administrators make and remove them, everyone in the company may name one for a
 * report. The logo is checked to be a picture and kept in the media store, so any instance can print it.
 */
@Singleton
public class ReportTemplates {
    static final int MAX_LOGO_BYTES = 512 * 1024;
    private static final int MAX_LEGAL_TEXT = 20_000;

    /** The languages a template's labels may be in. */
    public static final List<String> LANGUAGES =
            ReportLabels.LANGUAGES.stream().sorted().toList();

    private final ReportTemplateRepository templates;
    private final MediaStore store;
    private final Timestamps timestamps;

    ReportTemplates(ReportTemplateRepository templates, MediaStore store, Timestamps timestamps) {
        this.templates = templates;
        this.store = store;
        this.timestamps = timestamps;
    }

    /** What a new template is made of; absent sections mean all, an absent language English. */
    public record Draft(
            @Nullable String title,
            @Nullable List<String> sections,
            @Nullable String legalText,
            @Nullable String language,
            byte @Nullable [] logo) {}

    public ReportTemplate create(Caller caller, Draft draft) {
        caller.require(manages(caller.role()), "manage report templates");
        String title = title(draft.title());
        List<String> sections = sections(draft.sections());
        String legalText = legalText(draft.legalText());
        String language = language(draft.language());
        UUID id = UUID.randomUUID();
        String logoKey = null;
        String logoType = null;
        if (draft.logo() != null) {
            logoType = storeLogo(caller.companyId(), id, draft.logo());
            logoKey = logoKey(caller.companyId(), id);
        }
        return templates.save(new ReportTemplate(
                id, caller.companyId(), title, logoKey, logoType, sections, legalText, language, timestamps.now()));
    }

    /**
     * Changes what the draft names and keeps the rest; a new logo replaces the old one, {@code removeLogo} drops it.
     * Every field is checked before anything is written, so a refused change changes nothing.
     */
    public ReportTemplate update(Caller caller, UUID id, Draft draft, boolean removeLogo) {
        ReportTemplate template = find(caller, id);
        caller.require(manages(caller.role()), "manage report templates");
        if (removeLogo && draft.logo() != null) {
            throw new ArgusException(ErrorCode.INVALID_PAYLOAD, "a logo cannot be both sent and removed");
        }
        String title = draft.title() == null ? template.title() : title(draft.title());
        List<String> sections = draft.sections() == null ? template.sections() : sections(draft.sections());
        String legalText = draft.legalText() == null ? template.legalText() : legalText(draft.legalText());
        String language = draft.language() == null ? template.language() : language(draft.language());
        String logoKey = template.logoKey();
        String logoType = template.logoType();
        if (draft.logo() != null) {
            logoType = storeLogo(template.companyId(), id, draft.logo());
            logoKey = logoKey(template.companyId(), id);
        } else if (removeLogo) {
            logoKey = null;
            logoType = null;
        }
        ReportTemplate updated = templates.update(new ReportTemplate(
                id,
                template.companyId(),
                title,
                logoKey,
                logoType,
                sections,
                legalText,
                language,
                template.timeCreated()));
        if (removeLogo && template.logoKey() != null) {
            store.deleteQuietly(template.logoKey());
        }
        return updated;
    }

    /** The templates of the caller's company (staff: of every company). */
    public List<ReportTemplate> list(Caller caller) {
        return caller.role().scope() == Role.Scope.ALL
                ? templates.findAllOrderByTimeCreated()
                : templates.findByCompanyIdOrderByTimeCreated(caller.companyId());
    }

    /** The templates that may lay out a report of that company's folders: its own, when the caller sees the company. */
    public List<ReportTemplate> forCompany(Caller caller, UUID companyId) {
        boolean sees = caller.role().scope() == Role.Scope.ALL || companyId.equals(caller.companyId());
        return sees ? templates.findByCompanyIdOrderByTimeCreated(companyId) : List.of();
    }

    /** A template the caller sees that has a logo; 404 for one without. */
    public ReportTemplate withLogo(Caller caller, UUID id) {
        ReportTemplate template = find(caller, id);
        if (template.logoKey() == null) {
            throw ArgusException.notFound("logo of report template " + id);
        }
        return template;
    }

    public ReportTemplate find(Caller caller, UUID id) {
        return templates
                .findById(id)
                .filter(t ->
                        caller.role().scope() == Role.Scope.ALL || t.companyId().equals(caller.companyId()))
                .orElseThrow(() -> ArgusException.notFound("report template " + id));
    }

    public void delete(Caller caller, UUID id) {
        ReportTemplate template = find(caller, id);
        caller.require(manages(caller.role()), "manage report templates");
        templates.delete(template);
        if (template.logoKey() != null) {
            store.deleteQuietly(template.logoKey());
        }
    }

    /** A company's administrators manage its templates (and the service's, any). */
    public static boolean manages(Role role) {
        return role == Role.ADMIN || role == Role.CLIENT_ADMIN;
    }

    private static String title(@Nullable String asked) {
        String title = asked == null ? "" : asked.strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new ArgusException(ErrorCode.INVALID_VALUE, "title must be 1 to 200 characters");
        }
        return title;
    }

    private static String legalText(@Nullable String asked) {
        String legalText = asked == null ? "" : asked.strip();
        if (legalText.length() > MAX_LEGAL_TEXT) {
            throw new ArgusException(
                    ErrorCode.INVALID_VALUE, "legal_text is at most %d characters".formatted(MAX_LEGAL_TEXT));
        }
        return legalText;
    }

    private static String language(@Nullable String asked) {
        String language = asked == null ? "en" : asked.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new ArgusException(
                    ErrorCode.INVALID_VALUE,
                    "language '%s' is not one of %s".formatted(ArgusException.clip(language), LANGUAGES));
        }
        return language;
    }

    private static String logoKey(UUID companyId, UUID templateId) {
        return "%s/report-templates/%s/logo".formatted(companyId, templateId);
    }

    /** Checks the logo and stores it under the template's key; answers its content type. */
    private String storeLogo(UUID companyId, UUID templateId, byte[] logo) {
        String type = pictureType(logo);
        try {
            store.put(logoKey(companyId, templateId), logo);
        } catch (IOException e) {
            throw new UncheckedIOException("the logo could not be stored", e);
        }
        return type;
    }

    private static List<String> sections(@Nullable List<String> asked) {
        if (asked == null) {
            return Arrays.stream(ReportTemplate.Section.values())
                    .map(Enum::name)
                    .toList();
        }
        LinkedHashSet<String> sections = new LinkedHashSet<>();
        for (String name : asked) {
            String section = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
            if (Arrays.stream(ReportTemplate.Section.values())
                    .noneMatch(s -> s.name().equals(section))) {
                throw new ArgusException(
                        ErrorCode.INVALID_VALUE,
                        "unknown section '%s'; known: %s"
                                .formatted(
                                        ArgusException.clip(String.valueOf(name)),
                                        Arrays.toString(ReportTemplate.Section.values())
                                                .toLowerCase(Locale.ROOT)));
            }
            sections.add(section);
        }
        return List.copyOf(sections);
    }

    /** The logo's type when it is a PNG or JPEG picture that decodes. */
    private static String pictureType(byte[] logo) {
        if (logo.length > MAX_LOGO_BYTES) {
            throw new ArgusException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "the logo is at most %d bytes".formatted(MAX_LOGO_BYTES));
        }
        boolean png = logo.length > 8 && logo[0] == (byte) 0x89 && logo[1] == 'P' && logo[2] == 'N' && logo[3] == 'G';
        boolean jpeg = logo.length > 3 && logo[0] == (byte) 0xFF && logo[1] == (byte) 0xD8;
        try {
            if ((png || jpeg) && ImageIO.read(new ByteArrayInputStream(logo)) != null) {
                return png ? "image/png" : "image/jpeg";
            }
        } catch (IOException e) {
            // not a picture: refused below
        }
        throw new ArgusException(ErrorCode.UNSUPPORTED_FILE_TYPE, "the logo must be a PNG or JPEG picture");
    }
}
