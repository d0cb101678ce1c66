package argus.webhook;

import argus.ArgusException;
import argus.ErrorCode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the service may send requests on a client's behalf (webhooks, callbacks, {@code video_url}). Unless configured
 * otherwise, an endpoint whose host resolves to an address {@link OutboundAddresses} refuses is refused, so a client
 * cannot make the service call into its own network. This check answers early, when the URL is submitted; the
 * connection itself goes only to addresses checked again at that moment ({@link OutboundHttp}).
 */
final class Endpoints {
    private Endpoints() {}

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
        if (uri.getRawUserInfo() != null) {
            return "credentials in the URL are not accepted";
        }
        if (allowPrivate) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (OutboundAddresses.refused(address)) {
                    return "its host resolves to a private, loopback or otherwise internal address";
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
            throw new ArgusException(ErrorCode.INVALID_PAYLOAD, "resolution_endpoint is refused: " + refusal);
        }
    }
}
