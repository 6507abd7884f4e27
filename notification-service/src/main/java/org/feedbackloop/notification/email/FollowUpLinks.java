package org.feedbackloop.notification.email;

import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.notification.config.NotificationConfig;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The one-click "did this solve it?" links of a "you said, we did" message about a done action. */
@ApplicationScoped
public class FollowUpLinks {

    static final String PURPOSE = "follow-up";
    /** The answers a follow-up link carries. */
    public static final String YES = "yes";
    public static final String NO = "no";

    private final LinkTokens tokens;
    private final String base;

    FollowUpLinks(LinkTokens tokens, NotificationConfig config) {
        this.tokens = tokens;
        this.base = config.publicUrl() + "/api/public/follow-up";
    }

    /** The question to a contributor: one token names their feedback and the action. */
    public Map<String, Object> links(UUID feedbackId, UUID actionId, String actionTitle) {
        var token = URLEncoder.encode(tokens.sign(PURPOSE, feedbackId.toString(), actionId.toString(), actionTitle),
                StandardCharsets.UTF_8);
        return Map.of("followUpYes", base + "?answer=" + YES + "&token=" + token,
                "followUpNo", base + "?answer=" + NO + "&token=" + token);
    }

    /** What a follow-up link says, if it is one of ours. */
    public Optional<Question> read(String token) {
        return tokens.verify(PURPOSE, token).filter(values -> values.size() == 3).flatMap(values -> {
            try {
                return Optional.of(new Question(UUID.fromString(values.get(0)), UUID.fromString(values.get(1)), values.get(2)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** The feedback and action a follow-up link asks about. */
    public record Question(UUID feedbackId, UUID actionId, String actionTitle) {
    }

    static List<String> answers() {
        return List.of(YES, NO);
    }
}
