package argus.folder;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A folder with its media and analyses as stored. {@code media} lists what the client uploaded; {@code outputImages}
 * the images analyses produced (best shots), referenced from the analyses' results; {@code decisions} the operators'
 * decisions, oldest first.
 */
public record FolderView(
        Folder folder,
        List<Media> media,
        List<Media> outputImages,
        List<Analysis> analyses,
        List<OperatorDecision> decisions) {

    /** The decision that stands on the folder itself ({@code analysisId} null) or on one analysis. */
    public Optional<OperatorDecision> decision(@Nullable UUID analysisId) {
        return decisions.reversed().stream()
                .filter(d -> Objects.equals(d.analysisId(), analysisId))
                .findFirst();
    }
}
