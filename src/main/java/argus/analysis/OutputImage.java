package argus.analysis;

import java.util.UUID;

/** An image an analysis produced (a best shot), to be stored as a media of the folder. */
public record OutputImage(UUID mediaId, UUID sourceMediaId, byte[] jpeg, int width, int height) {}
