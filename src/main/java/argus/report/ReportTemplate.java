package argus.report;

import argus.JsonColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How a company's reports look: a title, a logo (stored under {@code logoKey}), the sections shown, a legal text. */
@MappedEntity(value = "report_template", escape = false)
public record ReportTemplate(
        @Id UUID id,
        UUID companyId,
        String title,
        @Nullable String logoKey,
        @Nullable String logoType,

        @MappedProperty(converter = JsonColumn.StringsColumn.class)
        List<String> sections,

        String legalText,
        String language,
        Instant timeCreated) {

    /** The parts of a report a template may leave out; the folder's identity and the footer always appear. */
    public enum Section {
        METADATA,
        MEDIA,
        ANALYSES,
        DECISIONS,
        WEBHOOKS
    }

    public boolean shows(Section section) {
        return sections.contains(section.name());
    }
}
