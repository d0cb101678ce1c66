package argus.api;

import argus.ArgusException;
import argus.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * {@code /prometheus} answers a scraper that presents the configured bearer token or calls from a configured network
 * (by its TCP address: forwarded headers are not believed here); anyone else gets 401 {@code METRICS_FORBIDDEN}.
 * Metrics reveal load and tenants' volumes, not media, but are still not for the public.
 */
@ServerFilter({"/prometheus", "/prometheus/**"})
public class MetricsAccessFilter {
    private final byte[] token;
    private final List<ClientOrigin.Cidr> networks;

    public MetricsAccessFilter(MetricsConfig config) {
        this.token = config.token() == null || config.token().isBlank()
                ? null
                : config.token().getBytes(StandardCharsets.UTF_8);
        this.networks = config.networks().stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(ClientOrigin.Cidr::parse)
                .toList();
    }

    @RequestFilter
    public void guard(HttpRequest<?> request) {
        if (!(presentsToken(request) || fromAllowedNetwork(request))) {
            throw new ArgusException(
                    ErrorCode.METRICS_FORBIDDEN, "metrics need the scrape token or a configured scraper address");
        }
    }

    private boolean presentsToken(HttpRequest<?> request) {
        String header = request.getHeaders().getAuthorization().orElse("");
        return token != null
                && header.startsWith("Bearer ")
                && MessageDigest.isEqual(
                        token, header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8));
    }

    private boolean fromAllowedNetwork(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        return address != null && networks.stream().anyMatch(network -> network.contains(address));
    }
}
