package org.feedbackloop.notification.webhooks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.feedbackloop.notification.config.NotificationConfig;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SSRF guard: a webhook URL is http or https, has no user-info, and its host resolves only to public
 * addresses, unless the host as written or the address it resolves to is in
 * {@code feedbackloop.notifications.webhooks.allowed-private-hosts}. Checked when a subscription is made and again before
 * every delivery, since DNS answers change.
 */
@ApplicationScoped
public class UrlGuard {

    static final int MAX_LENGTH = 2000;

    /** A checked URL and the address to connect to: the one that was checked, so DNS cannot change it in between. */
    public record Target(URI uri, InetAddress address) {
    }

    /** Why a URL may not be used, in words for the client or for the delivery log. */
    public static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private final Vertx vertx;
    private final Duration lookupTimeout;
    private final Set<String> allowedHostNames = new HashSet<>();
    private final Set<InetAddress> allowedAddresses = new HashSet<>();

    @Inject
    UrlGuard(Vertx vertx, NotificationConfig config) {
        this(vertx, config.webhooks().timeout(), config.webhooks().allowedPrivateHosts().orElse(List.of()));
    }

    UrlGuard(Vertx vertx, Duration lookupTimeout, List<String> allowedPrivateHosts) {
        this.vertx = vertx;
        this.lookupTimeout = lookupTimeout;
        for (var host : allowedPrivateHosts) {
            var written = unbracketed(host.strip().toLowerCase(Locale.ROOT));
            if (written.isEmpty()) {
                continue;
            }
            if (isIpLiteral(written)) {
                allowedAddresses.add(literal(written));
            } else {
                allowedHostNames.add(written);
            }
        }
    }

    /**
     * Checks {@code url} completely. The DNS lookup blocks, so it runs on a worker thread; the answer comes back
     * on the caller's Vert.x context, where a Hibernate Reactive session may continue.
     *
     * @return the target, or a failure with {@link Refused}
     */
    public Uni<Target> check(String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (Refused refused) {
            return Uni.createFrom().failure(refused);
        }
        return vertx.executeBlocking(() -> resolve(uri), false)
                .ifNoItem().after(lookupTimeout)
                .failWith(() -> new Refused("must name a host that resolves within " + lookupTimeout.toMillis() + " ms ("
                        + uri.getHost() + " did not)"));
    }

    /** The checks that need no network. */
    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new Refused("must be an http or https URL");
        }
        if (url.length() > MAX_LENGTH) {
            throw new Refused("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("must be an http or https URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must use http or https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not contain a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("must name a host (international names in their xn-- form)");
        }
        return uri;
    }

    Target resolve(URI uri) {
        var host = unbracketed(uri.getHost().toLowerCase(Locale.ROOT));
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("must name a host that resolves (" + host + " does not)");
        }
        if (!allowedHostNames.contains(host)) {
            for (var address : addresses) {
                if (allowedAddresses.contains(address)) {
                    continue;
                }
                var kind = ReservedAddresses.kindOf(address);
                if (kind.isPresent()) {
                    var resolved = address.getHostAddress();
                    throw new Refused("must not point to " + kind.get() + " ("
                            + (resolved.equals(host) ? host : host + " is " + resolved) + ")");
                }
            }
        }
        return new Target(uri, addresses[0]);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("WEBHOOK_ALLOWED_PRIVATE_HOSTS: not an address: " + ip, e);
        }
    }
}
