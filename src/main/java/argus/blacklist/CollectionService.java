package argus.blacklist;

import argus.ArgusException;
import argus.ErrorCode;
import argus.Timestamps;
import argus.analysis.AnalysisRunner.DecodeJob;
import argus.analysis.Enrollment;
import argus.auth.Caller;
import argus.auth.Role;
import argus.folder.MediaUpload;
import argus.storage.MediaStore;
import argus.storage.Published;
import argus.vision.MediaData;
import argus.vision.MediaOpener;
import argus.vision.MediaSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blacklist collections of a company: persons enrolled from photos. Each photo's face embedding is computed once, when
 * the photo is added, and kept with it; a photo without exactly one usable face is refused. Collections are shared by
 * the company: roles that create folders may enrol, roles that delete may remove.
 */
@Singleton
public class CollectionService {
    private final Timestamps timestamps;
    private static final Logger LOG = LoggerFactory.getLogger(CollectionService.class);

    private final CollectionRepository collections;
    private final PersonRepository persons;
    private final PersonImageRepository images;
    private final CollectionRecords records;
    private final FaceIndex index;
    private final Enrollment enrollment;
    private final MediaOpener opener;
    private final MediaStore store;

    public CollectionService(
            Timestamps timestamps,
            CollectionRepository collections,
            PersonRepository persons,
            PersonImageRepository images,
            CollectionRecords records,
            FaceIndex index,
            Enrollment enrollment,
            MediaOpener opener,
            MediaStore store) {
        this.timestamps = timestamps;
        this.collections = collections;
        this.persons = persons;
        this.images = images;
        this.records = records;
        this.index = index;
        this.enrollment = enrollment;
        this.opener = opener;
        this.store = store;
    }

    /** A person with its photos. */
    public record PersonView(Person person, List<PersonImage> images) {}

    public FaceCollection create(Caller caller, String alias, @Nullable UUID companyId) {
        caller.require(caller.role().createsFolders(), "create collections");
        UUID company = companyId == null ? caller.companyId() : companyId;
        caller.require(
                company.equals(caller.companyId()) || caller.role() == Role.ADMIN,
                "create collections for another company");
        if (alias == null || alias.isBlank() || alias.length() > 255) {
            throw new ArgusException(ErrorCode.INVALID_PAYLOAD, "alias must be 1 to 255 characters");
        }
        Instant time = timestamps.now();
        return collections.save(new FaceCollection(UUID.randomUUID(), company, alias.trim(), Map.of(), time, time));
    }

    public Page<FaceCollection> list(Caller caller, Pageable page) {
        return collections.findByCompanyId(caller.companyId(), page);
    }

    public FaceCollection collection(Caller caller, UUID id) {
        return collections
                .findById(id)
                .filter(c ->
                        caller.role().scope() == Role.Scope.ALL || c.companyId().equals(caller.companyId()))
                .orElseThrow(() -> ArgusException.notFound("collection " + id));
    }

    /** Replaces a collection's metadata (those who may create collections). */
    public FaceCollection setMetaData(Caller caller, UUID id, Map<String, Object> metaData) {
        caller.require(caller.role().createsFolders(), "change collections");
        return collections.update(collection(caller, id).withMetaData(metaData, timestamps.now()));
    }

    /** A collection of the company, for showing it beside an analysis that searched it. */
    public Optional<FaceCollection> ofCompany(UUID companyId, UUID id) {
        return collections.findById(id).filter(c -> c.companyId().equals(companyId));
    }

    public long personCount(UUID collectionId) {
        return persons.countByCollectionId(collectionId);
    }

    public void delete(Caller caller, UUID id) {
        caller.require(caller.role().deletes(), "delete collections");
        FaceCollection collection = collection(caller, id);
        CollectionRecords.Deleted deleted = records.deleteCollection(collection);
        index.removed(
                collection.companyId(),
                deleted.version(),
                hit -> hit.collectionId().equals(id));
        removeFiles(deleted.keys());
    }

    /** Enrols a person from one or more photos, each with exactly one usable face. */
    public PersonView createPerson(
            Caller caller, UUID collectionId, Map<String, Object> metaData, List<MediaUpload> photos) {
        caller.require(caller.role().createsFolders(), "enrol persons");
        FaceCollection collection = collection(caller, collectionId);
        Instant time = timestamps.now();
        Person person = new Person(UUID.randomUUID(), collection.id(), collection.companyId(), metaData, time, time);
        Published published = new Published(store);
        try {
            Enrolled enrolled = enrol(person, photos, time, published);
            long version = records.insertPerson(person, enrolled.rows());
            index.added(collection.companyId(), version, enrolled.rows(), enrolled.embeddings());
            return new PersonView(person, enrolled.rows());
        } catch (RuntimeException e) {
            published.rollback();
            throw e;
        }
    }

    /** Enrols a new person from one photo read from a stream (a folder's photo or best shot, a console upload). */
    public PersonView createPerson(
            Caller caller, UUID collectionId, Map<String, Object> metaData, InputStream photo, String name) {
        MediaStore.StagedFile staged = store.stageUpload(photo);
        try {
            return createPerson(
                    caller,
                    collectionId,
                    metaData,
                    List.of(new MediaUpload(
                            "photo", name, new MediaData.InFile(staged.path()), staged, List.of(), Map.of())));
        } catch (RuntimeException e) {
            store.discard(staged);
            throw e;
        }
    }

    public List<PersonImage> addImages(Caller caller, UUID collectionId, UUID personId, List<MediaUpload> photos) {
        caller.require(caller.role().createsFolders(), "enrol persons");
        Person person = person(caller, collectionId, personId).person();
        Published published = new Published(store);
        try {
            Enrolled enrolled = enrol(person, photos, timestamps.now(), published);
            long version = records.insertImages(person.companyId(), enrolled.rows());
            index.added(person.companyId(), version, enrolled.rows(), enrolled.embeddings());
            return enrolled.rows();
        } catch (RuntimeException e) {
            published.rollback();
            throw e;
        }
    }

    private record Enrolled(List<PersonImage> rows, List<float[]> embeddings) {}

    private Enrolled enrol(Person person, List<MediaUpload> photos, Instant time, Published published) {
        if (photos.isEmpty()) {
            throw new ArgusException(ErrorCode.MISSING_MEDIA, "a person is enrolled from at least one photo");
        }
        List<MediaSource> sources = new ArrayList<>();
        try {
            List<DecodeJob> jobs = new ArrayList<>();
            for (MediaUpload photo : photos) {
                MediaSource source = opener.open(photo.data());
                sources.add(source);
                jobs.add(new DecodeJob(UUID.randomUUID(), photo.tags(), source, s -> s.sample(1)));
            }
            List<float[]> embeddings =
                    enrollment.embed(jobs, photos.stream().map(MediaUpload::key).toList());
            List<PersonImage> rows = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                MediaUpload photo = photos.get(i);
                MediaStore.StagedFile staged = Objects.requireNonNull(photo.staged(), "enrolled photos are stored");
                UUID imageId = UUID.randomUUID();
                String key = "%s/collections/%s/%s/%s"
                        .formatted(person.companyId(), person.collectionId(), person.id(), imageId);
                published.write(key, () -> store.commit(staged, key));
                rows.add(new PersonImage(
                        imageId,
                        person.id(),
                        person.collectionId(),
                        person.companyId(),
                        photo.originalName(),
                        sources.get(i).info().contentType(),
                        key,
                        Embeddings.encode(embeddings.get(i)),
                        time.plusNanos(1000L * i)));
            }
            return new Enrolled(rows, embeddings);
        } finally {
            sources.forEach(MediaSource::close);
        }
    }

    public Page<Person> persons(Caller caller, UUID collectionId, Pageable page) {
        return persons.findByCollectionId(collection(caller, collectionId).id(), page);
    }

    public PersonView person(Caller caller, UUID collectionId, UUID personId) {
        FaceCollection collection = collection(caller, collectionId);
        Person person = persons.findById(personId)
                .filter(p -> p.collectionId().equals(collection.id()))
                .orElseThrow(() -> ArgusException.notFound("person " + personId));
        return new PersonView(person, images.findByPersonIdOrderByTimeCreated(person.id()));
    }

    public List<PersonImage> images(UUID personId) {
        return images.findByPersonIdOrderByTimeCreated(personId);
    }

    public PersonImage image(Caller caller, UUID collectionId, UUID personId, UUID imageId) {
        return person(caller, collectionId, personId).images().stream()
                .filter(i -> i.id().equals(imageId))
                .findFirst()
                .orElseThrow(() -> ArgusException.notFound("image " + imageId));
    }

    public void deletePerson(Caller caller, UUID collectionId, UUID personId) {
        caller.require(caller.role().deletes(), "delete persons");
        Person person = person(caller, collectionId, personId).person();
        CollectionRecords.Deleted deleted = records.deletePerson(person);
        index.removed(
                person.companyId(), deleted.version(), hit -> hit.personId().equals(personId));
        removeFiles(deleted.keys());
    }

    public void deleteImage(Caller caller, UUID collectionId, UUID personId, UUID imageId) {
        caller.require(caller.role().deletes(), "delete images");
        PersonImage image = image(caller, collectionId, personId, imageId);
        CollectionRecords.Deleted deleted = records.deleteImage(image);
        index.removed(image.companyId(), deleted.version(), hit -> hit.imageId().equals(imageId));
        removeFiles(deleted.keys());
    }

    private void removeFiles(List<String> keys) {
        for (String key : keys) {
            try {
                store.delete(key);
            } catch (IOException e) {
                LOG.warn("could not remove {}", key, e);
            }
        }
    }
}
