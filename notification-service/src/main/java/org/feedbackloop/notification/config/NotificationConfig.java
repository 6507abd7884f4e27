package org.feedbackloop.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything a deployment of notification-service may change; see application.properties for the environment variables. */
@ConfigMapping(prefix = "notifications")
public interface NotificationConfig {

    Broker broker();

    Outbox outbox();

    Email email();

    Webhooks webhooks();

    /** Key that signs pagination cursors and the links in e-mails (unsubscribe, follow-up); shared by replicas. */
    String signingSecret();

    /** Where people reach the suite, for links in e-mails ({@code http://localhost:8083} locally). */
    String publicUrl();

    interface Broker {
        String host();

        int port();

        String virtualHost();

        String username();

        String password();

        @WithDefault("true")
        boolean quorumQueues();
    }

    interface Outbox {
        Duration pollInterval();

        int batchSize();

        Duration confirmTimeout();

        Duration retention();
    }

    interface Email {
        /** How often the sender looks for e-mail to send when nothing wakes it. */
        Duration pollInterval();

        int batchSize();

        /** First retry delay; it doubles per attempt, with jitter, up to {@link #maxBackoff()}. */
        Duration firstBackoff();

        Duration maxBackoff();

        /** After this many failed attempts an e-mail is DEAD (and counted in metrics). */
        int maxAttempts();

        /** Hour of the day (UTC) at which daily digests go out. */
        int digestHourUtc();
    }

    interface Webhooks {
        Duration pollInterval();

        int batchSize();

        Duration timeout();

        Duration firstBackoff();

        Duration maxBackoff();

        int maxAttempts();

        /**
         * Hosts a webhook may point to although they are private or local (SSRF guard). Empty in production;
         * tests add the loopback address of their receiver.
         */
        Optional<List<String>> allowedPrivateHosts();
    }
}
