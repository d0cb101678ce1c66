package argus.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Which addresses the service may call on a client's behalf: public unicast addresses only. Refused are loopback,
 * private, shared (CGN), link-local, multicast, reserved and documentation ranges, this host's own interface
 * addresses, and IPv6 forms that carry such an IPv4 address inside (IPv4-mapped and -compatible, NAT64, 6to4) or
 * tunnel to one (Teredo).
 */
final class OutboundAddresses {
    private static final long INTERFACES_TTL_MS = 60_000;
    private static volatile Set<InetAddress> ownAddresses = Set.of();
    private static volatile long ownAddressesRead;

    private OutboundAddresses() {}

    static boolean refused(InetAddress address) {
        boolean reserved =
                address instanceof Inet4Address ? refusedV4(address.getAddress()) : refusedV6(address.getAddress());
        return reserved || own().contains(withoutScope(address));
    }

    /** An IPv4 address carried inside an IPv6 one reaches whatever the IPv4 address would. */
    private static boolean refusedEmbedded(byte[] v4) {
        return refusedV4(v4) || own().contains(v4(v4));
    }

    private static boolean refusedV4(byte[] a) {
        int b0 = a[0] & 0xFF;
        int b1 = a[1] & 0xFF;
        int b2 = a[2] & 0xFF;
        return b0 == 0
                || b0 == 10
                || b0 == 127
                || b0 >= 224
                || b0 == 100 && (b1 & 0xC0) == 64
                || b0 == 169 && b1 == 254
                || b0 == 172 && (b1 & 0xF0) == 16
                || b0 == 192 && b1 == 168
                || b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)
                || b0 == 192 && b1 == 88 && b2 == 99
                || b0 == 198 && (b1 & 0xFE) == 18
                || b0 == 198 && b1 == 51 && b2 == 100
                || b0 == 203 && b1 == 0 && b2 == 113;
    }

    private static boolean refusedV6(byte[] a) {
        int w0 = word(a, 0);
        int w1 = word(a, 1);
        boolean first80BitsZero = Arrays.equals(Arrays.copyOfRange(a, 0, 10), new byte[10]);
        if (first80BitsZero && (word(a, 5) == 0 || word(a, 5) == 0xFFFF)) {
            return true; // unspecified, loopback, IPv4-compatible and IPv4-mapped: never a public destination
        }
        if (w0 == 0x64 && w1 == 0xFF9B) {
            return refusedEmbedded(Arrays.copyOfRange(a, 12, 16)); // NAT64 (64:ff9b::/96 and 64:ff9b:1::/48)
        }
        if (w0 == 0x2002) {
            return refusedEmbedded(Arrays.copyOfRange(a, 2, 6)); // 6to4
        }
        return w0 == 0x2001 && w1 == 0 // Teredo
                || w0 == 0x2001 && w1 == 0xDB8 // documentation
                || w0 == 0x100 && w1 == 0 && word(a, 2) == 0 && word(a, 3) == 0 // discard-only
                || (a[0] & 0xFE) == 0xFC // unique local
                || (a[0] & 0xFF) == 0xFE && (a[1] & 0xC0) == 0x80 // link-local
                || (a[0] & 0xFF) == 0xFE && (a[1] & 0xC0) == 0xC0 // site-local (deprecated)
                || (a[0] & 0xFF) == 0xFF; // multicast
    }

    private static int word(byte[] a, int index) {
        return (a[2 * index] & 0xFF) << 8 | a[2 * index + 1] & 0xFF;
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** This host's own addresses (a public address of the machine reaches its own services too), re-read each minute. */
    private static Set<InetAddress> own() {
        long now = System.currentTimeMillis();
        if (now - ownAddressesRead > INTERFACES_TTL_MS) {
            Set<InetAddress> addresses = new HashSet<>();
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    addresses.addAll(Collections.list(nic.getInetAddresses()).stream()
                            .map(OutboundAddresses::withoutScope)
                            .toList());
                }
            } catch (SocketException e) {
                // keep the last set read
                return ownAddresses;
            }
            ownAddresses = Set.copyOf(addresses);
            ownAddressesRead = now;
        }
        return ownAddresses;
    }

    private static InetAddress withoutScope(InetAddress address) {
        if (address instanceof Inet6Address) {
            try {
                return InetAddress.getByAddress(address.getAddress());
            } catch (UnknownHostException e) {
                return address;
            }
        }
        return address;
    }
}
