package argus.folder;

/** A folder's {@code resolution_status}: where its analyses stand. */
public enum FolderStatus {
    INITIAL,
    PROCESSING,
    FAILED,
    FINISHED
}
