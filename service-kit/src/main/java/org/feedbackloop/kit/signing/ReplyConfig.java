package org.feedbackloop.kit.signing;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The key shared by notification-service, which puts a signed reference to an action in the Message-ID of its
 * e-mails, and feedback-service, which reads it back from a reply ({@code REPLY_SECRET}). Without it, replies are
 * feedback like any other message.
 */
@ConfigMapping(prefix = "feedbackloop.mail")
public interface ReplyConfig {

    Optional<String> replySecret();
}
