package argus.api.deepfake;

import argus.Application;
import argus.ArgusException;
import argus.ErrorCode;
import argus.api.Refusals;
import argus.auth.Caller;
import argus.deepfake.DeepfakeAnalysis;
import argus.deepfake.DeepfakeService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * The multi-format deepfake contract: {@code POST /v1/deepfake-detection/analyze} (multipart {@code file} of at most
 * 50 MB, optional {@code file_type}, {@code callback_url}, {@code external_id}) answers 202; {@code GET
 * /v1/deepfake-detection/{id}} gives the analysis as it stands (processing, completed or failed); the finished
 * analysis is also posted to the callback.
 */
@SecurityRequirement(name = Application.DEEPFAKE_KEY)
@Tag(name = "Deepfake analysis")
@Refusals.Vendor
@Controller("/v1/deepfake-detection")
@ExecuteOn(TaskExecutors.BLOCKING)
class DeepfakeController {
    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    private static final String PREFIX = "da_";

    private final DeepfakeService service;

    DeepfakeController(DeepfakeService service) {
        this.service = service;
    }

    @Post(value = "/analyze", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<DeepfakeJson.Accepted> analyzeDeepfake(
            Caller caller,
            @Nullable @Part("file") CompletedFileUpload file,
            @Nullable @Part("file_type") @Schema(name = "file_type") String fileType,
            @Nullable @Part("callback_url") @Schema(name = "callback_url") String callbackUrl,
            @Nullable @Part("external_id") @Schema(name = "external_id") String externalId) {
        if (file == null) {
            throw new ArgusException(ErrorCode.MISSING_FILE, "the multipart part 'file' is required");
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new ArgusException(ErrorCode.PAYLOAD_TOO_LARGE, "the file exceeds the 50 MB limit");
        }
        DeepfakeAnalysis analysis;
        try {
            analysis = service.submit(
                    caller,
                    file.getInputStream(),
                    new DeepfakeService.Request(file.getFilename(), fileType, callbackUrl, externalId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.status(HttpStatus.ACCEPTED)
                .body(DeepfakeJson.accepted(analysis, DeepfakeService.estimatedSeconds(analysis)));
    }

    @Get("/{id}")
    DeepfakeJson.Analysis getDeepfakeAnalysis(Caller caller, @PathVariable String id) {
        return parse(id)
                .flatMap(uuid -> service.find(caller, uuid))
                .map(analysis -> DeepfakeJson.analysis(analysis))
                .orElseThrow(() ->
                        new ArgusException(ErrorCode.ANALYSIS_NOT_FOUND, "no analysis " + ArgusException.clip(id)));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
