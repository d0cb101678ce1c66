package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.api.Downloads;
import argus.api.Refusals;
import argus.auth.Caller;
import argus.blacklist.CollectionService;
import argus.blacklist.PersonImage;
import argus.storage.MediaStore;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/collections/}: blacklist collections, their persons (enrolled from photos in the multipart + payload
 * style, with {@code person:meta_data}) and the persons' photos.
 */
@Tag(name = "Oz collections")
@Refusals.Oz
@Controller("/api/collections")
@ExecuteOn(TaskExecutors.BLOCKING)
class CollectionController {
    private final CollectionService collections;
    private final UploadReceiver uploads;
    private final OzPayloadParser payloads;
    private final MediaStore store;
    private final BaseUrls urls;

    CollectionController(
            CollectionService collections,
            UploadReceiver uploads,
            OzPayloadParser payloads,
            MediaStore store,
            BaseUrls urls) {
        this.collections = collections;
        this.uploads = uploads;
        this.payloads = payloads;
        this.store = store;
        this.urls = urls;
    }

    @Post
    HttpResponse<CollectionJson.Collection> createCollection(
            Caller caller, @Body CollectionJson.CollectionRequest body) {
        return HttpResponse.created(
                CollectionJson.Collection.of(collections.create(caller, body.alias(), body.companyId()), 0));
    }

    @Get
    HttpResponse<List<CollectionJson.Collection>> listCollections(Caller caller, HttpRequest<?> request) {
        Paging paging = ListQuery.of(request).paging();
        return PageJson.of(
                collections.list(caller, paging.pageable()),
                paging,
                request,
                urls.base(request),
                c -> CollectionJson.Collection.of(c, collections.personCount(c.id())));
    }

    @Get("/{collectionId}")
    CollectionJson.Collection getCollection(Caller caller, @PathVariable UUID collectionId) {
        var collection = collections.collection(caller, collectionId);
        return CollectionJson.Collection.of(collection, collections.personCount(collection.id()));
    }

    @Delete("/{collectionId}")
    HttpResponse<?> deleteCollection(Caller caller, @PathVariable UUID collectionId) {
        collections.delete(caller, collectionId);
        return HttpResponse.noContent();
    }

    @Post(value = "/{collectionId}/persons", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<CollectionJson.Person> createPerson(
            Caller caller, @PathVariable UUID collectionId, @Body MultipartBody body, HttpRequest<?> request) {
        return uploads.handle(body, upload -> {
            Map<String, Object> metaData = personMetaData(upload.payload());
            var person = collections.createPerson(
                    caller, collectionId, metaData, payloads.media(upload.payload(), upload.files()));
            return HttpResponse.created(CollectionJson.Person.of(person, urls.base(request)));
        });
    }

    @Get("/{collectionId}/persons")
    HttpResponse<List<CollectionJson.Person>> listPersons(
            Caller caller, @PathVariable UUID collectionId, HttpRequest<?> request) {
        Paging paging = ListQuery.of(request).paging();
        String base = urls.base(request);
        return PageJson.of(
                collections.persons(caller, collectionId, paging.pageable()),
                paging,
                request,
                base,
                p -> CollectionJson.Person.of(new CollectionService.PersonView(p, collections.images(p.id())), base));
    }

    @Get("/{collectionId}/persons/{personId}")
    CollectionJson.Person getPerson(
            Caller caller, @PathVariable UUID collectionId, @PathVariable UUID personId, HttpRequest<?> request) {
        return CollectionJson.Person.of(collections.person(caller, collectionId, personId), urls.base(request));
    }

    @Delete("/{collectionId}/persons/{personId}")
    HttpResponse<?> deletePerson(Caller caller, @PathVariable UUID collectionId, @PathVariable UUID personId) {
        collections.deletePerson(caller, collectionId, personId);
        return HttpResponse.noContent();
    }

    @Post(value = "/{collectionId}/persons/{personId}/images", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<List<CollectionJson.Image>> addPersonImages(
            Caller caller,
            @PathVariable UUID collectionId,
            @PathVariable UUID personId,
            @Body MultipartBody body,
            HttpRequest<?> request) {
        return uploads.handle(body, upload -> {
            List<PersonImage> added = collections.addImages(
                    caller, collectionId, personId, payloads.media(upload.payload(), upload.files()));
            String base = urls.base(request);
            return HttpResponse.created(
                    added.stream().map(i -> CollectionJson.Image.of(i, base)).toList());
        });
    }

    @Get("/{collectionId}/persons/{personId}/images")
    List<CollectionJson.Image> listPersonImages(
            Caller caller, @PathVariable UUID collectionId, @PathVariable UUID personId, HttpRequest<?> request) {
        String base = urls.base(request);
        return collections.person(caller, collectionId, personId).images().stream()
                .map(i -> CollectionJson.Image.of(i, base))
                .toList();
    }

    @Delete("/{collectionId}/persons/{personId}/images/{imageId}")
    HttpResponse<?> deletePersonImage(
            Caller caller, @PathVariable UUID collectionId, @PathVariable UUID personId, @PathVariable UUID imageId) {
        collections.deleteImage(caller, collectionId, personId, imageId);
        return HttpResponse.noContent();
    }

    @Get("/{collectionId}/persons/{personId}/images/{imageId}/original")
    HttpResponse<StreamedFile> downloadPersonImage(
            Caller caller, @PathVariable UUID collectionId, @PathVariable UUID personId, @PathVariable UUID imageId) {
        PersonImage image = collections.image(caller, collectionId, personId, imageId);
        return Downloads.attachment(store, image.storageKey(), MediaType.of(image.contentType()), image.originalName());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> personMetaData(Map<String, Object> payload) {
        Object value = payload.get("person:meta_data");
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ArgusException(ErrorCode.INVALID_PAYLOAD, "person:meta_data must be a JSON object");
        }
        return (Map<String, Object>) map;
    }
}
