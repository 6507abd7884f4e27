package org.feedbackloop.feedback.understanding;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.feedbackloop.feedback.analysis.SentenceEncoder;

/**
 * The sentence model is loaded and the analysis keeps up: without it feedback is stored but never announced,
 * so nothing downstream (acknowledgement, triage) would happen.
 */
@Readiness
@ApplicationScoped
public class ModelReadiness implements HealthCheck {

    private final Model model;
    private final AnalysisWorker worker;

    ModelReadiness(Model model, AnalysisWorker worker) {
        this.model = model;
        this.worker = worker;
    }

    @Override
    public HealthCheckResponse call() {
        var failure = model.failure();
        var response = HealthCheckResponse.named("Analysis")
                .status(model.isLoaded())
                .withData("model", SentenceEncoder.MODEL)
                .withData("state", model.isLoaded() ? "loaded" : failure == null ? "loading" : "failed: " + failure.getMessage())
                .withData("pending", worker.pending())
                .withData("lagSeconds", String.format("%.1f", worker.lagSeconds()));
        return response.build();
    }
}
