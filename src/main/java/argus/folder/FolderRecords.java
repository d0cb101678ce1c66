package argus.folder;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Database access for folders: a folder and everything in it are written in one transaction. */
@Singleton
public class FolderRecords {
    private final FolderRepository folders;
    private final MediaRepository media;
    private final AnalysisRepository analyses;

    public FolderRecords(FolderRepository folders, MediaRepository media, AnalysisRepository analyses) {
        this.folders = folders;
        this.media = media;
        this.analyses = analyses;
    }

    @Transactional
    public void insert(Folder folder, List<Media> mediaRows, List<Analysis> analysisRows) {
        folders.save(folder);
        media.saveAll(mediaRows);
        analyses.saveAll(analysisRows);
    }

    /** The folder if it belongs to the company; another company's folder is as absent as a missing one. */
    @Transactional
    public Optional<FolderView> find(UUID folderId, UUID companyId) {
        return folders.findByIdAndCompanyId(folderId, companyId).map(folder -> {
            List<Media> all = media.findByFolderIdOrderByTimeCreated(folderId);
            return new FolderView(folder,
                    all.stream().filter(m -> m.sourceAnalysisId() == null).toList(),
                    all.stream().filter(m -> m.sourceAnalysisId() != null).toList(),
                    analyses.findByFolderIdOrderByTimeCreated(folderId));
        });
    }

    public Optional<Media> findMedia(UUID mediaId, UUID companyId) {
        return media.findByIdAndCompanyId(mediaId, companyId);
    }
}
