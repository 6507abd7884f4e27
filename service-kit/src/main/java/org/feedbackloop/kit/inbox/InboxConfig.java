package org.feedbackloop.kit.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the consumers of a service remember what they handled. */
@ConfigMapping(prefix = "feedbackloop.inbox")
public interface InboxConfig {

    /**
     * How long the id of a handled event is kept ({@code processed_event}): the window in which a redelivery changes
     * nothing. Longer than any redelivery can come, the outbox's retention (7 days) included; the relay purges older
     * ids ({@code FEEDBACKLOOP_INBOX_RETENTION}).
     */
    @WithDefault("30d")
    Duration retention();
}
