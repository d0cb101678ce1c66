package argus.console;

import argus.analysis.BiometryAnalyzer;
import argus.analysis.QualityAnalyzer;
import argus.api.oz.FolderJson;
import argus.api.oz.SingleRequest;
import argus.auth.Caller;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;

/**
 * The capture page: records a selfie video in the browser and sends it as Oz's single request. The page's script
 * builds the same multipart body a partner sends to {@code POST /api/folders/}; it reaches the same handler here, under
 * the console's sign-in, with the sign-in's CSRF token in a header instead of the access token.
 */
@Hidden
@Requires(property = CapturePages.ENABLED, notEquals = "false")
@Controller(CapturePages.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
class CapturePages {
    static final String ENABLED = "argus.console.capture";
    static final String PATH = ConsoleSession.PATH + "/capture";
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** The gestures the page offers: the tag's suffix and the prompt shown while recording. */
    record Gesture(String name, String prompt) {}

    static final List<Gesture> GESTURES = List.of(
            new Gesture("blank", "Look at the camera"),
            new Gesture("left", "Turn your head to your left"),
            new Gesture("right", "Turn your head to your right"),
            new Gesture("high", "Raise your head"),
            new Gesture("down", "Lower your head"),
            new Gesture("scan", "Turn your head slowly left and right"),
            new Gesture("eyes", "Blink"),
            new Gesture("smile", "Smile"));

    private final SingleRequest singleRequest;

    CapturePages(SingleRequest singleRequest) {
        this.singleRequest = singleRequest;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(Caller caller, HttpRequest<?> request) {
        caller.require(caller.role().createsFolders(), "create folders");
        return ConsolePage.of(
                request,
                "capture",
                Map.of(
                        "title",
                        "Capture",
                        "pageScript",
                        "/console/assets/capture.js",
                        "gestures",
                        GESTURES,
                        "qualityThreshold",
                        QualityAnalyzer.DEFAULT_THRESHOLD,
                        "biometryThreshold",
                        BiometryAnalyzer.DEFAULT_THRESHOLD));
    }

    /** The single request as the page sends it; answered with the folder as JSON, refusals with the API's error body. */
    @Post(uri = "/folders", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    HttpResponse<FolderJson> send(Caller caller, HttpRequest<?> request, @Body MultipartBody body) {
        ConsoleSession.checkForm(request, request.getHeaders().get(CSRF_HEADER));
        return singleRequest.withMedia(caller, body, request);
    }
}
