package argus.folder;

import java.util.UUID;

/**
 * Work of another contract queued as a job of its {@link #kind()}: the job worker runs it within an engine slot, under
 * a lease, and resumes it on another instance if this one dies; after too many interruptions it is abandoned.
 */
public interface QueuedWork {

    String kind();

    /** Does the work on the subject; it records its own outcome, failures included. */
    void run(UUID subjectId);

    /** Gives the subject up for good, recording the reason (a sentence about the work) as its outcome. */
    void abandon(UUID subjectId, String reason);
}
