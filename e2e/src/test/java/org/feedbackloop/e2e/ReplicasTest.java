package org.feedbackloop.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of each consuming service: a second feedback-service, action-service and notification-service, with
 * the same databases and queues, take their share of the events of a burst as competing consumers of the quorum
 * queues. Every accepted submission is still stored once, tracked by one action and acknowledged once in the inbox
 * and once by e-mail, and each replica handled events of its own. Runs before the fault injection.
 */
@Order(Integer.MAX_VALUE - 1)
class ReplicasTest {

    @RegisterExtension
    static Suite suite = new Suite();

    private static final List<String> CONSUMERS = List.of("feedback-service", "action-service", "notification-service");

    @Test
    void twoReplicasOfEachConsumerShareTheWorkAndNothingIsDoneTwice() throws Exception {
        var replicas = CONSUMERS.stream().map(Suite::startReplica).toList();
        try {
            for (var replica : replicas) {
                Suite.awaitReady(replica, Duration.ofSeconds(180));
            }
            var before = consumed();
            var prefix = "r" + UUID.randomUUID().toString().substring(0, 6);
            List<Burst.Outcome> outcomes;
            try (var burst = new Burst(prefix, Burst.customersToldAtOnce(), 10)) {
                Await.until("200 submissions", Duration.ofMinutes(2), burst::sent, sent -> sent >= 200);
                outcomes = burst.finish();
            }
            var accepted = new HashMap<String, String>();
            outcomes.stream().filter(Burst.Outcome::accepted).forEach(o -> accepted.put(o.marker(), o.feedbackId()));

            Ledger.settled(prefix, accepted, Duration.ofMinutes(5), "with two replicas of each consumer")
                    .assertWhole("with two replicas of each consumer");
            assertThat(accepted).hasSizeGreaterThanOrEqualTo(195);
            var after = consumed();
            for (var service : CONSUMERS) {
                assertThat(after.get(service) - before.get(service)).as("events " + service + " handled").isPositive();
                assertThat(after.get(service + "-2") - before.get(service + "-2")).as("events its replica handled").isPositive();
            }
        } finally {
            replicas.forEach(Suite::stopReplica);
        }
    }

    /** Events each instance has handled so far, from its own counter. */
    private static Map<String, Long> consumed() {
        var counts = new HashMap<String, Long>();
        for (var service : CONSUMERS) {
            for (var instance : List.of(service, service + "-2")) {
                counts.put(instance, InstanceMetrics.eventsConsumed(instance));
            }
        }
        return counts;
    }
}
