package org.feedbackloop.action.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.feedbackloop.testkit.Infrastructure;

import java.util.Map;

/**
 * Checks once, before the application starts, that the real Keycloak that {@code ./feedbackloop test}
 * makes available is there, so that a missing one fails with a clear message rather than 401s, and empties this
 * service's queue of what other modules' tests left.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // a backlog of other modules' feedback left in this service's queue would be triaged ahead of the tests' own
        Infrastructure.purgeQueues("action-service.feedback-service");
        Infrastructure.requireKeycloak();
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
