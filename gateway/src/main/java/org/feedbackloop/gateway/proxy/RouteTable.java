package org.feedbackloop.gateway.proxy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.feedbackloop.gateway.proxy.Route.Traffic;

import static org.feedbackloop.gateway.upstream.Upstreams.ACTION;
import static org.feedbackloop.gateway.upstream.Upstreams.FEEDBACK;
import static org.feedbackloop.gateway.upstream.Upstreams.NOTIFICATION;

/**
 * The public API's paths and the services behind them (ARCHITECTURE.md, "Public HTTP contract"). Route names are
 * single words so that each can be configured by environment variable ({@code GATEWAY_TIMEOUT_ROUTES_RULES=20s}).
 */
public final class RouteTable {

    public static final List<Route> ROUTES = List.of(
            // feedback-service replays a submission by its Idempotency-Key: a retried submission is stored once
            new Route("feedback", "/api/feedback", FEEDBACK, Traffic.CALL, true),
            new Route("imports", "/api/feedback/imports", FEEDBACK, Traffic.UPLOAD),
            // what feedback is near in meaning: action-service groups feedback into actions, so it knows
            new Route("similar", "/api/feedback/*/similar", ACTION, Traffic.CALL),
            new Route("actions", "/api/actions", ACTION, Traffic.CALL),
            new Route("rules", "/api/routing-rules", ACTION, Traffic.CALL),
            new Route("board", "/api/public/updates", ACTION, Traffic.CALL),
            new Route("kudos", "/api/kudos", ACTION, Traffic.CALL),
            new Route("notifications", "/api/me/notifications", NOTIFICATION, Traffic.CALL),
            new Route("stream", "/api/me/notifications/stream", NOTIFICATION, Traffic.STREAM),
            new Route("preferences", "/api/me/preferences", NOTIFICATION, Traffic.CALL),
            // erasure starts where the feedback is; the other services follow its feedback.erased
            new Route("erasure", "/api/me/data", FEEDBACK, Traffic.CALL),
            new Route("webhooks", "/api/webhooks", NOTIFICATION, Traffic.CALL),
            new Route("unsubscribe", "/api/public/unsubscribe", NOTIFICATION, Traffic.CALL),
            new Route("followup", "/api/public/follow-up", NOTIFICATION, Traffic.CALL),
            new Route("surveys", "/api/surveys", NOTIFICATION, Traffic.CALL),
            new Route("survey", "/api/public/surveys", NOTIFICATION, Traffic.CALL),
            // each service's insights; the gateway itself answers /api/insights/summary with all of them
            new Route("ratings", "/api/insights/ratings", FEEDBACK, Traffic.CALL),
            new Route("volume", "/api/insights/volume", FEEDBACK, Traffic.CALL),
            new Route("silence", "/api/insights/silence", FEEDBACK, Traffic.CALL),
            new Route("loop", "/api/insights/loop", NOTIFICATION, Traffic.CALL),
            new Route("outcomes", "/api/insights/actions", ACTION, Traffic.CALL));

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
