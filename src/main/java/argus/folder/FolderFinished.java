package argus.folder;

import java.util.UUID;

/** Published, inside the transaction that records it, when the last running analysis of a folder has ended. */
public record FolderFinished(UUID folderId, UUID companyId) {}
