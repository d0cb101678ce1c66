package argus.api.oz;

import argus.api.Downloads;
import argus.api.Refusals;
import argus.auth.Caller;
import argus.report.FolderReports;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/** A folder's evidence as a PDF, under the same tenancy as the folder. */
@Tag(name = "Oz folders")
@Refusals.Oz
@Controller("/api/folders")
@ExecuteOn(TaskExecutors.BLOCKING)
class FolderReportController {
    private final FolderReports reports;

    FolderReportController(FolderReports reports) {
        this.reports = reports;
    }

    @Get(uri = "/{folderId}/report", produces = "application/pdf")
    @ApiResponse(
            responseCode = "200",
            description = "the folder report; Repr-Digest holds the SHA-256 of the PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    HttpResponse<byte[]> getFolderReport(
            Caller caller, @PathVariable UUID folderId, @QueryValue("template_id") @Nullable UUID templateId) {
        return Downloads.report(reports.render(caller, folderId, templateId));
    }
}
