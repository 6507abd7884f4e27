package org.feedbackloop.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Everything a deployment of feedback-service may change; see application.properties for the environment variables. */
@ConfigMapping(prefix = "feedback")
public interface FeedbackConfig {

    Broker broker();

    Outbox outbox();

    Analysis analysis();

    /** Key that signs pagination cursors; every replica must share it. */
    String cursorSecret();

    interface Broker {
        String host();

        int port();

        String virtualHost();

        String username();

        String password();

        /** Off only for brokers without quorum queues (the embedded development broker). */
        @WithDefault("true")
        boolean quorumQueues();
    }

    interface Analysis {
        /** Threads that read feedback with the sentence model; each keeps one core busy while there is work. */
        @WithDefault("1")
        int threads();

        /** Items one worker claims at a time. */
        @WithDefault("16")
        int batchSize();

        /** How long a claim lasts: items of a worker that died are taken over after this. */
        @WithDefault("15s")
        Duration lease();

        /** How often a worker looks for work when nothing wakes it. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * How long a woken worker lets more submissions arrive before it claims them: under load one claim and one
         * commit then serve several items instead of one each (0 claims at once).
         */
        @WithDefault("50ms")
        Duration gather();

        /** How often a worker reads the taxonomy again (an edit through this replica applies at once). */
        @WithDefault("10s")
        Duration taxonomyRefresh();
    }

    interface Outbox {
        /** How often the relay looks for unpublished events when nothing wakes it earlier. */
        Duration pollInterval();

        int batchSize();

        /** How long the relay waits for the broker to confirm a batch. */
        Duration confirmTimeout();

        /** How long published events stay in the outbox table for inspection. */
        Duration retention();
    }
}
