package argus.api.videodetect;

import argus.api.Refusals;
import argus.auth.Caller;
import argus.videodetect.VideoTenant;
import argus.videodetect.VideoTenants;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;

/** Administration of the video-detect contract, with a forensic access token: tenant settings and API keys. */
@Tag(name = "Video detect")
@Refusals.Oz
@Controller("/api/companies/{companyId}")
@ExecuteOn(TaskExecutors.BLOCKING)
class VideoTenantController {
    private final VideoTenants tenants;

    VideoTenantController(VideoTenants tenants) {
        this.tenants = tenants;
    }

    @Put("/video-tenant/")
    VideoDetectJson.TenantSettings configureVideoTenant(
            Caller caller, @PathVariable UUID companyId, @Body VideoDetectJson.TenantSettings settings) {
        VideoTenant tenant = tenants.configure(
                caller, companyId, settings.tenantSlug(), settings.credits(), settings.metadataSchema());
        return new VideoDetectJson.TenantSettings(tenant.tenantSlug(), tenant.credits(), tenant.metadataSchema());
    }

    @Post("/api-keys/")
    HttpResponse<VideoDetectJson.IssuedKey> issueVideoApiKey(
            Caller caller, @PathVariable UUID companyId, @Body VideoDetectJson.KeyRequest request) {
        VideoTenants.IssuedKey issued = tenants.issueKey(caller, companyId, request.scopes());
        return HttpResponse.status(HttpStatus.CREATED)
                .body(new VideoDetectJson.IssuedKey(
                        issued.key().id(),
                        issued.secret(),
                        List.of(issued.key().scopes().split(" "))));
    }
}
