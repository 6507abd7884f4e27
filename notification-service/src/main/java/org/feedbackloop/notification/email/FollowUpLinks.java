package org.feedbackloop.notification.email;

import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.notification.config.NotificationConfig;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one-click "did this solve it?" links of a "you said, we did" message about a done action. A link works for
 * {@code FOLLOW_UP_VALID_DAYS} from when the message was written: its token carries that end, signed with the rest.
 */
@ApplicationScoped
public class FollowUpLinks {

    static final String PURPOSE = "follow-up";
    /** The answers a follow-up link carries. */
    public static final String YES = "yes";
    public static final String NO = "no";

    private final LinkTokens tokens;
    private final String base;
    private final Duration validFor;
    private final Clock clock;

    FollowUpLinks(LinkTokens tokens, NotificationConfig config, Clock clock) {
        if (config.followUp().validDays() < 1) {
            throw new IllegalArgumentException("FOLLOW_UP_VALID_DAYS must be at least 1, not "
                    + config.followUp().validDays());
        }
        this.tokens = tokens;
        this.base = config.publicUrl() + "/api/public/follow-up";
        this.validFor = Duration.ofDays(config.followUp().validDays());
        this.clock = clock;
    }

    /** The question to a contributor: one token names their feedback and the action, and when it stops working. */
    public Map<String, Object> links(UUID feedbackId, UUID actionId, String actionTitle) {
        var token = URLEncoder.encode(token(feedbackId, actionId, actionTitle, clock.instant().plus(validFor)),
                StandardCharsets.UTF_8);
        return Map.of("followUpYes", base + "?answer=" + YES + "&token=" + token,
                "followUpNo", base + "?answer=" + NO + "&token=" + token);
    }

    /** The token of a link that works until {@code expiresAt} (to the second). */
    public String token(UUID feedbackId, UUID actionId, String actionTitle, Instant expiresAt) {
        return tokens.sign(PURPOSE, feedbackId.toString(), actionId.toString(),
                Long.toString(expiresAt.getEpochSecond()), actionTitle);
    }

    /** How long a link works after its message was written. */
    public Duration validFor() {
        return validFor;
    }

    /**
     * What a follow-up link says, if it is one of ours: a token made by {@link #token}, or one made before links
     * expired (feedback, action and title only: its {@link Question#expiresAt} is null).
     */
    public Optional<Question> read(String token) {
        return tokens.verify(PURPOSE, token).flatMap(values -> {
            try {
                return switch (values.size()) {
                    case 3 -> Optional.of(new Question(UUID.fromString(values.get(0)), UUID.fromString(values.get(1)),
                            values.get(2), null));
                    case 4 -> Optional.of(new Question(UUID.fromString(values.get(0)), UUID.fromString(values.get(1)),
                            values.get(3), Instant.ofEpochSecond(Long.parseLong(values.get(2)))));
                    default -> Optional.empty();
                };
            } catch (IllegalArgumentException | DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The feedback and action a follow-up link asks about, and when the link stops working; null for a link made before
     * links expired, which works for as long from the message that carried it.
     */
    public record Question(UUID feedbackId, UUID actionId, String actionTitle, Instant expiresAt) {
    }

    static List<String> answers() {
        return List.of(YES, NO);
    }
}
