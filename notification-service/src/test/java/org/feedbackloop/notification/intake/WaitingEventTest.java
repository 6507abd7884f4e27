package org.feedbackloop.notification.intake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.notification.support.Events;
import org.feedbackloop.notification.support.Mailbox;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * An event that refers to one not handled yet waits in place about a second, then aside: a {@code feedback.updated}
 * delivered before its {@code feedback.received} (a message redelivered after a replica stopped comes after those
 * delivered since) must not hold back the consumer for long, or the very event it waits for stays queued behind it
 * until its retries run out (minutes) and it is dead-lettered. The later events of the subject of an event waiting
 * aside wait behind it: an action's status must not overtake its link to the feedback.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WaitingEventTest {

    /** Well below the few minutes an event waits for the one it refers to before it is dead-lettered. */
    private static final Duration SOON = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource database;

    @Test
    void anUpdateBeforeItsFeedbackWaitsAsideAndTheFeedbackBehindItIsHandledAtOnce() throws Exception {
        var rows = new Rows(database);
        var feedbackId = UUID.randomUUID();
        try (var events = new Events()) {
            events.publish(Events.sentimentUpdated(feedbackId, 0.7));
            events.publish(Events.feedbackReceived(feedbackId, null, "waiting." + feedbackId + "@example.com",
                    "The invoice shows the wrong address " + feedbackId));

            await().atMost(SOON).until(() -> rows.count("select count(*) from contribution where feedback_id = ?",
                    feedbackId) == 1);
            await().atMost(SOON).until(() -> rows.count(
                    "select count(*) from contribution where feedback_id = ? and sentiment = 0.7", feedbackId) == 1);
        }
    }

    @Test
    void theEventsOfAnActionWaitingForItsFeedbackKeepTheirOrder() throws Exception {
        var action = UUID.randomUUID();
        var feedbackId = UUID.randomUUID();
        var email = "ordered." + feedbackId + "@example.com";
        try (var events = new Events()) {
            events.publish(Events.feedbackLinked(action, feedbackId, "Wrong address on invoices", null));
            events.publish(Events.statusChanged(action, "Wrong address on invoices", "IN_PROGRESS", "DONE",
                    "Invoices now take the address of the account."));
            // a marker behind both is handled: the link waits aside, and the status with it, while the consumer goes on
            events.awaitActionEventsHandled();
            events.publish(Events.feedbackReceived(feedbackId, null, email, "The invoice shows the wrong address "
                    + feedbackId));

            await().atMost(SOON).until(() -> Mailbox.of(email).stream()
                    .anyMatch(mail -> mail.subject().startsWith("You said, we did")));
        }
    }
}
