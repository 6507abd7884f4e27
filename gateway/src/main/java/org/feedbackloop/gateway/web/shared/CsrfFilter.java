package org.feedbackloop.gateway.web.shared;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.net.URI;
import java.util.Set;

/**
 * Refuses an unsafe request to a {@link CsrfProtected} page unless it carries the session's CSRF token (form field
 * {@value CsrfTokens#FORM_FIELD} or header {@value CsrfTokens#HEADER}) and, when the browser says where it comes
 * from, comes from this site. The session cookie being SameSite=Lax is the second line, not the only one.
 */
public class CsrfFilter {

    private static final Logger LOG = Logger.getLogger(CsrfFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Viewers viewers;
    private final CsrfTokens tokens;

    CsrfFilter(Viewers viewers, CsrfTokens tokens) {
        this.viewers = viewers;
        this.tokens = tokens;
    }

    @CsrfProtected
    @WithFormRead
    @ServerRequestFilter
    public Uni<Response> check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        if (!sameOrigin(request)) {
            LOG.debugf("refused %s %s: cross-origin", request.getMethod(), request.getUriInfo().getPath());
            return Uni.createFrom().item(refusal());
        }
        var token = request.getHeaderString(CsrfTokens.HEADER);
        if (token == null) {
            var form = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            var field = form.getFormParameter(CsrfTokens.FORM_FIELD, true, false);
            token = field == null ? null : field.toString();
        }
        var supplied = token;
        return viewers.current().map(viewer -> tokens.matches(viewer, supplied) ? null : refusal());
    }

    /** An Origin (or, without one, a Referer) naming another host than the one asked is refused. */
    private static boolean sameOrigin(ResteasyReactiveContainerRequestContext request) {
        var host = request.getHeaderString(HttpHeaders.HOST);
        var origin = request.getHeaderString("Origin");
        if (origin == null || "null".equals(origin)) {
            origin = request.getHeaderString("Referer");
            if (origin == null) {
                return true; // no claim either way: the token decides
            }
        }
        try {
            var uri = URI.create(origin);
            var authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response refusal() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Form expired</title>"
                        + "<link rel=\"stylesheet\" href=\"/web/app.css\"></head><body><main class=\"container\">"
                        + "<h1>This form has expired</h1><p>It did not come from a page of this site, or your session "
                        + "changed since you opened it. Go back, reload the page and try again.</p>"
                        + "<p><a href=\"/\">Home</a></p></main></body></html>")
                .build();
    }
}
