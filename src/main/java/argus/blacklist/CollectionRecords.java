package argus.blacklist;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Writes to collections, each in one transaction with the bump of the company's faces version, which is returned so
 * that this instance can bring its index up to date in place.
 */
@Singleton
class CollectionRecords {
    private final CollectionRepository collections;
    private final PersonRepository persons;
    private final PersonImageRepository images;
    private final FacesVersionRepository versions;

    CollectionRecords(
            CollectionRepository collections,
            PersonRepository persons,
            PersonImageRepository images,
            FacesVersionRepository versions) {
        this.collections = collections;
        this.persons = persons;
        this.images = images;
        this.versions = versions;
    }

    @Transactional
    long insertPerson(Person person, List<PersonImage> rows) {
        persons.save(person);
        images.saveAll(rows);
        return bump(person.companyId());
    }

    @Transactional
    long insertImages(UUID companyId, List<PersonImage> rows) {
        images.saveAll(rows);
        return bump(companyId);
    }

    /** Deletes a person with its images; returns their storage keys. */
    @Transactional
    Deleted deletePerson(Person person) {
        List<String> keys = images.findByPersonIdOrderByTimeCreated(person.id()).stream()
                .map(PersonImage::storageKey)
                .toList();
        persons.delete(person);
        return new Deleted(keys, bump(person.companyId()));
    }

    @Transactional
    Deleted deleteImage(PersonImage image) {
        images.delete(image);
        return new Deleted(List.of(image.storageKey()), bump(image.companyId()));
    }

    @Transactional
    Deleted deleteCollection(FaceCollection collection) {
        List<String> keys = images.findByCollectionId(collection.id()).stream()
                .map(PersonImage::storageKey)
                .toList();
        collections.delete(collection);
        return new Deleted(keys, bump(collection.companyId()));
    }

    private long bump(UUID companyId) {
        versions.bump(companyId);
        return versions.facesVersion(companyId);
    }

    /** What a deletion removed from storage's point of view, and the faces version it produced. */
    record Deleted(List<String> keys, long version) {}
}
