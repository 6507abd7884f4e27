package org.feedbackloop.notification.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Addresses a webhook must never reach (SSRF): this host, the pod and cluster networks, cloud metadata
 * endpoints, and everything else that is not a public unicast address. IPv6 forms that carry an IPv4 address
 * (mapped, compatible, NAT64, 6to4) are judged by that address.
 */
final class ReservedAddresses {

    private ReservedAddresses() {
    }

    /** What kind of non-public address this is ("a private address"), or empty for a public one. */
    static Optional<String> kindOf(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        return switch (address) {
            case Inet4Address v4 -> ipv4(v4.getAddress());
            case Inet6Address v6 -> ipv6(v6.getAddress());
            default -> Optional.of("an unknown kind of address");
        };
    }

    private static Optional<String> ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return Optional.of("an unspecified address");
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return Optional.of("a carrier-grade NAT address");
        }
        if (first >= 240) {
            return Optional.of("a reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("a private address");
        }
        var embedded = embeddedIpv4(b);
        return embedded == null ? Optional.empty() : kindOf(embedded);
    }

    /** The IPv4 address inside ::a.b.c.d, ::ffff:a.b.c.d, 64:ff9b::a.b.c.d and 2002:aabb:ccdd::/48, if any. */
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean firstTenZero = Arrays.equals(b, 0, 10, new byte[10], 0, 10);
        boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0;
        boolean mapped = firstTenZero && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
                && Arrays.equals(b, 4, 12, new byte[8], 0, 8);
        try {
            if (compatible || mapped || nat64) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 2, 6));
            }
            return null;
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
