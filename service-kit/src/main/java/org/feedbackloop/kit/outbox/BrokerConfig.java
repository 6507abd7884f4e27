package org.feedbackloop.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The RabbitMQ server a service publishes to and consumes from ({@code RABBITMQ_*} in application.properties). */
@ConfigMapping(prefix = "feedbackloop.broker")
public interface BrokerConfig {

    String host();

    int port();

    String virtualHost();

    String username();

    String password();

    /** Off only for brokers without quorum queues (the embedded development broker). */
    @WithDefault("true")
    boolean quorumQueues();
}
