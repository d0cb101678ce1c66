package argus.folder;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * What one folder may hold. Oz's legacy default was 10 files per folder, its later versions set no limit; a bound is
 * kept so that one folder cannot grow without end, high enough for every flow the Oz clients use.
 *
 * @param maxMedia media files (uploads, not the images analyses produce) one folder may hold
 */
@ConfigurationProperties("argus.folders")
public record FolderLimits(@Bindable(defaultValue = "100") int maxMedia) {}
