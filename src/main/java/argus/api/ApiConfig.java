package argus.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import java.util.Optional;

/**
 * Limits on what one request may carry (the upload size itself is {@code micronaut.server.max-request-size}).
 *
 * @param publicUrl      base of the download URLs in responses; by default taken from the request's Host
 * @param maxMediaPerRequest media files per request
 * @param maxAnalyses    analyses per request
 * @param maxPayloadBytes size of the JSON {@code payload} part
 * @param maxPayloadDepth nesting depth of that JSON
 * @param trustedProxies IP addresses or CIDR blocks of the reverse proxies whose forwarding headers are believed
 */
@ConfigurationProperties("argus.api")
public record ApiConfig(
        @Nullable String publicUrl,
        @Bindable(defaultValue = "20") int maxMediaPerRequest,
        @Bindable(defaultValue = "20") int maxAnalyses,
        @Bindable(defaultValue = "1048576") int maxPayloadBytes,
        @Bindable(defaultValue = "32") int maxPayloadDepth,
        @Nullable List<String> trustedProxies) {

    public ApiConfig {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    /** The configured public base URL, if any (an empty setting means none). */
    public Optional<String> publicBaseUrl() {
        return publicUrl == null || publicUrl.isBlank() ? Optional.empty() : Optional.of(publicUrl);
    }
}
