package argus.videodetect;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** An API key of a company: stored only as its SHA-256, with space-separated scopes. */
@MappedEntity(value = "api_key", escape = false)
public record ApiKey(@Id UUID id, UUID companyId, String keyHash, String scopes, boolean revoked, Instant timeCreated) {
    public static final String WRITE = "detection:write";
    public static final String READ = "detection:read";

    public boolean allows(String scope) {
        return Arrays.asList(scopes.split(" ")).contains(scope);
    }
}
