package argus.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client for calls to URLs clients gave us. Names are resolved by {@link Pinned}, which refuses internal
 * addresses at the moment of connecting, so the address checked is the address connected to: a name that resolved to
 * a public address when submitted and to an internal one now (DNS rebinding) is refused. No redirects are followed,
 * no proxy settings, cookies or credentials are used, and no request is retried.
 */
@Singleton
public class OutboundHttp {
    private final CloseableHttpClient client;

    public OutboundHttp(WebhookConfig config) {
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new Pinned(config.allowPrivate()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10))
                                .build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(4)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** POSTs a JSON body; the status code of the answer, whose body is discarded. */
    public int postJson(String url, Map<String, String> headers, String body, Duration timeout) throws IOException {
        HttpPost post = new HttpPost(URI.create(url));
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        configure(post, timeout);
        return client.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    /** An answer to a GET whose body is read by the caller; closing it frees the connection. */
    public interface Download extends AutoCloseable {
        int status();

        OptionalLong declaredLength();

        InputStream body() throws IOException;

        @Override
        void close() throws IOException;
    }

    public Download get(String url, Duration timeout) throws IOException {
        HttpGet get = new HttpGet(URI.create(url));
        configure(get, timeout);
        ClassicHttpResponse response = client.executeOpen(null, get, null);
        return new Download() {
            @Override
            public int status() {
                return response.getCode();
            }

            @Override
            public OptionalLong declaredLength() {
                long length =
                        response.getEntity() == null ? -1 : response.getEntity().getContentLength();
                return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
            }

            @Override
            public InputStream body() throws IOException {
                return response.getEntity() == null
                        ? InputStream.nullInputStream()
                        : response.getEntity().getContent();
            }

            @Override
            public void close() throws IOException {
                response.close();
            }
        };
    }

    private static void configure(HttpUriRequestBase request, Duration timeout) {
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .build());
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }

    /** Resolves as the system does, then refuses the whole name if any address it gave is internal. */
    private record Pinned(boolean allowPrivate) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            if (!allowPrivate) {
                for (InetAddress address : addresses) {
                    if (OutboundAddresses.refused(address)) {
                        throw new UnknownHostException("refused: " + host + " resolves to an internal address");
                    }
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
