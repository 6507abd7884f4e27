package org.feedbackloop.gateway.edge;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.List;

/**
 * Headers every response carries, whoever produced it: no content sniffing, no framing, no referrer; HSTS only
 * when the request came over https (with {@code quarkus.http.proxy.*} set, as an ingress in front reports it).
 * Pages of the web UI add a Content-Security-Policy without inline scripts or styles (all JavaScript and CSS are
 * files), no caching of signed-in pages and no referrer beyond this origin. Forms may post to this site, and to
 * Keycloak (a form posted after the session ended is redirected to the login page).
 */
@ApplicationScoped
public class SecurityHeaders {

    static final List<String> PAGE_PREFIXES = List.of("/portal", "/console", "/board", "/manager", "/survey", "/login", "/logout");
    static final List<String> ASSET_PREFIXES = List.of("/web/", "/_static/", "/webjars/");

    private final String pagePolicy;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.web.auth-server-url") String authServerUrl) {
        this.pagePolicy = policy(origin(authServerUrl));
    }

    void register(@Observes Router router) {
        router.route().order(RouteOrder.SECURITY_HEADERS).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var https = "https".equalsIgnoreCase(context.request().scheme());
        var path = context.normalizedPath();
        context.addHeadersEndHandler(v -> {
            var headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            if (isPage(path)) {
                headers.set("Content-Security-Policy", pagePolicy);
                headers.set("Cache-Control", "no-store");
            }
            if (isPage(path) || isAsset(path)) {
                // with no-referrer, browsers send "Origin: null" on form posts
                headers.set("Referrer-Policy", "same-origin");
            } else if (!headers.contains("Referrer-Policy")) {
                headers.set("Referrer-Policy", "no-referrer");
            }
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", "frame-ancestors 'none'");
            }
            if (https) {
                headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
        });
        context.next();
    }

    static String policy(String identityProviderOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; form-action 'self' " + identityProviderOrigin + "; frame-ancestors 'none'; "
                + "base-uri 'none'; object-src 'none'";
    }

    static boolean isPage(String path) {
        return "/".equals(path) || PAGE_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    static boolean isAsset(String path) {
        return ASSET_PREFIXES.stream().anyMatch(path::startsWith);
    }

    static String origin(String url) {
        var uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
