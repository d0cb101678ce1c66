package argus.webhook;

import argus.ArgusException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where webhooks may go. Unless configured otherwise, an endpoint whose host resolves to a loopback, private,
 * link-local, multicast or unspecified address is refused, so a client cannot make the service call into its own
 * network.
 */
final class Endpoints {
    private Endpoints() {
    }

    /** The reason the URL may not be called, or null when it may. */
    static String refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return "not an http(s) URL";
        }
        if (allowPrivate) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (internal(address)) {
                    return "its host resolves to a private or loopback address";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "its host does not resolve";
        }
    }

    static void require(String url, boolean allowPrivate) {
        String refusal = refusal(url, allowPrivate);
        if (refusal != null) {
            throw ArgusException.badRequest("INVALID_PAYLOAD", "resolution_endpoint is refused: " + refusal);
        }
    }

    private static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        boolean carrierNat = bytes.length == 4 && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64;
        boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xFE) == 0xFC;
        return carrierNat || uniqueLocal;
    }
}
