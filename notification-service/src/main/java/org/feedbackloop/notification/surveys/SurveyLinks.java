package org.feedbackloop.notification.surveys;

import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.notification.config.NotificationConfig;
import org.feedbackloop.notification.email.LinkTokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The link of an invitation: the survey page of the web UI with a token that names the invitation, signed so
 * that nobody answers in someone else's name or for an invitation that does not exist. The invitation's own row
 * says whether it is still open (its expiry, its one answer).
 */
@ApplicationScoped
public class SurveyLinks {

    static final String PURPOSE = "survey";

    private final LinkTokens tokens;
    private final String page;

    SurveyLinks(LinkTokens tokens, NotificationConfig config) {
        this.tokens = tokens;
        this.page = config.publicUrl() + "/survey?token=";
    }

    String link(UUID invitationId) {
        return page + URLEncoder.encode(token(invitationId), StandardCharsets.UTF_8);
    }

    String token(UUID invitationId) {
        return tokens.sign(PURPOSE, invitationId.toString());
    }

    /** The invitation a token names, if it is one of ours and unaltered. */
    Optional<UUID> invitation(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return tokens.verify(PURPOSE, token).filter(values -> values.size() == 1).flatMap(values -> {
            try {
                return Optional.of(UUID.fromString(values.getFirst()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
