package argus.console;

import argus.JsonText;
import argus.api.Downloads;
import argus.auth.Caller;
import argus.blacklist.CollectionService;
import argus.blacklist.FaceCollection;
import argus.blacklist.PersonImage;
import argus.evidence.FolderCards;
import argus.storage.MediaStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Blacklists (face collections): their persons with photos, enrolment from a photo, and removal. */
@Hidden
@Controller(ConsoleSession.PATH + "/blacklists")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class BlacklistPages {
    private static final int PERSONS_PER_PAGE = 48;
    private static final int MAX_COLLECTIONS = 200;

    private final CollectionService collections;
    private final MediaStore store;
    private final JsonText json;

    BlacklistPages(CollectionService collections, MediaStore store, JsonText json) {
        this.collections = collections;
        this.store = store;
        this.json = json;
    }

    record CollectionRow(String id, String alias, String company, long persons, String created) {}

    record PersonCard(String id, String name, String metaData, List<String> photos, String created) {}

    /** The collections a user may enrol into, for a select box. */
    static List<ConsolePage.Option> choices(CollectionService collections, Caller caller) {
        return collections.list(caller, Pageable.from(0, MAX_COLLECTIONS)).getContent().stream()
                .map(c -> new ConsolePage.Option(c.id().toString(), c.alias()))
                .toList();
    }

    @Get
    ModelAndView<Map<String, Object>> list(Caller caller, HttpRequest<?> request) {
        List<CollectionRow> rows = collections.list(caller, Pageable.from(0, MAX_COLLECTIONS)).getContent().stream()
                .map(c -> new CollectionRow(
                        c.id().toString(),
                        c.alias(),
                        c.companyId().toString(),
                        collections.personCount(c.id()),
                        FolderCards.time(c.timeCreated())))
                .toList();
        return ConsolePage.of(request, "blacklists", Map.of("title", "Blacklists", "collections", rows));
    }

    @Serdeable
    record CollectionForm(@Nullable String csrf, @Nullable String alias) {}

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(Caller caller, HttpRequest<?> request, @Body CollectionForm form) {
        ConsoleSession.checkForm(request, form.csrf());
        FaceCollection created = collections.create(caller, form.alias() == null ? "" : form.alias(), null);
        return HttpResponse.seeOther(page(created.id()));
    }

    @Get("/{collectionId}")
    ModelAndView<Map<String, Object>> collection(
            Caller caller,
            HttpRequest<?> request,
            @PathVariable UUID collectionId,
            @QueryValue(defaultValue = "0") int page) {
        FaceCollection collection = collections.collection(caller, collectionId);
        var persons = collections.persons(caller, collectionId, Pageable.from(Math.max(0, page), PERSONS_PER_PAGE));
        List<PersonCard> cards = persons.getContent().stream()
                .map(person -> {
                    Map<String, Object> metaData = person.metaData();
                    Object name = metaData.getOrDefault("name", "");
                    List<String> photos = collections.images(person.id()).stream()
                            .map(image -> FolderCards.photoUrl(collectionId, image.personId(), image.id()))
                            .toList();
                    return new PersonCard(
                            person.id().toString(),
                            String.valueOf(name),
                            json.write(metaData),
                            photos,
                            FolderCards.time(person.timeCreated()));
                })
                .toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Blacklist " + collection.alias());
        model.put(
                "collection",
                new CollectionRow(
                        collection.id().toString(),
                        collection.alias(),
                        collection.companyId().toString(),
                        persons.getTotalSize(),
                        FolderCards.time(collection.timeCreated())));
        model.put("persons", cards);
        model.put("page", Math.max(0, page));
        model.put("pages", Math.max(1, persons.getTotalPages()));
        model.put("deletes", caller.role().deletes());
        return ConsolePage.of(request, "collection", model);
    }

    /** Enrols a person from an uploaded photo; {@code name} goes into the person's metadata. */
    @Post(uri = "/{collectionId}/persons", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> enrol(
            Caller caller,
            HttpRequest<?> request,
            @PathVariable UUID collectionId,
            @Part("csrf") @Nullable String csrf,
            @Part("name") @Nullable String name,
            @Part("photo") CompletedFileUpload photo) {
        ConsoleSession.checkForm(request, csrf);
        Map<String, Object> metaData = name == null || name.isBlank() ? Map.of() : Map.of("name", name.strip());
        try (InputStream content = photo.getInputStream()) {
            collections.createPerson(caller, collectionId, metaData, content, photo.getFilename());
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded photo could not be read", e);
        }
        return HttpResponse.seeOther(page(collectionId));
    }

    @Post(uri = "/{collectionId}/persons/{personId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(
            Caller caller,
            HttpRequest<?> request,
            @PathVariable UUID collectionId,
            @PathVariable UUID personId,
            @Body ConsoleSession.CsrfForm form) {
        ConsoleSession.checkForm(request, form.csrf());
        collections.deletePerson(caller, collectionId, personId);
        return HttpResponse.seeOther(page(collectionId));
    }

    @Get("/{collectionId}/persons/{personId}/images/{imageId}")
    HttpResponse<StreamedFile> image(
            Caller caller,
            HttpRequest<?> request,
            @PathVariable UUID collectionId,
            @PathVariable UUID personId,
            @PathVariable UUID imageId) {
        PersonImage image = collections.image(caller, collectionId, personId, imageId);
        return Downloads.inline(store, image.storageKey(), MediaType.of(image.contentType()), null);
    }

    private static URI page(UUID collectionId) {
        return URI.create("%s/blacklists/%s".formatted(ConsoleSession.PATH, collectionId));
    }
}
