package argus.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Who may read {@code /prometheus}.
 *
 * @param token    a bearer token a scraper presents ({@code Authorization: Bearer <token>}); none when empty
 * @param networks IP addresses or CIDR blocks a scraper may call from without the token
 */
@ConfigurationProperties("argus.metrics")
public record MetricsConfig(
        @Nullable String token, @Nullable List<String> networks) {

    public MetricsConfig {
        networks = networks == null ? List.of() : List.copyOf(networks);
    }
}
