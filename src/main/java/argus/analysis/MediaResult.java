package argus.analysis;

import argus.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The verdict of an analysis on one of its source media; {@code outputImages} are media ids of produced images. */
@Serdeable
public record MediaResult(
        UUID sourceMediaId,
        Resolution resolution,
        Map<String, Object> resultsData,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        List<UUID> outputImages) {

    /** The type of a stored list of results, to read it back. */
    public static final Argument<List<MediaResult>> LIST = Argument.listOf(MediaResult.class);

    public static MediaResult failed(UUID mediaId, ErrorCode code, String message) {
        return new MediaResult(mediaId, Resolution.FAILED, Map.of(), code.name(), message, List.of());
    }
}
