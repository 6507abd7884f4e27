package org.feedbackloop.kit.outbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * Holds the start of the consumers until RabbitMQ answers. They reconnect with the RabbitMQ client's automatic
 * recovery, which recovers a connection it once had but never retries a first one: started while the broker is
 * away they would stay down. The start (and with it the HTTP port) waits instead, saying so every 30 seconds.
 */
@ApplicationScoped
class BrokerAtStart {

    private static final Logger LOG = Logger.getLogger(BrokerAtStart.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    /** Before the messaging connectors start (they observe the same event at {@code LIBRARY_BEFORE}). */
    void awaitBroker(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, BrokerConnection broker)
            throws InterruptedException {
        var nextReport = Instant.now();
        while (true) {
            try {
                broker.confirmChannel();
                return;
            } catch (IOException | TimeoutException | RuntimeException e) {
                broker.close();
                if (Instant.now().isAfter(nextReport)) {
                    LOG.warnf("Waiting for RabbitMQ (%s) before starting the consumers: %s", broker.address(), e);
                    nextReport = Instant.now().plus(REPORT_EVERY);
                }
                Thread.sleep(RETRY_EVERY.toMillis());
            }
        }
    }
}
