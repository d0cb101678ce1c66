package argus.folder;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A group of analyses started together, queued for the engine. One instance at a time holds it, for as long as its
 * lease lasts; a job whose holder died is taken over when the lease runs out.
 */
@MappedEntity("analysis_job")
public record AnalysisJob(@Id UUID id,
                          UUID folderId,
                          UUID companyId,
                          JobState state,
                          int attempts,
                          @Nullable String leaseOwner,
                          @Nullable Instant leaseUntil,
                          Instant timeCreated,
                          Instant timeUpdated) {

    public enum JobState {
        QUEUED,
        RUNNING,
        DONE
    }
}
