package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.api.Refusals;
import argus.auth.Caller;
import argus.folder.FolderSubmission;
import argus.folder.InstantService;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/instant/folders/}: Oz Instant (non-persistent) mode. The request has the single request's shape
 * and the answer the folder's, without download URLs; the media are analysed in memory and nothing is stored.
 */
@Tag(name = "Oz folders")
@Refusals.Oz
@Controller("/api/instant/folders")
@ExecuteOn(TaskExecutors.BLOCKING)
class InstantController {
    private final InstantReceiver receiver;
    private final OzPayloadParser payloads;
    private final InstantService instant;
    private final FolderJsonMapper mapper;

    InstantController(
            InstantReceiver receiver, OzPayloadParser payloads, InstantService instant, FolderJsonMapper mapper) {
        this.receiver = receiver;
        this.payloads = payloads;
        this.instant = instant;
        this.mapper = mapper;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    FolderJson analyzeInstantly(Caller caller, @Body byte[] body, HttpRequest<?> request) {
        UploadReceiver.Upload upload =
                receiver.receive(body, request.getHeaders().get(HttpHeaders.CONTENT_TYPE));
        FolderSubmission submission = payloads.parse(caller, upload.payload(), upload.files());
        if (submission.analyses().isEmpty()) {
            throw new ArgusException(
                    ErrorCode.MISSING_ANALYSES, "Instant mode stores nothing, so it needs analyses to run");
        }
        if (submission.resolutionEndpoint() != null) {
            throw new ArgusException(
                    ErrorCode.INVALID_PAYLOAD, "Instant mode answers in the response and sends no webhook");
        }
        return mapper.toJson(instant.analyze(caller, submission), null);
    }
}
