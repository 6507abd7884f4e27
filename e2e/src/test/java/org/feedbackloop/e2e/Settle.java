package org.feedbackloop.e2e;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits until the suite has worked through what happened before: a marker feedback, imported by the integrator for
 * an address of its own, goes the whole way (feedback-service's relay, triage, action-service's relay, both of
 * notification-service's queues, its outbox and the mail job) until its "now tracked" e-mail arrives. Every stage
 * works in order, so what was committed before the marker has been published, consumed and mailed by then: a test
 * that counts afterwards sees duplicates that would come, without waiting for a guessed time.
 */
final class Settle {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    private Settle() {
    }

    /** @return the marker feedback's id */
    static String awaitEverythingBefore() {
        var marker = UUID.randomUUID().toString();
        var address = "settle." + marker.substring(0, 8) + "@loop.example.com";
        // Keycloak may still be starting again after a fault
        var token = Await.until("an integrator token", LIMIT, Settle::integratorToken, t -> t != null);
        var reply = Gateway.as(token).post("/api/feedback", Gateway.map(
                        "text", "Settling marker " + marker + ": the test suite checks that it has caught up.",
                        "channel", "API", "topic", "product", "consentToContact", true, "contact", Gateway.map("email", address)),
                "Idempotency-Key", marker);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        // behind a backlog of e-mail the acknowledgement is still waiting when "now tracked" comes: one digest holds both
        Await.until("the settling marker's \"now tracked\" e-mail", LIMIT, () -> MailSink.subjects(address),
                subjects -> subjects.stream().anyMatch(subject -> subject.startsWith("Your feedback is now tracked")
                        || subject.equals("Feedback Loop: 2 updates for you")));
        return reply.json().path("id").asText();
    }

    private static String integratorToken() {
        try {
            return Api.integratorToken();
        } catch (RuntimeException notYet) {
            return null;
        }
    }
}
