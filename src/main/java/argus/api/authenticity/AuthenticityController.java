package argus.api.authenticity;

import argus.ArgusException;
import argus.auth.Caller;
import argus.authenticity.AuthenticityService;
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
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * The audio authenticity contract: a multipart {@code file} (any channel count; an optional {@code start_time} /
 * {@code end_time} segment in seconds) is accepted with 202 and an {@code X-Location} to poll for the task. The task
 * is scored before it is acknowledged, so the poll finds it done.
 */
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
    HttpResponse<AuthenticityTaskJson> start(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                                             @Part("file") CompletedFileUpload file,
                                             @Nullable @QueryValue("start_time") Double startTime,
                                             @Nullable @QueryValue("end_time") Double endTime) {
        AuthenticityService.Outcome outcome;
        try {
            outcome = service.submit(caller, file.getInputStream(), file.getFilename(), startTime, endTime);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.<AuthenticityTaskJson>status(HttpStatus.ACCEPTED)
                .header(LOCATION, TASKS + outcome.task().id())
                .body(json(outcome));
    }

    @Get("/authenticity-verification/{taskId}")
    AuthenticityTaskJson get(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID taskId) {
        return service.find(caller, taskId).map(AuthenticityController::json)
                .orElseThrow(() -> new ArgusException(HttpStatus.NOT_FOUND, "TASK_NOT_FOUND", "no task " + taskId));
    }

    private static AuthenticityTaskJson json(AuthenticityService.Outcome outcome) {
        var task = outcome.task();
        var channels = outcome.channels().stream()
                .map(c -> new AuthenticityTaskJson.Channel(c.channel(), c.speechSeconds(), c.score())).toList();
        return new AuthenticityTaskJson(new AuthenticityTaskJson.Task(task.id(), "done"),
                new AuthenticityTaskJson.Result(new AuthenticityTaskJson.DeepfakeDetection(task.segmentStart(), task.segmentEnd(), channels)));
    }
}
