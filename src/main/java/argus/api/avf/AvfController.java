package argus.api.avf;

import argus.Application;
import argus.ArgusException;
import argus.ErrorCode;
import argus.api.Refusals;
import argus.api.RequestContexts;
import argus.auth.Caller;
import argus.forgery.ForgeryTask;
import argus.forgery.VideoForgeryService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * The anti-video-forgery contract: {@code POST /api-gateway/avf/infer} takes a multipart {@code file} (a video of at
 * most 100 MB) and answers 202 with the request id; {@code GET /api-gateway/avf/status/{request_id}} gives the
 * prediction, confidence and score once the queued check has run.
 */
@SecurityRequirement(name = Application.PARTNER_JWT)
@Tag(name = "Anti-video forgery")
@Refusals.Vendor
@Controller("/api-gateway/avf")
@ExecuteOn(TaskExecutors.BLOCKING)
class AvfController {
    static final long MAX_FILE_BYTES = 100L * 1024 * 1024;

    private final VideoForgeryService service;

    AvfController(VideoForgeryService service) {
        this.service = service;
    }

    @Post(value = "/infer", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<AvfJson> inferVideoForgery(
            HttpRequest<?> request, Caller caller, @Nullable @Part("file") CompletedFileUpload file) {
        if (file == null) {
            throw new ArgusException(ErrorCode.MISSING_FILE, "the multipart part 'file' with the video is required");
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new ArgusException(ErrorCode.PAYLOAD_TOO_LARGE, "the file exceeds the 100 MB limit");
        }
        ForgeryTask task;
        try {
            task = service.submit(caller, file.getInputStream(), file.getFilename(), RequestContexts.of(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.status(HttpStatus.ACCEPTED)
                .body(new AvfJson(
                        "Inference request accepted",
                        new AvfJson.Data(
                                true,
                                "Accepted for processing",
                                null,
                                null,
                                null,
                                new AvfJson.Metadata(
                                        task.id(),
                                        task.sourceFilename(),
                                        task.receivedAt().getEpochSecond(),
                                        null,
                                        null,
                                        null,
                                        null))));
    }

    @Get("/status/{requestId}")
    AvfJson getVideoForgeryStatus(Caller caller, @PathVariable UUID requestId) {
        ForgeryTask task = service.find(caller, requestId)
                .orElseThrow(() -> new ArgusException(ErrorCode.REQUEST_NOT_FOUND, "no request " + requestId));
        String message =
                task.pending() ? "Inference in progress" : task.success() ? "Inference completed" : "Inference failed";
        return new AvfJson(
                message,
                new AvfJson.Data(
                        task.success(),
                        task.message(),
                        task.prediction(),
                        task.confidence(),
                        task.score(),
                        new AvfJson.Metadata(
                                task.id(),
                                task.sourceFilename(),
                                task.receivedAt().getEpochSecond(),
                                task.completedAt() == null
                                        ? null
                                        : task.completedAt().getEpochSecond(),
                                task.faceSwapScore(),
                                task.replayScore(),
                                task.pending() ? null : task.framesAnalyzed())));
    }
}
