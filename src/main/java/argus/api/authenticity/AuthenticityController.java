package argus.api.authenticity;

import argus.Application;
import argus.ArgusException;
import argus.ErrorCode;
import argus.api.Refusals;
import argus.auth.Caller;
import argus.authenticity.AuthenticityService;
import argus.authenticity.AuthenticityTask;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * The audio authenticity contract: a multipart {@code file} (any channel count; an optional {@code start_time} /
 * {@code end_time} segment in seconds) is queued and answered 202 with an {@code X-Location} to poll for the task.
 */
@SecurityRequirement(name = Application.BEARER_TOKEN)
@Tag(name = "Audio authenticity")
@Refusals.Vendor
@Controller("/api/technology")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthenticityController {
    static final String LOCATION = "X-Location";
    private static final String TASKS = "/api/technology/authenticity-verification/";

    private final AuthenticityService service;

    AuthenticityController(AuthenticityService service) {
        this.service = service;
    }

    @Post(value = "/experimental/authenticity-verification", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<AuthenticityTaskJson> startAuthenticityVerification(
            Caller caller,
            @Part("file") CompletedFileUpload file,
            @Nullable @QueryValue("start_time") Double startTime,
            @Nullable @QueryValue("end_time") Double endTime) {
        AuthenticityTask task;
        try {
            task = service.submit(caller, file.getInputStream(), file.getFilename(), startTime, endTime);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<AuthenticityTaskJson>status(HttpStatus.ACCEPTED)
                .header(LOCATION, TASKS + task.id())
                .body(json(task));
    }

    @Get("/authenticity-verification/{taskId}")
    AuthenticityTaskJson getAuthenticityVerification(Caller caller, @PathVariable UUID taskId) {
        return service.find(caller, taskId)
                .map(this::json)
                .orElseThrow(() -> new ArgusException(ErrorCode.TASK_NOT_FOUND, "no task " + taskId));
    }

    private AuthenticityTaskJson json(AuthenticityTask task) {
        AuthenticityTaskJson.Result result = null;
        if (task.state().equals("done")) {
            var channels = service.channels(task).stream()
                    .map(c -> new AuthenticityTaskJson.Channel(c.channel(), c.speechSeconds(), c.score()))
                    .toList();
            result = new AuthenticityTaskJson.Result(
                    new AuthenticityTaskJson.DeepfakeDetection(task.segmentStart(), task.segmentEnd(), channels));
        }
        return new AuthenticityTaskJson(new AuthenticityTaskJson.Task(task.id(), task.state()), result, task.error());
    }
}
