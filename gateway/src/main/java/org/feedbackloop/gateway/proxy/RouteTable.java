package org.feedbackloop.gateway.proxy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.feedbackloop.gateway.upstream.Upstreams.ACTION;
import static org.feedbackloop.gateway.upstream.Upstreams.FEEDBACK;
import static org.feedbackloop.gateway.upstream.Upstreams.NOTIFICATION;

/**
 * The public API's paths and the services behind them (ARCHITECTURE.md, "Public HTTP contract"). Route names are
 * single words so that each can be configured by environment variable ({@code GATEWAY_TIMEOUT_ROUTES_RULES=20s}).
 */
public final class RouteTable {

    public static final List<Route> ROUTES = List.of(
            new Route("feedback", "/api/feedback", FEEDBACK, false),
            // what feedback is near in meaning: action-service groups feedback into actions, so it knows
            new Route("similar", "/api/feedback/*/similar", ACTION, false),
            new Route("actions", "/api/actions", ACTION, false),
            new Route("rules", "/api/routing-rules", ACTION, false),
            new Route("board", "/api/public/updates", ACTION, false),
            new Route("notifications", "/api/me/notifications", NOTIFICATION, false),
            new Route("stream", "/api/me/notifications/stream", NOTIFICATION, true),
            new Route("preferences", "/api/me/preferences", NOTIFICATION, false),
            new Route("webhooks", "/api/webhooks", NOTIFICATION, false),
            new Route("unsubscribe", "/api/public/unsubscribe", NOTIFICATION, false),
            new Route("followup", "/api/public/follow-up", NOTIFICATION, false));

    private static final List<Route> LONGEST_FIRST = ROUTES.stream()
            .sorted(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed())
            .toList();

    private RouteTable() {
    }

    /** The route whose prefix covers this (normalised) path, the longest prefix winning. */
    public static Optional<Route> match(String path) {
        return LONGEST_FIRST.stream().filter(route -> route.covers(path)).findFirst();
    }
}
