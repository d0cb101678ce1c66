package argus.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;

/** @param dataDir the directory holding the embedded database, media files and staging area */
@ConfigurationProperties("argus")
public record StorageConfig(
        @Bindable(defaultValue = "./data") Path dataDir) {}
