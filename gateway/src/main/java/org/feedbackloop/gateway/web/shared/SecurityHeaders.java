package org.feedbackloop.gateway.web.shared;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.List;

/**
 * Security headers on every page and web asset: a Content-Security-Policy without inline scripts or styles (all
 * JavaScript and CSS are files), no framing, no MIME sniffing, no referrer beyond this origin, no caching of
 * signed-in pages. Forms may post to this site, and to Keycloak (a form posted after the session ended is
 * redirected to the login page).
 */
@ApplicationScoped
public class SecurityHeaders {

    static final List<String> PAGE_PREFIXES = List.of("/portal", "/console", "/board", "/manager", "/login", "/logout");
    static final List<String> ASSET_PREFIXES = List.of("/web/", "/_static/", "/webjars/");

    private final String contentSecurityPolicy;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.web.auth-server-url") String authServerUrl) {
        this.contentSecurityPolicy = policy(origin(authServerUrl));
    }

    static String policy(String identityProviderOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; form-action 'self' " + identityProviderOrigin + "; frame-ancestors 'none'; "
                + "base-uri 'none'; object-src 'none'";
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            var path = context.normalizedPath();
            var response = context.response();
            if (isPage(path)) {
                response.putHeader("Content-Security-Policy", contentSecurityPolicy);
                response.putHeader("X-Frame-Options", "DENY");
                response.putHeader("Cache-Control", "no-store");
            }
            if (isPage(path) || isAsset(path)) {
                response.putHeader("X-Content-Type-Options", "nosniff");
                response.putHeader("Referrer-Policy", "same-origin");
            }
            context.next();
        }, 100);
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
