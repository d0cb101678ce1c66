package argus.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a request comes from: the client's address (what sign-in throttling counts) and the base URL the client
 * reached (what download URLs are built on). Forwarding headers ({@code Forwarded}, {@code X-Forwarded-For},
 * {@code -Host}, {@code -Proto}, {@code -Port}) are believed only from the configured trusted proxies: from anyone
 * else they are ignored, so a client can neither hide its address nor make the server hand out links to a host or
 * scheme of its choosing. Every value taken from a header is checked (http/https only, a host name or IP literal).
 */
@Singleton
public class ClientOrigin {
    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?|\\[[0-9A-Fa-f:.]+])(?::[0-9]{1,5})?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Cidr> trustedProxies;

    public ClientOrigin(ApiConfig config) {
        this.trustedProxies = config.trustedProxies().stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Cidr::parse)
                .toList();
    }

    /** The client's IP address as text. */
    public String address(HttpRequest<?> request) {
        InetAddress peer = peer(request);
        if (peer == null) {
            return "unknown";
        }
        if (!trusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> chain = forwardedFor(request);
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(chain.get(i));
            if (hop == null) {
                break;
            }
            if (!trusted(hop)) {
                return hop.getHostAddress();
            }
        }
        return peer.getHostAddress();
    }

    /** {@code scheme://host[:port]} as the client reached the service, or empty when the request says nothing usable. */
    public Optional<String> baseUrl(HttpRequest<?> request) {
        String scheme = request.isSecure() ? "https" : "http";
        String host = request.getHeaders().get(HttpHeaders.HOST);
        InetAddress peer = peer(request);
        if (peer != null && trusted(peer)) {
            Forwarded forwarded = forwarded(request);
            if (forwarded.proto() != null
                    && (forwarded.proto().equals("http") || forwarded.proto().equals("https"))) {
                scheme = forwarded.proto();
            }
            if (forwarded.host() != null && HOST.matcher(forwarded.host()).matches()) {
                host = forwarded.host();
                String port = request.getHeaders().get("X-Forwarded-Port");
                if (port != null
                        && PORT.matcher(port.trim()).matches()
                        && !host.contains("]:")
                        && (host.startsWith("[") || !host.contains(":"))) {
                    host = host + ":" + port.trim();
                }
            }
        }
        return host != null && HOST.matcher(host).matches() ? Optional.of(scheme + "://" + host) : Optional.empty();
    }

    private record Forwarded(String proto, String host) {}

    /** The first hop's view: the {@code Forwarded} header's first element, else the {@code X-Forwarded-*} headers. */
    private static Forwarded forwarded(HttpRequest<?> request) {
        String standard = request.getHeaders().get("Forwarded");
        if (standard != null) {
            String proto = null;
            String host = null;
            for (String pair : standard.split(",")[0].split(";")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2) {
                    String value = unquote(kv[1]);
                    switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                        case "proto" -> proto = value.toLowerCase(Locale.ROOT);
                        case "host" -> host = value;
                        default -> {}
                    }
                }
            }
            return new Forwarded(proto, host);
        }
        String proto = first(request.getHeaders().get("X-Forwarded-Proto"));
        return new Forwarded(
                proto == null ? null : proto.toLowerCase(Locale.ROOT),
                first(request.getHeaders().get("X-Forwarded-Host")));
    }

    private static List<String> forwardedFor(HttpRequest<?> request) {
        List<String> chain = new ArrayList<>();
        String standard = request.getHeaders().get("Forwarded");
        if (standard != null) {
            for (String element : standard.split(",")) {
                for (String pair : element.split(";")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("for")) {
                        chain.add(stripPort(unquote(kv[1])));
                    }
                }
            }
            return chain;
        }
        String legacy = request.getHeaders().get("X-Forwarded-For");
        if (legacy != null) {
            for (String hop : legacy.split(",")) {
                chain.add(hop.trim());
            }
        }
        return chain;
    }

    private static String first(String value) {
        return value == null ? null : value.split(",")[0].trim();
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1)
                : trimmed;
    }

    /** {@code [2001:db8::1]:4711} → {@code 2001:db8::1}; {@code 192.0.2.1:4711} → {@code 192.0.2.1}. */
    private static String stripPort(String node) {
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end > 0 ? node.substring(1, end) : node;
        }
        int colon = node.indexOf(':');
        return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }

    private static InetAddress peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** An IP address written out (never a name: nothing here is ever resolved), or null. */
    static InetAddress literal(String text) {
        if (text == null || !IP_LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address block, {@code 10.0.0.0/8}, or one address. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("bad prefix length in " + text);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
