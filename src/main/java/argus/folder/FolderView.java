package argus.folder;

import java.util.List;

/**
 * A folder with its media and analyses as stored. {@code media} lists what the client uploaded; {@code outputImages}
 * the images analyses produced (best shots), referenced from the analyses' results.
 */
public record FolderView(Folder folder, List<Media> media, List<Media> outputImages, List<Analysis> analyses) {
}
