package argus.api.oz;

import argus.blacklist.CollectionService;
import argus.blacklist.FaceCollection;
import argus.blacklist.PersonImage;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Wire records of blacklist collections; a person's image has its id under both names clients use. */
final class CollectionJson {
    private CollectionJson() {}

    @Serdeable
    record CollectionRequest(
            @Nullable String alias,
            @JsonProperty("company_id") @Nullable UUID companyId) {}

    @Serdeable
    record Collection(
            @JsonProperty("collection_id") UUID collectionId,
            @JsonProperty("company_id") UUID companyId,
            String alias,
            @JsonProperty("persons_count") long personsCount,
            @JsonProperty("meta_data") Map<String, Object> metaData,
            @JsonProperty("time_created") BigDecimal timeCreated,
            @JsonProperty("time_updated") BigDecimal timeUpdated) {

        static Collection of(FaceCollection collection, long persons) {
            return new Collection(
                    collection.id(),
                    collection.companyId(),
                    collection.alias(),
                    persons,
                    collection.metaData(),
                    OzTime.seconds(collection.timeCreated()),
                    OzTime.seconds(collection.timeUpdated()));
        }
    }

    @Serdeable
    record Image(
            @JsonProperty("image_id") UUID imageId,
            @JsonProperty("person_image_id") UUID personImageId,
            @JsonProperty("person_id") UUID personId,
            @JsonProperty("original_name") String originalName,
            @JsonProperty("original_url") String originalUrl,
            @JsonProperty("time_created") BigDecimal timeCreated) {

        static Image of(PersonImage image, String baseUrl) {
            return new Image(
                    image.id(),
                    image.id(),
                    image.personId(),
                    image.originalName(),
                    "%s/api/collections/%s/persons/%s/images/%s/original/"
                            .formatted(baseUrl, image.collectionId(), image.personId(), image.id()),
                    OzTime.seconds(image.timeCreated()));
        }
    }

    @Serdeable
    record Person(
            @JsonProperty("person_id") UUID personId,
            @JsonProperty("collection_id") UUID collectionId,
            @JsonProperty("company_id") UUID companyId,
            @JsonProperty("meta_data") Map<String, Object> metaData,
            List<Image> images,
            @JsonProperty("time_created") BigDecimal timeCreated,
            @JsonProperty("time_updated") BigDecimal timeUpdated) {

        static Person of(CollectionService.PersonView view, String baseUrl) {
            var person = view.person();
            return new Person(
                    person.id(),
                    person.collectionId(),
                    person.companyId(),
                    person.metaData(),
                    view.images().stream().map(i -> Image.of(i, baseUrl)).toList(),
                    OzTime.seconds(person.timeCreated()),
                    OzTime.seconds(person.timeUpdated()));
        }
    }
}
