package org.feedbackloop.gateway.edge;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.feedbackloop.gateway.problem.Problems;
import org.feedbackloop.kit.problem.ProblemType;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses paths that read differently to the gateway and to a service: dot segments ({@code /api/feedback/../actions}),
 * their encoded forms, encoded slashes and backslashes, empty segments and path parameters ({@code ;}). The gateway
 * routes by path prefix, so such a path could reach another route than its prefix says; no legitimate client
 * sends one, so they are refused rather than normalised.
 */
@ApplicationScoped
public class PathGuard {

    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");
    private static final String[] FORBIDDEN = {"%2e", "%2f", "%5c", "%00", "\\", ";", "//"};

    void register(@Observes Router router) {
        router.route().order(RouteOrder.PATH_GUARD).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (isAmbiguous(context.request().path())) {
            Problems.answer(context, ProblemType.MALFORMED_REQUEST,
                    "The path may not contain dot segments, empty segments, encoded dots or slashes, backslashes or semicolons");
            return;
        }
        context.next();
    }

    static boolean isAmbiguous(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return true;
        }
        var lower = rawPath.toLowerCase(Locale.ROOT);
        for (var forbidden : FORBIDDEN) {
            if (lower.contains(forbidden)) {
                return true;
            }
        }
        return DOT_SEGMENT.matcher(rawPath).find();
    }
}
