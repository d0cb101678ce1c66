package argus.api.oz;

import argus.ArgusException;
import argus.api.JsonPayloadReader;
import argus.api.Refusals;
import argus.auth.Accounts;
import argus.auth.Caller;
import argus.blacklist.CollectionService;
import argus.folder.FolderService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The metadata family of Oz: {@code /api/<owner>/<id>/meta_data/} for folders, media, analyses, users, collections
 * and companies. GET answers the object; POST replaces it; PATCH merges the posted keys into it (a null value removes
 * a key); DELETE empties it. POST and PATCH answer the resulting metadata object. Who may change what is the owner's
 * rule (an OPERATOR may annotate folders, a CLIENT ADMIN its company's users...).
 */
@Tag(name = "Oz folders")
@Refusals.Oz
@Controller("/api/{owner}/{id}/meta_data")
@ExecuteOn(TaskExecutors.BLOCKING)
class MetaDataController {
    private final Map<String, Owner> owners;
    private final JsonPayloadReader reader;

    /** How one kind of owner's metadata is read and replaced . */
    private record Owner(BiFunction<Caller, UUID, Map<String, Object>> read, Replace replace) {}

    private interface Replace {
        Map<String, Object> apply(Caller caller, UUID id, Map<String, Object> metaData);
    }

    MetaDataController(
            FolderService folders, Accounts accounts, CollectionService collections, JsonPayloadReader reader) {
        this.reader = reader;
        this.owners = Map.of(
                "folders",
                        new Owner(
                                (caller, id) ->
                                        folders.find(caller, id).folder().metaData(),
                                (caller, id, value) -> folders.setFolderMetaData(caller, id, value)
                                        .metaData()),
                "media",
                        new Owner(
                                (caller, id) -> folders.media(caller, id).metaData(),
                                (caller, id, value) -> folders.setMediaMetaData(caller, id, value)
                                        .metaData()),
                "analyses",
                        new Owner(
                                (caller, id) -> folders.analysis(caller, id).metaData(),
                                (caller, id, value) -> folders.setAnalysisMetaData(caller, id, value)
                                        .metaData()),
                "users",
                        new Owner(
                                (caller, id) -> accounts.user(caller, id).metaData(),
                                (caller, id, value) -> accounts.updateUserMetaData(caller, id, value)
                                        .metaData()),
                "collections",
                        new Owner(
                                (caller, id) ->
                                        collections.collection(caller, id).metaData(),
                                (caller, id, value) -> collections
                                        .setMetaData(caller, id, value)
                                        .metaData()),
                "companies",
                        new Owner(
                                (caller, id) -> accounts.company(caller, id).metaData(),
                                (caller, id, value) -> accounts.updateCompanyMetaData(caller, id, value)
                                        .metaData()));
    }

    @Get
    Map<String, Object> getMetaData(Caller caller, @PathVariable String owner, @PathVariable UUID id) {
        return owner(owner).read().apply(caller, id);
    }

    @Post
    Map<String, Object> replaceMetaData(
            Caller caller, @PathVariable String owner, @PathVariable UUID id, @Body @Nullable byte[] body) {
        return owner(owner).replace().apply(caller, id, reader.readOptionalObject(body, "the metadata"));
    }

    @Patch
    Map<String, Object> mergeMetaData(
            Caller caller, @PathVariable String owner, @PathVariable UUID id, @Body @Nullable byte[] body) {
        Owner kind = owner(owner);
        Map<String, Object> merged = new LinkedHashMap<>(kind.read().apply(caller, id));
        reader.readOptionalObject(body, "the metadata").forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return kind.replace().apply(caller, id, merged);
    }

    @Delete
    HttpResponse<?> clearMetaData(Caller caller, @PathVariable String owner, @PathVariable UUID id) {
        owner(owner).replace().apply(caller, id, Map.of());
        return HttpResponse.noContent();
    }

    private Owner owner(String name) {
        Owner owner = owners.get(name);
        if (owner == null) {
            throw ArgusException.notFound("metadata of " + ArgusException.clip(name));
        }
        return owner;
    }
}
