package argus.jobs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * Queued work for the engine: the work of a {@link QueuedWork} of its {@code kind} on its {@code subjectId} (a folder's
 * job also names the folder, whose deletion removes it). One instance at a time holds it, for as long as its
 * lease lasts; a job whose holder died is taken over when the lease runs out.
 */
@MappedEntity(value = "analysis_job", escape = false)
public record AnalysisJob(
        @Id UUID id,
        @Nullable UUID folderId,
        UUID companyId,
        String kind,
        @Nullable UUID subjectId,
        JobState state,
        int attempts,
        @Nullable String leaseOwner,
        @Nullable Instant leaseUntil,
        Instant timeCreated,
        Instant timeUpdated,
        @Nullable String requestId) {
    public enum JobState {
        QUEUED,
        RUNNING,
        DONE
    }
}
