package org.feedbackloop.gateway.edge;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the gateway knows about one request as it passes the edge: its id and trace, who sent it, and where it went.
 * Created first ({@link RequestIds}); read by the access log, the rate limiter, the proxy and composition.
 */
public final class Exchange {

    private static final String KEY = Exchange.class.getName();

    private final String requestId;
    private final TraceParent trace;
    private final long startNanos = System.nanoTime();
    private SecurityIdentity identity;
    private String route;
    private String upstream;

    Exchange(String requestId, TraceParent trace) {
        this.requestId = requestId;
        this.trace = trace;
    }

    static Exchange start(RoutingContext context, String requestId, TraceParent trace) {
        var exchange = new Exchange(requestId, trace);
        context.put(KEY, exchange);
        return exchange;
    }

    public static Exchange of(RoutingContext context) {
        Exchange exchange = context.get(KEY);
        if (exchange == null) {
            throw new IllegalStateException("The request has not passed RequestIds");
        }
        return exchange;
    }

    /** The exchange, or null for a request that was refused before the gateway's first handler. */
    public static Exchange find(RoutingContext context) {
        return context.get(KEY);
    }

    public String requestId() {
        return requestId;
    }

    public TraceParent trace() {
        return trace;
    }

    public double elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    void authenticated(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The verified caller, or null when anonymous. */
    public SecurityIdentity identity() {
        return identity;
    }

    /** The token's {@code sub}, or null when anonymous. */
    public String subject() {
        return identity != null && identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
    }

    /** The OAuth client the token was issued to (its {@code azp}), or null when anonymous. */
    public String client() {
        return identity != null && identity.getPrincipal() instanceof JsonWebToken token
                ? token.getClaim(Claims.azp) : null;
    }

    public void routedTo(String route, String upstream) {
        this.route = route;
        this.upstream = upstream;
    }

    /** Name of the route that served the request (see {@code RouteTable}), or null. */
    public String route() {
        return route;
    }

    /** The service the request went to, or null when the gateway answered itself. */
    public String upstream() {
        return upstream;
    }
}
