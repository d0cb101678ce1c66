package argus.report;

import argus.ArgusException;
import argus.Digests;
import argus.Timestamps;
import argus.auth.Caller;
import argus.blacklist.CollectionService;
import argus.evidence.FolderCards;
import argus.folder.FolderService;
import argus.folder.FolderView;
import argus.folder.Media;
import argus.storage.MediaStore;
import argus.vision.ModelPacks;
import argus.webhook.WebhookDeliveryRepository;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A folder's evidence as a PDF a compliance officer can file: what was sent (each media with its SHA-256, checked
 * against the stored bytes), what each analysis said against which threshold, who overrode it, where the verdict was
 * delivered, and with which software and models. Rendered from the console's template ({@code console/report}) as
 * XHTML, then laid out by openhtmltopdf with its one font embedded and every picture inlined: nothing is fetched.
 *
 * <p>The footer carries the SHA-256 of the report's content (the XHTML of everything above the footer), which does not
 * depend on when the report was made: the same folder, unchanged, gives the same content hash.
 */
@Singleton
public class FolderReports {
    private static final String TEMPLATE = "console/report";

    private final FolderService folders;
    private final WebhookDeliveryRepository deliveries;
    private final FolderCards cards;
    private final MediaStore store;
    private final CollectionService collections;
    private final ModelPacks packs;
    private final ITemplateEngine templates;
    private final ReportTemplates reportTemplates;
    private final Timestamps timestamps;
    private final String version;

    FolderReports(
            FolderService folders,
            WebhookDeliveryRepository deliveries,
            FolderCards cards,
            MediaStore store,
            CollectionService collections,
            ModelPacks packs,
            ITemplateEngine templates,
            ReportTemplates reportTemplates,
            Timestamps timestamps) {
        this.reportTemplates = reportTemplates;
        this.folders = folders;
        this.deliveries = deliveries;
        this.cards = cards;
        this.store = store;
        this.collections = collections;
        this.packs = packs;
        this.templates = templates;
        this.timestamps = timestamps;
        this.version = buildVersion();
    }

    /** A stored media as the report lists it: its facts and whether the stored bytes still have its SHA-256. */
    public record MediaFacts(
            String id,
            String name,
            String type,
            String contentType,
            long sizeBytes,
            String sha256,
            boolean intact,
            String probe) {}

    public record Pack(String name, List<String> files) {}

    /** The PDF, the SHA-256 of its content and of its bytes. */
    public record Report(byte[] pdf, String contentSha256, String pdfSha256, String fileName) {}

    /** The report of a folder, laid out by one of its company's templates when {@code templateId} names one. */
    public Report render(Caller caller, UUID folderId, @Nullable UUID templateId) {
        FolderView view = folders.find(caller, folderId);
        ReportTemplate template = null;
        if (templateId != null) {
            template = reportTemplates.find(caller, templateId);
            if (!template.companyId().equals(view.folder().companyId())) {
                throw ArgusException.notFound("report template " + templateId + " of the folder's company");
            }
        }
        FolderCards.Detail detail = cards.detail(view, deliveries.findByFolderId(folderId));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("template", template);
        variables.put("labels", ReportLabels.of(template == null ? "en" : template.language()));
        Map<String, Boolean> shown = new LinkedHashMap<>();
        for (ReportTemplate.Section section : ReportTemplate.Section.values()) {
            shown.put(section.name(), template == null || template.shows(section));
        }
        variables.put("show", shown);
        variables.put(
                "logo",
                template == null || template.logoKey() == null ? "" : dataUri(template.logoKey(), template.logoType()));
        variables.put("folder", detail);
        variables.put("mediaFacts", view.media().stream().map(this::facts).toList());
        variables.put("images", images(caller, view, detail));
        variables.put("charts", charts(detail));
        String content = fragment("content", variables);
        String contentSha256 = Digests.sha256Hex(content.getBytes(StandardCharsets.UTF_8));
        variables.put("contentSha256", contentSha256);
        variables.put("version", version);
        variables.put("packs", packs());
        variables.put("reportTime", FolderCards.time(timestamps.now()));
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>"
                + "<title>Folder " + folderId + "</title>"
                + fragment("style", variables)
                + "</head><body>"
                + content
                + fragment("footer", variables)
                + "</body></html>";
        byte[] pdf = pdf(xhtml, folderId);
        return new Report(pdf, contentSha256, Digests.sha256Hex(pdf), "argus-folder-" + folderId + ".pdf");
    }

    private String fragment(String name, Map<String, Object> variables) {
        return templates.process(TEMPLATE, Set.of(name), new Context(Locale.ROOT, variables));
    }

    private MediaFacts facts(Media media) {
        String actual;
        try (InputStream in = store.open(media.storageKey())) {
            actual = Digests.sha256Hex(in);
        } catch (IOException e) {
            actual = "";
        }
        String probe = media.info().entrySet().stream()
                .map(e -> e.getKey().replace('_', ' ') + " " + e.getValue())
                .collect(Collectors.joining(" · "));
        return new MediaFacts(
                media.id().toString(),
                media.originalName(),
                media.mediaType().name(),
                media.contentType(),
                media.sizeBytes(),
                media.sha256(),
                actual.equalsIgnoreCase(media.sha256()),
                probe);
    }

    /** Every picture the content shows, by the console address the cards give it, as a data URI. */
    private Map<String, String> images(Caller caller, FolderView view, FolderCards.Detail detail) {
        Map<UUID, Media> rows = new LinkedHashMap<>();
        view.media().forEach(m -> rows.put(m.id(), m));
        view.outputImages().forEach(m -> rows.put(m.id(), m));
        List<FolderCards.MediaCard> shown = new ArrayList<>(detail.media());
        Map<String, String> images = new LinkedHashMap<>();
        for (FolderCards.Card card : detail.analyses()) {
            shown.addAll(card.sources());
            for (FolderCards.Result result : card.results()) {
                shown.addAll(result.bestShots());
                for (FolderCards.Match match : result.matches()) {
                    personPhoto(caller, match).ifPresent(uri -> images.put(match.photo(), uri));
                }
            }
        }
        for (FolderCards.MediaCard card : shown) {
            Media row = rows.get(UUID.fromString(card.id()));
            if (row == null) {
                continue;
            }
            if (card.thumbnail() != null && row.thumbKey() != null) {
                images.computeIfAbsent(card.thumbnail(), url -> dataUri(row.thumbKey(), "image/jpeg"));
            }
            if (card.output()) {
                images.computeIfAbsent(card.url(), url -> dataUri(row.storageKey(), "image/jpeg"));
            }
        }
        images.values().removeIf(String::isEmpty);
        return images;
    }

    private Optional<String> personPhoto(Caller caller, FolderCards.Match match) {
        try {
            var image = collections.image(
                    caller,
                    UUID.fromString(match.collectionId()),
                    UUID.fromString(match.personId()),
                    UUID.fromString(match.personImageId()));
            return Optional.of(dataUri(image.storageKey(), image.contentType())).filter(uri -> !uri.isEmpty());
        } catch (ArgusException | IllegalArgumentException e) {
            // the person was removed from the collection since: the hit stays listed without a photo
            return Optional.empty();
        }
    }

    /** The charts of each media result as PNG data URIs, by the chart they draw. */
    private static Map<Object, String> charts(FolderCards.Detail detail) {
        Map<Object, String> charts = new IdentityHashMap<>();
        Function<byte[], String> png =
                bytes -> "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
        for (FolderCards.Card card : detail.analyses()) {
            for (FolderCards.Result result : card.results()) {
                if (result.cues() != null) {
                    charts.put(result.cues(), png.apply(ChartImages.bars(result.cues())));
                }
                if (result.frames() != null) {
                    charts.put(result.frames(), png.apply(ChartImages.lines(result.frames())));
                }
                if (result.gesture() != null) {
                    charts.put(
                            result.gesture().chart(),
                            png.apply(ChartImages.lines(result.gesture().chart())));
                }
            }
        }
        return charts;
    }

    private List<Pack> packs() {
        return packs.loaded().entrySet().stream()
                .map(pack -> new Pack(
                        pack.getKey(),
                        pack.getValue().entrySet().stream()
                                .map(file -> file.getKey() + " sha256 " + file.getValue())
                                .sorted()
                                .toList()))
                .toList();
    }

    private String dataUri(String key, String contentType) {
        try (InputStream in = store.open(key)) {
            return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(in.readAllBytes());
        } catch (IOException e) {
            return "";
        }
    }

    private static byte[] pdf(String xhtml, UUID folderId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (int weight : new int[] {400, 700}) {
                builder.useFont(
                        ReportFonts::open, ReportFonts.FAMILY, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            // Pictures are inlined; any other address (none is expected) is not fetched.
            builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("Argus");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report of folder " + folderId + " could not be laid out", e);
        }
        return out.toByteArray();
    }

    private static String buildVersion() {
        Properties build = new Properties();
        try (InputStream in = FolderReports.class.getResourceAsStream("/argus-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build.getProperty("version", "unknown");
    }
}
