package org.feedbackloop.action.similarity;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Triage by meaning needs the open actions in memory: DOWN until they are loaded. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final ProblemIndex index;

    IndexReadiness(ProblemIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Similarity index")
                .status(index.isLoaded())
                .withData("openActions", index.index().size())
                .build();
    }
}
