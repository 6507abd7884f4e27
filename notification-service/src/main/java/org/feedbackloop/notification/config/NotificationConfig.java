package org.feedbackloop.notification.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a deployment of notification-service may change beyond the kit's broker, outbox and signing settings (the
 * signing key also signs the links in e-mails); see application.properties for the environment variables.
 */
@ConfigMapping(prefix = "feedbackloop.notifications")
public interface NotificationConfig {

    Email email();

    Webhooks webhooks();

    Bounces bounces();

    FollowUp followUp();

    /** The "did this solve it?" links of a done action's e-mail. */
    interface FollowUp {
        /** How many days a link works after its message was written ({@code FOLLOW_UP_VALID_DAYS}, at least 1). */
        int validDays();
    }

    /**
     * The mailbox that receives the delivery reports of the suite's e-mail (its envelope sender, {@code
     * MAIL_BOUNCE_ADDRESS}), read over IMAP: an address that fails for good gets no more e-mail.
     */
    interface Bounces {
        /** Whether this replica reads it on its schedule (one replica at a time reads it). */
        boolean enabled();

        String host();

        int port();

        /** IMAP over TLS (imaps); without it, plain IMAP, for a server on this machine only. */
        boolean tls();

        String username();

        /** Without one the mailbox is not read. */
        Optional<String> password();

        String folder();

        Duration pollInterval();

        int batchSize();
    }

    Surveys surveys();

    interface Surveys {
        /** How long after the event a survey it triggers is e-mailed: the news of the event arrives alone first. */
        Duration triggerDelay();
    }

    Directory directory();

    /**
     * The staff directory: Keycloak's admin API, read as a confidential client with the read-only realm-management roles
     * view-users, query-users and query-groups, for who the managers and owners are and which teams the owners have.
     */
    interface Directory {
        /** Keycloak's base URL ({@code http://localhost:8180}); by default the one of the OIDC server URL. */
        Optional<String> url();

        String realm();

        String clientId();

        /** Without one the directory is not read, and the weekly stories digest is off. */
        Optional<String> clientSecret();

        /** How long connecting, and each answer, may take. */
        Duration timeout();
    }

    Stories stories();

    /** The weekly stories digest to managers and owners: the last complete ISO week (UTC), sent from Monday's hour. */
    interface Stories {
        /** How often it is checked whether a digest is due (each check sends what was not sent yet). */
        Duration checkEvery();

        /** The first check's delay after start-up. */
        Duration checkDelay();

        /** Hour of Monday (UTC) from which the week before is told. */
        int hourUtc();
    }

    /** Where people reach the suite, for links in e-mails ({@code http://localhost:8083} locally). */
    String publicUrl();

    interface Email {
        /** How often the sender looks for e-mail to send when nothing wakes it. */
        Duration pollInterval();

        int batchSize();

        /** Messages handed to the mail server at once by one round, each over a pooled connection. */
        int concurrency();

        /** Rounds of sending at once, each with rows of its own: a hanging message holds up only its round. */
        int rounds();

        /** How long a message may take to be accepted; then it counts as failed and is retried with back-off. */
        Duration sendTimeout();

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
