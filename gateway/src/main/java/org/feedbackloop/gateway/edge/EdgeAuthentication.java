package org.feedbackloop.gateway.edge;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.gateway.problem.Problems;
import org.feedbackloop.kit.problem.ProblemType;

import java.util.function.BiConsumer;

/**
 * Checks the bearer token at the edge, so that a request without a valid one never costs an upstream anything.
 * Everything under {@code /api} needs a login except {@code /api/public/**}; a token that is sent is checked
 * wherever it is sent, so an invalid one is refused on public paths too. The token itself is relayed unchanged:
 * each service validates it again.
 *
 * <p>Quarkus authenticates lazily here ({@code quarkus.http.auth.proactive=false}); this handler asks for the
 * identity and answers failures itself, as problem+json.
 */
@ApplicationScoped
public class EdgeAuthentication {

    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_HERE = (context, failure) -> {
    };

    void register(@Observes Router router) {
        router.route("/api/*").order(RouteOrder.AUTHENTICATION).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        var open = isPublic(context.normalizedPath());
        if (!context.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            if (open) {
                context.next();
            } else {
                refuse(context, "Bearer realm=\"feedbackloop\"", "Send a bearer token from the feedbackloop realm");
            }
            return;
        }
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_HERE);
        QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(identity -> {
            if (identity != null && !identity.isAnonymous()) {
                Exchange.of(context).authenticated(identity);
                context.next();
            } else if (open) {
                context.next();
            } else {
                refuse(context, "Bearer realm=\"feedbackloop\"", "Send a bearer token from the feedbackloop realm");
            }
        }, failure -> refuse(context, "Bearer realm=\"feedbackloop\", error=\"invalid_token\"",
                "Send a valid, unexpired bearer token from the feedbackloop realm"));
    }

    /** {@code /api/public} and below: the public board, one-click unsubscribe and follow-up links. */
    public static boolean isPublic(String path) {
        return path.equals("/api/public") || path.startsWith("/api/public/");
    }

    private static void refuse(RoutingContext context, String challenge, String detail) {
        context.response().putHeader("WWW-Authenticate", challenge);
        Problems.answer(context, ProblemType.UNAUTHENTICATED, detail);
    }
}
