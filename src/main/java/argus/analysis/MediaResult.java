package argus.analysis;

import argus.ErrorCode;
import argus.JsonColumn;
import argus.JsonText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
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

    /** A list of results kept as JSON text. */
    @Singleton
    public static class Column extends JsonColumn<List<MediaResult>> {
        public Column(JsonText json) {
            super(json, Argument.listOf(MediaResult.class));
        }
    }

    public static MediaResult failed(UUID mediaId, ErrorCode code, String message) {
        return new MediaResult(mediaId, Resolution.FAILED, Map.of(), code.name(), message, List.of());
    }
}
