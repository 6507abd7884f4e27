package org.feedbackloop.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The transactional outbox of a service: where its events go and how the relay publishes them. */
@ConfigMapping(prefix = "feedbackloop.outbox")
public interface OutboxConfig {

    /** The topic exchange this service owns and publishes every event to ({@code feedback.events}, …). */
    String exchange();

    /** How often the relay looks for unpublished events when nothing wakes it earlier. */
    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("100")
    int batchSize();

    /** How long the relay waits for the broker to confirm a batch. */
    @WithDefault("5s")
    Duration confirmTimeout();

    /**
     * How long published events stay in the outbox table: for inspection, and for a replay after another service's
     * database was restored from a backup (no older backup can be made whole again).
     */
    @WithDefault("7d")
    Duration retention();
}
