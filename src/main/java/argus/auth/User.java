package argus.auth;

import argus.JsonColumn;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A user of a company; {@code metaData} holds the client's JSON object as text. */
@MappedEntity(value = "app_user", escape = false)
public record User(
        @Id UUID id,
        UUID companyId,
        String email,
        String passwordHash,
        Role role,
        boolean active,
        String firstName,
        String middleName,
        String lastName,
        boolean canStartQuality,
        boolean canStartBiometry,
        boolean canStartCollection,

        @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> metaData,

        Instant timeCreated,
        Instant timeUpdated) {

    public Permissions permissions() {
        return new Permissions(canStartQuality, canStartBiometry, canStartCollection);
    }

    public User withMetaData(Map<String, Object> json, Instant time) {
        return new User(
                id,
                companyId,
                email,
                passwordHash,
                role,
                active,
                firstName,
                middleName,
                lastName,
                canStartQuality,
                canStartBiometry,
                canStartCollection,
                json,
                timeCreated,
                time);
    }
}
