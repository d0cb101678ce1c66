package argus.jobs;

import argus.ErrorCode;
import java.util.UUID;

/**
 * Work queued as a job of its {@link #kind()}: the job worker runs it within an engine slot, under a lease, and resumes
 * it on another instance if this one dies; after too many interruptions it is abandoned.
 */
public interface QueuedWork {

    String kind();

    /** Does the work on the subject; it records its own outcome, failures included. */
    void run(UUID subjectId);

    /** Gives the subject up for good, recording why (a reason and a sentence about the work) as its outcome. */
    void abandon(UUID subjectId, ErrorCode code, String reason);
}
