package org.feedbackloop.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.feedbackloop.testkit.Infrastructure;

import java.util.List;
import java.util.Map;

/**
 * Checks once, before the application starts, that the real Keycloak is there (its tokens are the ones the gateway
 * checks), and starts one {@link UpstreamStub} per service on 127.0.0.1, configured as the gateway's upstreams.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static UpstreamStub feedback;
    private static UpstreamStub actions;
    private static UpstreamStub notifications;

    public static UpstreamStub feedback() {
        return feedback;
    }

    public static UpstreamStub actions() {
        return actions;
    }

    public static UpstreamStub notifications() {
        return notifications;
    }

    /** Every stub answering again with its defaults, nothing recorded, every circuit breaker closed. */
    public static void resetUpstreams() {
        for (var stub : List.of(feedback, actions, notifications)) {
            stub.reset();
        }
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Override
    public Map<String, String> start() {
        Infrastructure.requireKeycloak();
        feedback = new UpstreamStub("feedback-service", openApi("Feedback", "/api/feedback", "/api/feedback/{id}"));
        actions = new UpstreamStub("action-service", openApi("Actions", "/api/actions", "/api/routing-rules/{topic}",
                "/api/public/updates"));
        notifications = new UpstreamStub("notification-service", openApi("Inbox", "/api/me/notifications",
                "/api/me/notifications/stream", "/api/webhooks"));
        return Map.of(
                "feedbackloop.gateway.upstreams.feedback-service.url", feedback.url(),
                "feedbackloop.gateway.upstreams.action-service.url", actions.url(),
                "feedbackloop.gateway.upstreams.notification-service.url", notifications.url());
    }

    @Override
    public void stop() {
        for (var stub : new UpstreamStub[]{feedback, actions, notifications}) {
            if (stub != null) {
                stub.close();
            }
        }
    }

    /**
     * A service's OpenAPI document as Quarkus serves it: its paths, a schema of its own, one of a path the gateway does
     * not route, and the shared Problem.
     */
    private static String openApi(String tag, String... paths) {
        var pathItems = new StringBuilder();
        for (var path : paths) {
            pathItems.append(pathItems.isEmpty() ? "" : ",").append("""
                    "%s":{"get":{"tags":["%s"],"summary":"%s","responses":{"200":{"description":"OK",
                      "content":{"application/json":{"schema":{"$ref":"#/components/schemas/%sView"}}}}}}}"""
                    .formatted(path, tag, "List " + path, tag));
        }
        pathItems.append(("""
                ,"/internal/%s":{"get":{"responses":{"200":{"description":"not routed",
                  "content":{"application/json":{"schema":{"$ref":"#/components/schemas/%sInternal"}}}}}}}""")
                .formatted(tag.toLowerCase(), tag));
        return """
                {"openapi":"3.1.0","info":{"title":"%s service","version":"1.0"},
                 "tags":[{"name":"%s"}],
                 "paths":{%s},
                 "components":{"schemas":{"Problem":{"type":"object"},"%sView":{"type":"object"},"%sInternal":{"type":"object"}},
                   "securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}}}}"""
                .formatted(tag, tag, pathItems, tag, tag);
    }

}
